import { describe, expect, it } from 'vitest';
import { errorFromRetcode } from '../../src/gateway/gateway-error';
import { createRouteThrottle, DEFAULT_NO_RIGHT_PROBE_MS } from '../../src/gateway/route-throttle';

function rig(probeMs = DEFAULT_NO_RIGHT_PROBE_MS) {
  const clock = { t: 1_000_000 };
  const throttle = createRouteThrottle({ probeMs, now: () => clock.t });
  return { clock, throttle, noRight: errorFromRetcode('300-001', clock.t) };
}

describe('route throttle', () => {
  it('probes a refused data query every 30 s by default, not every 5 minutes', () => {
    expect(DEFAULT_NO_RIGHT_PROBE_MS).toBe(30_000);
    const { clock, throttle, noRight } = rig();
    expect(throttle.admit('queryAllOnlineAgents')).toBeNull();
    expect(throttle.refuse('queryAllOnlineAgents', noRight, true)).toBe(true);
    clock.t += 29_999;
    expect(throttle.admit('queryAllOnlineAgents')).toBe(noRight);
    clock.t += 1;
    expect(throttle.admit('queryAllOnlineAgents')).toBeNull(); // the probe
    // Callers while the probe is on the wire are still refused; the next probe is 30 s away.
    expect(throttle.admit('queryAllOnlineAgents')).toBe(noRight);
    clock.t += 30_000;
    expect(throttle.admit('queryAllOnlineAgents')).toBeNull();
  });

  it('a refused answer to the probe waits a whole interval again', () => {
    const { clock, throttle, noRight } = rig(1000);
    throttle.refuse('q', noRight, true);
    clock.t += 1000;
    expect(throttle.admit('q')).toBeNull();
    clock.t += 400;
    expect(throttle.refuse('q', noRight, true)).toBe(false);
    clock.t += 999;
    expect(throttle.admit('q')).toBe(noRight);
    clock.t += 1;
    expect(throttle.admit('q')).toBeNull();
  });

  it('is per route: a success elsewhere neither clears nor unthrottles the refused one', () => {
    const { throttle, noRight } = rig();
    throttle.refuse('queryAllOnlineAgents', noRight, true);
    expect(throttle.allow('querySkillQueueOnAgentVDN')).toBe(false);
    expect(throttle.admit('querySkillQueueOnAgentVDN')).toBeNull();
    expect(throttle.admit('queryAllOnlineAgents')).toBe(noRight);
    expect(throttle.criticalError()).toBe(noRight);
    expect(throttle.allow('queryAllOnlineAgents')).toBe(true);
    expect(throttle.criticalError()).toBeNull();
    expect(throttle.admit('queryAllOnlineAgents')).toBeNull();
  });

  it('only critical refusals make the session fatal; clear forgets them all', () => {
    const { throttle, noRight } = rig();
    throttle.refuse('querySkillQueueOnAgentVDN', noRight, false);
    expect(throttle.criticalError()).toBeNull();
    throttle.refuse('queryAllOnlineAgents', noRight, true);
    expect(throttle.criticalError()).toBe(noRight);
    throttle.clear();
    expect(throttle.criticalError()).toBeNull();
    expect(throttle.admit('querySkillQueueOnAgentVDN')).toBeNull();
  });
});
