// The one place that says how Chromium is launched, for the e2e suite and the benchmarks (which
// import this file by path). Both drive Debian's packaged Chromium: `playwright install` cannot
// download browsers on the machines we build on, and `npm test` installs the package with apt-get.

/** Where the Debian package puts the browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless without a GPU, runnable as root (no sandbox), and quiet: nothing in the browser may
 *  reach the network, update itself or sync during a run, which would add noise to timings and
 *  fail on a machine without internet access. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Playwright launch options for that browser (a fresh copy each call: Playwright takes `args`
 *  as a mutable array). */
export function chromiumLaunchOptions(): { executablePath: string; args: string[] } {
  return { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] };
}
