// The Grafana dashboard and the Prometheus alert rules in deploy/ use only metrics a running BFF
// exposes on /metrics, so a renamed metric cannot leave a panel empty or an alert silent.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startFloorwatch, type RunningFloorwatch } from '../../src/index';
import { testWebDist, waitFor } from '../component/harness';

const deploy = path.resolve(__dirname, '../../../../deploy');
const OUR_PREFIXES = /\b((?:floorwatch|process|nodejs)_[a-z0-9_]+)\b/g;

function dashboardExprs(): string[] {
  const dash = JSON.parse(
    readFileSync(path.join(deploy, 'grafana/floorwatch-dashboard.json'), 'utf8'),
  ) as {
    panels: { targets?: { expr: string }[] }[];
    templating: { list: { query: string }[] };
  };
  return [
    ...dash.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr)),
    ...dash.templating.list.map((v) => v.query),
  ];
}

function alertExprs(): string[] {
  const rules = parse(
    readFileSync(path.join(deploy, 'prometheus/floorwatch-alerts.yml'), 'utf8'),
  ) as {
    groups: { rules: { alert: string; expr: string; labels: { severity: string } }[] }[];
  };
  const all = rules.groups.flatMap((g) => g.rules);
  for (const r of all) expect(['critical', 'warning'], r.alert).toContain(r.labels.severity);
  return all.map((r) => r.expr);
}

/** Metric families in the exposition, with the series names a query may use for each. */
function exposed(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    const [, name, type] = m as unknown as [string, string, string];
    names.add(name);
    if (type === 'histogram') for (const s of ['_bucket', '_sum', '_count']) names.add(name + s);
    if (type === 'summary') for (const s of ['_sum', '_count']) names.add(name + s);
  }
  return names;
}

let fw: RunningFloorwatch;
beforeAll(async () => {
  fw = await startFloorwatch({
    env: {
      PORT: '0',
      CCGW_POLL_MS: '300',
      LOG_LEVEL: 'silent',
      FLOORWATCH_WEB_DIST: testWebDist(),
    },
    defaultMetrics: true,
  });
  await waitFor(async () => (await fetch(`${fw.url}/readyz`)).status === 200, 'ready', 15_000);
});
afterAll(async () => fw?.close());

describe('deploy/ dashboard and alerts', () => {
  it('use only metrics that /metrics of a running BFF exposes', async () => {
    const names = exposed(await (await fetch(`${fw.url}/metrics`)).text());
    const exprs = [...dashboardExprs(), ...alertExprs()];
    const used = new Set(exprs.flatMap((e) => [...e.matchAll(OUR_PREFIXES)].map((m) => m[1]!)));
    expect(used.size).toBeGreaterThan(15);
    const missing = [...used].filter((n) => !names.has(n));
    expect(missing, `exposed: ${[...names].sort().join(', ')}`).toEqual([]);
  });
});
