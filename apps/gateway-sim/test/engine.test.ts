import { STATUS_FOR_CTI } from '@floorwatch/contracts';
import { describe, expect, it } from 'vitest';
import {
  AllOnlineAgentsSerializer,
  ContactCentreEngine,
  loadFactor,
  mulberry32,
  smallScenario,
} from '../src/index';
import { T0 } from './factories';

const payload = (e: ContactCentreEngine, now: number) => {
  e.advanceTo(now);
  return new AllOnlineAgentsSerializer().serialize(e, now);
};

describe('engine', () => {
  it('is deterministic: same seed and clock give the same payload', () => {
    const a = new ContactCentreEngine(smallScenario(), 7, T0);
    const b = new ContactCentreEngine(smallScenario(), 7, T0);
    expect(payload(a, T0 + 3_600_000)).toBe(payload(b, T0 + 3_600_000));
    const c = new ContactCentreEngine(smallScenario(), 8, T0);
    expect(payload(c, T0 + 3_600_000)).not.toBe(payload(a, T0 + 3_600_000));
  });

  it('does not depend on how often it is asked (lazy fixed steps, no timer jitter)', () => {
    const often = new ContactCentreEngine(smallScenario(), 3, T0);
    const r = mulberry32(99);
    let t = T0;
    while (t < T0 + 1_800_000) {
      t += Math.floor(r.next() * 7000);
      often.advanceTo(t);
    }
    const once = new ContactCentreEngine(smallScenario(), 3, T0);
    expect(payload(once, t)).toBe(payload(often, t));
  });

  it('keeps status and ctiStatus consistent (Table 1 / Table 2) at every minute of a shift', () => {
    const e = new ContactCentreEngine(smallScenario(), 1, T0);
    const seen = new Set<string>();
    for (let t = T0; t < T0 + 8 * 3_600_000; t += 60_000) {
      e.advanceTo(t);
      for (const a of e.agents()) {
        seen.add(`${a.status}/${a.ctiStatus}`);
        if (a.status === 9) expect(a.ctiStatus).toBe(5);
        else
          expect(STATUS_FOR_CTI[a.ctiStatus], `${a.def.workno} ${a.status}/${a.ctiStatus}`).toBe(
            a.status,
          );
        expect(a.signedIn).toBe(a.status !== 2);
        if (a.signedIn) expect(a.loginDate).not.toBeNull();
        expect(a.stateSince).toBeLessThanOrEqual(t);
        if (a.status === 3)
          expect(a.reason === 1 || (a.reason >= 200 && a.reason <= 250)).toBe(true);
      }
    }
    // A living floor: idle, talking (and answering), wrap-up, busy, rest and sign-outs all happen.
    for (const s of ['4/1', '7/5', '7/4', '5/6', '3/7', '8/8', '2/0']) expect(seen, s).toContain(s);
  });

  it('makes queues follow the daily load: deeper and longer waits at the peak than at night', () => {
    const sample = (startHourUtc: number) => {
      const start = Date.UTC(2026, 2, 10, startHourUtc, 0, 0);
      const e = new ContactCentreEngine(smallScenario(), 5, start);
      let depth = 0;
      let wait = 0;
      for (let t = start + 600_000; t < start + 2 * 3_600_000; t += 30_000) {
        e.advanceTo(t);
        for (const q of e.queues()) {
          const s = e.queueStats(q.def.id, t)!;
          depth += s.queueSize;
          wait += s.longestWaitS;
        }
      }
      return { depth, wait };
    };
    expect(loadFactor(Date.UTC(2026, 2, 10, 10))).toBeGreaterThan(
      loadFactor(Date.UTC(2026, 2, 10, 2)) * 2,
    );
    const peak = sample(9);
    const night = sample(1);
    expect(peak.depth).toBeGreaterThan(night.depth);
    expect(peak.wait).toBeGreaterThan(night.wait);
  });

  it('signs agents in and out over a shift (logindate moves)', () => {
    const e = new ContactCentreEngine(smallScenario(), 2, T0);
    const logins = new Map(e.agents().map((a) => [a.def.workno, a.loginDate]));
    e.advanceTo(T0 + 10 * 3_600_000);
    const changed = e.agents().filter((a) => a.loginDate !== logins.get(a.def.workno));
    expect(changed.length).toBeGreaterThan(10);
    for (const a of e.agents())
      if (a.loginDate !== null) expect(a.loginDate).toBeGreaterThan(T0 - 7 * 3_600_000);
  });

  it('gives chat calls only to agents signed in to WebM', () => {
    const e = new ContactCentreEngine(smallScenario(), 4, T0);
    for (let t = T0; t < T0 + 3_600_000; t += 5000) {
      e.advanceTo(t);
      for (const a of e.agents()) {
        if (a.callSkill === 4 || a.callSkill === 6) expect(a.def.mediatype.charAt(1)).toBe('T');
      }
    }
  });

  it('churn changes the state of that share of signed-in agents now; control state pins', () => {
    const e = new ContactCentreEngine(smallScenario(), 1, T0);
    const t = T0 + 10_000;
    e.advanceTo(t);
    const before = new Map(e.agents().map((a) => [a.def.workno, a.status]));
    const online = e.agents().filter((a) => a.signedIn).length;
    const changed = e.churn(0.5, t);
    expect(changed.length).toBe(Math.round(online * 0.5));
    for (const w of changed) {
      const a = e.agent(w)!;
      expect(a.status).not.toBe(before.get(w));
      expect(a.stateSince).toBe(t);
    }
    e.setState('2001', 8, 11, t);
    e.advanceTo(t + 3 * 3_600_000);
    expect(e.agent('2001')).toMatchObject({ status: 8, ctiStatus: 8, reason: 11, stateSince: t });
    e.release('2001', t + 3 * 3_600_000);
    expect(e.agent('2001')).toMatchObject({ status: 4, phase: 'idle' });
  });
});
