// The raw-diff ingest reads every allonlineagents answer exactly as the full pipeline does:
// random floors polled several times with random changes in between (state changes, seconds
// ticking, agents signing in and out, skills joined and left, records reordered, odd and
// malformed records, BOMs, whitespace, cut answers), and the real simulator under churn.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Metrics } from '../../src/metrics';
import { render, runPolls, fullPipeline, rawDiffPipeline } from './raw-diff-fuzz';
import { model, poll, type Model } from './raw-diff-model';

async function countsOf(metrics: Metrics) {
  const full = await metrics.agentsFullReads.get();
  const diffs = await metrics.agentsRawDiffs.get();
  const reread = await metrics.agentsRecordsReread.get();
  const byReason: Record<string, number> = {};
  for (const v of full.values) byReason[String(v.labels.reason)] = v.value;
  return { byReason, diffs: diffs.values[0]?.value ?? 0, reread: reread.values[0]?.value ?? 0 };
}

describe('raw diff = full parse', { timeout: 300_000 }, () => {
  it('on 2,000 random floors polled 2 to 7 times with random changes in between', async () => {
    const seen: Metrics[] = [];
    const outcomes = { 'not-json': 0, refused: 0, read: 0 };
    fc.assert(
      fc.property(
        model,
        fc.array(poll, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(5_000, 60_000),
        (m, polls, every) => {
          const r = runPolls(m, polls, every);
          seen.push(r.metrics);
          for (const [k, v] of Object.entries(r.outcomes))
            outcomes[k as keyof typeof outcomes] += v;
          if (r.problem) throw new Error(r.problem);
        },
      ),
      { numRuns: 2000 },
    );
    // Not vacuous: the diff carried many polls, and every way out of it was taken.
    const total: Record<string, number> = {};
    let diffs = 0;
    let reread = 0;
    for (const m of seen) {
      const c = await countsOf(m);
      diffs += c.diffs;
      reread += c.reread;
      for (const [k, v] of Object.entries(c.byReason)) total[k] = (total[k] ?? 0) + v;
    }
    expect(diffs).toBeGreaterThan(1000);
    expect(reread).toBeGreaterThan(500);
    for (const reason of ['first', 'unlearnt', 'periodic', 'structure', 'membership', 'quarantine'])
      expect(total[reason] ?? 0, reason).toBeGreaterThan(20);
    // Answers that are not JSON, or are refused, come out the same way too.
    expect(outcomes['not-json']).toBeGreaterThan(20);
    expect(outcomes.refused).toBeGreaterThan(20);
  });
});

const floor = (): Model => ({
  agents: Object.fromEntries(
    ['2001', '2002', '2003'].map((w, i) => [
      w,
      {
        workno: w,
        name: `Agent ${i}`,
        status: 4,
        cti: 1,
        reason: 0,
        group: 1,
        media: 'TFF',
        phone: `8888${i}`,
        since: 100 * i,
        login: 1_700_000_000,
        quirk: 'plain' as const,
      },
    ]),
  ),
  skills: [
    { id: 1, media: 5, members: ['2001', '2002', '2003'] },
    { id: 2, media: 53, members: ['2002'] },
  ],
  message: 'success',
  listEmpty: false,
});

describe('raw diff of one floor', () => {
  const at = (s: number) => 1_800_000_000_000 + s * 1000;
  const none = { kind: 'none' } as const;

  it('reads no record again when only the seconds ticked, and keeps every agent object', async () => {
    const m = floor();
    const { step, metrics } = rawDiffPipeline(60_000);
    const first = step(Buffer.from(render(m, 1000, none)), at(1000));
    const second = step(Buffer.from(render(m, 1002, none)), at(1002) + 300);
    expect(first.kind === 'read' && second.kind === 'read').toBe(true);
    if (first.kind !== 'read' || second.kind !== 'read') return;
    for (const [w, a] of second.agents) expect(a).toBe(first.agents.get(w));
    expect(await countsOf(metrics)).toEqual({ byReason: { first: 1 }, diffs: 1, reread: 0 });
  });

  it('reads only the changed record when an agent changes state, and counts its queues', async () => {
    const m = floor();
    const { step, metrics } = rawDiffPipeline(60_000);
    const full = fullPipeline();
    for (const b of [render(m, 1000, none)]) {
      step(Buffer.from(b), at(1000));
      full(Buffer.from(b), at(1000));
    }
    m.agents['2002']!.status = 7;
    m.agents['2002']!.cti = 5;
    m.agents['2002']!.since = 1001;
    const bytes = Buffer.from(render(m, 1002, none));
    const got = step(bytes, at(1002));
    const want = full(bytes, at(1002));
    expect(got).toEqual(want);
    if (got.kind !== 'read') return;
    expect(got.agents.get('2002')).toMatchObject({ state: 'talking', stateSince: at(1001) });
    expect(got.queues.get(2)!.counts).toMatchObject({ talking: 1, idle: 0 });
    expect(got.queues.get(1)!.counts).toMatchObject({ talking: 1, idle: 2 });
    // Agent 2002 is listed under both skills: both records were read, nothing else.
    expect(await countsOf(metrics)).toEqual({ byReason: { first: 1 }, diffs: 1, reread: 2 });
  });

  it('reads the whole answer when an agent signs out, and the diff takes over again after', async () => {
    const m = floor();
    const { step, metrics } = rawDiffPipeline(60_000);
    step(Buffer.from(render(m, 1000, none)), at(1000));
    m.skills[0]!.members = ['2001', '2003'];
    m.skills[1]!.members = [];
    delete m.agents['2002'];
    const out = step(Buffer.from(render(m, 1002, none)), at(1002));
    expect(out.kind === 'read' && [...out.agents.keys()]).toEqual(['2001', '2003']);
    step(Buffer.from(render(m, 1004, none)), at(1004));
    expect(await countsOf(metrics)).toEqual({
      byReason: { first: 1, structure: 1 },
      diffs: 1,
      reread: 0,
    });
  });
});

describe('raw diff of records written oddly', () => {
  // JSON.parse keeps the last of two equal keys, and a key may be spelled with escapes: the
  // time in state shown must be the one the full parse reads, however long the record ticks.
  it.each(['dup-cst', 'escaped-cst', 'quoted-cst', 'spaced', 'huge-cst', 'split'] as const)(
    '%s: the same floor as the full parse over 8 polls',
    (quirk) => {
      const m = floor();
      // The odd records carry a second, fixed currentstatetime of 7: start where the ticking one
      // agrees with it, so only reading the right one keeps agreeing with the full parse.
      for (const a of Object.values(m.agents)) Object.assign(a, { quirk, since: 10_000 - 7 });
      const polls = Array.from({ length: 7 }, () => ({
        changes: [],
        tick: 2,
        jitterMs: 0,
        garble: { kind: 'none' as const },
      }));
      expect(runPolls(m, polls, 600_000).problem).toBeNull();
    },
  );
});
