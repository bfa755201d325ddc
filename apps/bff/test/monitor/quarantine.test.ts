// One bad agent record must not freeze the floor: it is left out, counted and named, and the
// rest stays live. Everything published meanwhile passes the API schema (checked by the rig).
// The gateway is the simulator behind a stand-in that writes the hostile values into its answers.
import { describe, expect, it } from 'vitest';
import { control, metricValue, waitFor } from '../gateway/support';
import { setAgentField } from './hostile-gateway';
import { ready, useRig, type Rig } from './rig';

const rig = useRig();
const ROUTE = { route: 'queryAllOnlineAgents' };

const worknos = (r: Rig) =>
  r.monitor
    .snapshot()
    .agents.map((a) => a.workno)
    .sort();

describe(
  'a bad agent record (seed: 2005 in skill 1, 2007 in skills 1 and 2)',
  { timeout: 15_000 },
  () => {
    const hostile: Array<[string, string, string]> = [
      ['a status beyond 2^53 as a digit string', 'status', '"99999999999999999999"'],
      ['a 400-digit currentstatetime (parses as Infinity)', 'currentstatetime', '9'.repeat(400)],
      ['a work number of 1e400', 'workno', '1e400'],
      ['a phone number beyond 2^53', 'phonenumber', '12345678901234567890'],
    ];
    for (const [name, field, raw] of hostile) {
      it(`${name}: left out, counted, named; the rest stays live`, async () => {
        const r = await rig({ hostile: true });
        await ready(r);
        r.hostile!.rewrite = setAgentField('2005', field, raw);
        await waitFor(
          async () => (await metricValue(r.metrics, 'quarantinedRecords', ROUTE)) === 1,
          {
            what: 'the record quarantined',
          },
        );
        expect(worknos(r)).toEqual(['2007']);
        expect(r.monitor.health()).toMatchObject({ status: 'ok', error: null });
        expect(await metricValue(r.metrics, 'quarantinedRecordsTotal', ROUTE)).toBeGreaterThan(0);
        expect(await metricValue(r.metrics, 'invalidAnswers', ROUTE)).toBe(0);
        const warn = r.log
          .text()
          .split('\n')
          .find((l) => l.includes('left out agent records'));
        expect(warn).toBeDefined();
        expect(JSON.parse(warn!)).toMatchObject({
          level: 40,
          count: 1,
          worknos: [field === 'workno' ? 'Infinity' : '2005'],
        });
        // The rest of the floor is live: a change of 2007 still reaches the screens.
        await control(r.gw, 'POST', '/agents/2007/state', { status: 7 });
        await waitFor(() => r.patches.find((p) => p.agents.some((a) => a.workno === '2007')), {
          what: '2007 patched',
        });
        expect(r.monitor.snapshot().queues.find((q) => q.skillId === 1)?.agents).toEqual(['2007']);
        // Corrected at the source: the agent is back, nothing is left out any more.
        r.hostile!.rewrite = null;
        await waitFor(() => worknos(r).join() === '2005,2007', { what: '2005 back' });
        expect(await metricValue(r.metrics, 'quarantinedRecords', ROUTE)).toBe(0);
      });
    }

    it('names a long work number shortened, once while it stays bad', async () => {
      const r = await rig({ hostile: true });
      await ready(r);
      const long = '2'.repeat(400);
      r.hostile!.rewrite = (text) =>
        setAgentField(
          '2005',
          'status',
          '"x"',
        )(text).replace('"workno":"2005"', `"workno":"${long}"`);
      const seen = r.hostile!.rewritten;
      await waitFor(() => r.hostile!.rewritten >= seen + 5, { what: 'five bad answers' });
      const warns = r.log
        .text()
        .split('\n')
        .filter((l) => l.includes('left out agent records'));
      expect(warns).toHaveLength(1);
      expect(JSON.parse(warns[0]!).worknos).toEqual([`${'2'.repeat(32)}… (400 chars)`]);
      expect(r.log.text()).not.toContain(long);
    });

    it('refuses an answer with more bad records than good ones as a whole, keeping the last good data', async () => {
      const r = await rig({ hostile: true });
      await ready(r);
      const good = r.monitor.snapshot().agents;
      const bad = (text: string) =>
        setAgentField('2007', 'status', '1.5')(setAgentField('2005', 'status', '1.5')(text));
      r.hostile!.rewrite = bad;
      await waitFor(() => r.monitor.health().status === 'stale', { what: 'stale' });
      expect(r.monitor.health().error).toMatchObject({ code: 'INVALID_ANSWER' });
      expect(r.monitor.snapshot().agents).toEqual(good);
      expect(await metricValue(r.metrics, 'invalidAnswers', ROUTE)).toBeGreaterThan(0);
      r.hostile!.rewrite = null;
      await waitFor(() => r.monitor.health().status === 'ok', { what: 'ok again' });
    });
  },
);
