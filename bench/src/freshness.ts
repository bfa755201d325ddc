// 5. Freshness: from a state change made through the simulator's control API to the changed row
// in the DOM. The page registers what it expects before the change is made and a MutationObserver
// stamps the moment the row's state badge shows it; both sides read the same wall clock
// (Date.now(), one machine), so latency = seen − made. Changes are spaced at random so they land at
// every phase of the poll interval.
import type { Bench } from './lib/bench';
import { initScript, launchBrowser, requireWebDist, signedInContext } from './lib/browser';
import { setState, startProduct, waitForData } from './lib/product';
import type { Figure } from './lib/results';
import { ONE_QUEUE_SKILL, oneQueueScenario } from './lib/scenarios';
import { mean, percentile, round, sleep } from './lib/stats';

declare global {
  interface Window {
    __fresh?: {
      expect(workno: string, state: string, madeAt: number): void;
      seen: Record<string, number>;
    };
  }
}

/** status code the control API takes → the state name the badge shows (data-state). */
const STATES: readonly [number, string][] = [
  [4, 'idle'],
  [7, 'talking'],
  [5, 'wrapup'],
  [3, 'busy'],
  [8, 'rest'],
];

function freshnessProbe(): void {
  const pending = new Map<string, { state: string; key: string }>();
  const seen: Record<string, number> = {};
  const check = () => {
    for (const [workno, want] of pending) {
      const badge = document.querySelector(`tr[data-workno="${workno}"] [data-state]`);
      if (badge?.getAttribute('data-state') === want.state) {
        seen[want.key] = Date.now();
        pending.delete(workno);
      }
    }
  };
  new MutationObserver(() => {
    if (pending.size > 0) check();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  window.__fresh = {
    expect(workno, state, madeAt) {
      pending.set(workno, { state, key: `${workno}@${madeAt}` });
    },
    seen,
  };
}

export const freshness: Bench = {
  name: 'freshness',
  title: 'Freshness',
  budgetMs: { full: 180_000, smoke: 25_000 },
  async run(ctx) {
    const dist = requireWebDist();
    const pollMs = ctx.smoke ? 1000 : 2000;
    const changes = ctx.smoke ? 5 : 110;
    const fw = await startProduct({
      scenario: oneQueueScenario(ctx.smoke ? 300 : 2000),
      webDist: dist,
      pollMs,
    });
    ctx.defer(() => fw.close());
    await waitForData(fw.url, await fw.signIn(), 30_000);
    const browser = await launchBrowser();
    ctx.defer(() => browser.close());
    const context = await signedInContext(browser, fw, { width: 1280, height: 1400 });
    const page = await context.newPage();
    await page.addInitScript(initScript(freshnessProbe));
    // Sorted by work number so a changed row stays where it is (the default sort is by time in
    // state, which would move it to the bottom and out of the virtualised window).
    await page.goto(`/queues/${ONE_QUEUE_SKILL}?sort=workno`);
    await page.locator('tr[data-workno]').first().waitFor({ timeout: 15_000 });
    await sleep(500);
    const rows = await page.$$eval('tr[data-workno]', (trs) =>
      trs
        .filter((tr) => {
          const r = tr.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= window.innerHeight;
        })
        .map((tr) => ({
          workno: tr.getAttribute('data-workno') ?? '',
          state: tr.querySelector('[data-state]')?.getAttribute('data-state') ?? '',
        })),
    );
    if (rows.length < 4) throw new Error(`only ${rows.length} rows visible`);
    ctx.log(`${rows.length} rows in view; making ${changes} changes`);

    const current = new Map(rows.map((r) => [r.workno, r.state]));
    const busy = new Set<string>();
    const made: { key: string; workno: string; madeAt: number }[] = [];
    let cursor = 0;
    for (let i = 0; i < changes && Date.now() < ctx.deadline - 10_000; i += 1) {
      // Next row with no change in flight (its previous change already shown, or given up).
      let workno = '';
      for (let k = 0; k < rows.length; k += 1) {
        const w = rows[(cursor + k) % rows.length]!.workno;
        if (!busy.has(w)) {
          workno = w;
          cursor = (cursor + k + 1) % rows.length;
          break;
        }
      }
      if (!workno) {
        await sleep(200);
        i -= 1;
        continue;
      }
      const options = STATES.filter(([, s]) => s !== current.get(workno));
      const [status, state] = options[i % options.length]!;
      const madeAt = Date.now();
      await page.evaluate(([w, s, t]) => window.__fresh!.expect(w, s, t), [
        workno,
        state,
        madeAt,
      ] as const);
      await setState(fw.controlUrl, workno, status);
      current.set(workno, state);
      busy.add(workno);
      const key = `${workno}@${madeAt}`;
      made.push({ key, workno, madeAt });
      const clear = setInterval(() => {
        void page
          .evaluate((k) => window.__fresh!.seen[k] !== undefined, key)
          .then((done) => {
            if (done || Date.now() - madeAt > 3 * pollMs + 5000) {
              busy.delete(workno);
              clearInterval(clear);
            }
          })
          .catch(() => clearInterval(clear));
      }, 250);
      ctx.defer(() => clearInterval(clear));
      // 150–650 ms apart: uniform over the poll phase, ~4 changes per poll.
      await sleep(150 + Math.random() * 500);
    }
    // Wait for the last ones to show (or give up on them).
    const lastMade = made.at(-1)?.madeAt ?? Date.now();
    while (Date.now() - lastMade < 3 * pollMs + 2000) {
      const seen = await page.evaluate(() => Object.keys(window.__fresh!.seen).length);
      if (seen >= made.length) break;
      await sleep(250);
    }
    const seen = await page.evaluate(() => window.__fresh!.seen);
    await context.close();
    const latencies = made.flatMap((m) =>
      seen[m.key] !== undefined ? [seen[m.key]! - m.madeAt] : [],
    );
    const missed = made.length - latencies.length;
    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);
    const figures: Figure[] = [
      { label: 'state change → row in the DOM, p50', value: round(p50, 0), unit: 'ms' },
      {
        label: 'state change → row in the DOM, p95',
        value: round(p95, 0),
        unit: 'ms',
        baseline: { label: 'poll interval', value: pollMs, unit: 'ms' },
        ratio: round(p95 / pollMs, 2),
        ratioNote: 'p95 ÷ poll interval',
        target: `< ${pollMs + 250} ms (poll interval + 250 ms)`,
        met: latencies.length >= (ctx.smoke ? 1 : 100) && missed === 0 ? p95 < pollMs + 250 : false,
      },
      {
        label: 'changes measured (not shown within 3 polls)',
        value: latencies.length,
        unit: `(${missed} missed)`,
      },
    ];
    return {
      figures,
      notes: [
        `${made.length} changes (POST /sim-control/agents/:workno/state) to ${rows.length} rows in view of a ${ctx.smoke ? 300 : 2000}-agent queue sorted by work number, 150–650 ms apart; BFF poll interval ${pollMs} ms. A change waits on average half an interval for the next poll, so ≈ ${pollMs / 2} ms p50 is the floor of any polling design; mean ${round(mean(latencies), 0)} ms, max ${round(Math.max(...latencies), 0)} ms.`,
      ],
      raw: { pollMs, latencies, missed },
    };
  },
};
