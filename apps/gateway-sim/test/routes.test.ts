// The simulator serves the contracts' route table (GATEWAY_ROUTES), no more and no less: every
// route answers under its own method and path and is counted under its log name.
import { GATEWAY_ROUTES, gatewayPath, type GatewayRouteName } from '@floorwatch/contracts';
import { describe, expect, it } from 'vitest';
import { ROUTE_NAMES } from '../src/index';
import { ROOMY, testSim, type CountersBody } from './factories';

const names = Object.keys(GATEWAY_ROUTES) as GatewayRouteName[];

describe('route table', () => {
  it('the simulator knows exactly the routes of the contracts table', () => {
    expect([...ROUTE_NAMES].sort()).toEqual([...names].sort());
  });

  it('every route answers in the gateway envelope under its method and path, counted by log name', async () => {
    const sim = await testSim({ ...ROOMY, scenario: 'seed' });
    for (const name of names) {
      const { method, logName, kind } = GATEWAY_ROUTES[name];
      // A fresh session per route, so sign-outs and sign-ins do not disturb each other.
      await sim.control('POST', 'sessions/expire');
      const { guid } = kind === 'sign-in' ? { guid: null } : await sim.signIn('101');
      const url = gatewayPath(name, { agentId: 101, skillId: 1, workNo: 2005 });
      const body =
        kind === 'sign-in'
          ? { password: 'floorwatch', phonenum: '88880001' }
          : name === 'queryStatInfoOfAcd'
            ? { skills: [1] }
            : undefined;
      const r = await sim.send(method, url.slice(1), guid, body);
      expect(r.status, name).toBe(200);
      // handshake is refused for a polling session (100-001); every other route succeeds.
      expect(r.json.retcode, name).toBe(name === 'handshake' ? '100-001' : '0');
      const counted = (await sim.control<CountersBody>('GET', 'counters')).json.routes;
      expect(counted[logName], name).toBeGreaterThanOrEqual(1);
    }
  });
});
