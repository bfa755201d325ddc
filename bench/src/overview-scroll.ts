// 6. Browser: scrolling the overview of the `large` centre (500 queues, 10,000 agents) in headless
// Chromium from top to bottom, as a supervisor would with the mouse wheel, while the floor keeps
// changing. Reports long tasks (PerformanceObserver 'longtask', > 50 ms) and frame times
// (requestAnimationFrame deltas) during the scroll only; the page's first load is not counted.
import type { Bench } from './lib/bench';
import { initScript, launchBrowser, requireWebDist, signedInContext } from './lib/browser';
import { startProduct, waitForData } from './lib/product';
import type { Figure } from './lib/results';
import { percentile, round, sleep } from './lib/stats';

declare global {
  interface Window {
    __fwScroll?: {
      frames: number[];
      longTasks: { start: number; duration: number }[];
      recording: boolean;
    };
  }
}

/** Runs in the page before any of its scripts. */
function scrollProbe(): void {
  const fw: NonNullable<Window['__fwScroll']> = { frames: [], longTasks: [], recording: false };
  window.__fwScroll = fw;
  try {
    new PerformanceObserver((list) => {
      if (!fw.recording) return;
      for (const e of list.getEntries())
        fw.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  } catch {
    // longtask not supported: reported as an empty list
  }
  let last = 0;
  const tick = (t: number) => {
    if (fw.recording && last > 0 && fw.frames.length < 100_000) fw.frames.push(t - last);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Scroll position of the page's scrolling area (the <main> element). */
function position(): { top: number; max: number; tiles: number } {
  const main = document.querySelector('main');
  return {
    top: main?.scrollTop ?? 0,
    max: main ? main.scrollHeight - main.clientHeight : 0,
    tiles: document.querySelectorAll('main article').length,
  };
}

export const overviewScroll: Bench = {
  name: 'overview-scroll',
  title: 'Overview scroll at scale',
  budgetMs: { full: 420_000, smoke: 60_000 },
  async run(ctx) {
    const dist = requireWebDist();
    const scenario = ctx.smoke ? 'small' : 'large';
    const fw = await startProduct({ scenario, webDist: dist });
    ctx.defer(() => fw.close());
    await waitForData(fw.url, await fw.signIn(), 60_000);
    const browser = await launchBrowser();
    ctx.defer(() => browser.close());

    const viewport = { width: 1440, height: 900 };
    const context = await signedInContext(browser, fw, viewport);
    const page = await context.newPage();
    await page.addInitScript(initScript(scrollProbe));
    await page.goto('/');
    await page.locator('main article').first().waitFor({ timeout: 60_000 });
    // Let the first screen's history requests and the first clock ticks settle.
    await page.waitForLoadState('networkidle');
    await sleep(ctx.smoke ? 500 : 3000);

    const stepPx = 400;
    const maxSteps = ctx.smoke ? 15 : 3000;
    const end = ctx.deadline - (ctx.smoke ? 3000 : 20_000);
    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    const startPerf = await page.evaluate(() => {
      window.__fwScroll!.recording = true;
      return performance.now();
    });
    const started = Date.now();
    let steps = 0;
    let stuck = 0;
    let pos = await page.evaluate(position);
    // Wheel steps as a user scrolls; each step waits two frames so the page can render. Stops at
    // the bottom (all tiles loaded and nothing more to scroll), after maxSteps, or at the deadline.
    while (steps < maxSteps && Date.now() < end) {
      await page.mouse.wheel(0, stepPx);
      await page.evaluate(
        () =>
          new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
      );
      steps += 1;
      const next = await page.evaluate(position);
      stuck = next.top <= pos.top ? stuck + 1 : 0;
      pos = next;
      // At the bottom for a while: no further page of tiles came in.
      if (stuck >= 20) break;
    }
    const seconds = (Date.now() - started) / 1000;
    const probe = await page.evaluate(() => {
      window.__fwScroll!.recording = false;
      return { frames: window.__fwScroll!.frames, longTasks: window.__fwScroll!.longTasks };
    });
    const queues = await page.locator('main article').count();
    await context.close();

    const during = probe.longTasks.filter((t) => t.start >= startPerf);
    const longest = during.reduce((m, t) => Math.max(m, t.duration), 0);
    const frames = probe.frames;
    const figures: Figure[] = [
      {
        label: `long tasks > 50 ms while scrolling the ${scenario} overview`,
        value: during.length,
        unit: `(longest ${round(longest, 0)} ms)`,
        target: 'none',
        met: during.length === 0,
      },
      {
        label: 'frame time p95 while scrolling',
        value: frames.length > 0 ? round(percentile(frames, 95), 1) : null,
        unit: 'ms',
      },
      {
        label: 'frames that missed a vsync while scrolling (delta > 25 ms)',
        value:
          frames.length > 0
            ? round((frames.filter((f) => f > 25).length / frames.length) * 100, 2)
            : null,
        unit: `% of ${frames.length}`,
      },
      {
        label: 'tiles on the page at the end of the scroll',
        value: queues,
        unit: `after ${steps} wheel steps (${round(pos.top, 0)} px, ${round(seconds, 1)} s)`,
      },
    ];
    return {
      figures,
      notes: [
        `${ctx.smoke ? 'Smoke: the small scenario, 15 wheel steps.' : 'The simulator\u2019s large scenario (500 queues, 10,000 agents, live), BFF poll interval 2 s.'} Overview at ${viewport.width}×${viewport.height}; mouse-wheel steps of ${stepPx} px, each followed by two animation frames, from the top until the page stops growing.`,
        'Long tasks (PerformanceObserver "longtask") and requestAnimationFrame deltas are counted from the first wheel step to the last, in headless Chromium (--disable-gpu, software compositing).',
      ],
      raw: {
        longTasks: during,
        frames: frames.length,
        steps,
        scrolledPx: pos.top,
        queues,
        seconds,
      },
    };
  },
};
