import { acdValue } from '@floorwatch/contracts/gateway';
import { describe, expect, it } from 'vitest';
import { control, waitFor } from '../gateway/support';
import { ready, useRig } from './rig';

const rig = useRig();

describe('queryacdstat values as screens show them', () => {
  it('turns the sentinels and anything out of range into "none"', () => {
    expect(acdValue(65535)).toBeNull();
    expect(acdValue(65535, 100)).toBeNull();
    expect(acdValue(255, 100)).toBeNull(); // a percentage above 100 is a sentinel too
    expect(acdValue(-1)).toBeNull();
    expect(acdValue(undefined)).toBeNull();
    expect(acdValue(null)).toBeNull();
    expect(acdValue(97.5, 100)).toBe(97.5);
    expect(acdValue(0)).toBe(0);
    expect(acdValue(255)).toBe(255); // 255 agents signed in is a real count
  });
});

describe('queue KPIs from the simulator (seed scenario)', { timeout: 20_000 }, () => {
  it('carries loggedOnAgents, availAgents and maxQueueSize, and agrees with allonlineagents', async () => {
    const r = await rig();
    await ready(r);
    const q1 = await waitFor(
      () => r.monitor.snapshot().queues.find((q) => q.skillId === 1 && q.loggedOnAgents !== null),
      { what: 'queue KPIs' },
    );
    expect(q1.loggedOnAgents).toBe(q1.agents.length);
    expect(q1.availAgents).not.toBeNull();
    expect(q1.agentCountMismatchSince).toBeNull();
  });

  it('says since when the two calls disagree, and forgets it once they agree again', async () => {
    const r = await rig();
    await ready(r);
    await control(r.gw, 'PUT', '/quirks', { loggedOnSkew: { '1': 3 } });
    const since = await waitFor(
      () =>
        r.monitor.snapshot().queues.find((q) => q.skillId === 1)?.agentCountMismatchSince ??
        undefined,
      { what: 'a mismatch' },
    );
    expect(Math.abs(since - Date.now())).toBeLessThan(10_000);
    const q2 = r.monitor.snapshot().queues.find((q) => q.skillId === 2)!;
    expect(q2.agentCountMismatchSince).toBeNull();

    await control(r.gw, 'PUT', '/quirks', { loggedOnSkew: {} });
    await waitFor(
      () =>
        r.monitor.snapshot().queues.find((q) => q.skillId === 1)?.agentCountMismatchSince === null,
      { what: 'agreement again' },
    );
  });
});
