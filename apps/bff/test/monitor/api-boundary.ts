// The BFF must never publish a snapshot, patch or health its own API schema refuses (a browser
// drops such a message and, before the fix, froze on it). Monitor tests read the monitor through
// this wrapper, which parses everything that leaves it and keeps what failed.
import {
  gatewayHealth,
  patch as patchSchema,
  patchV2,
  snapshot as snapshotSchema,
  snapshotV2,
  type Patch,
} from '@floorwatch/contracts/api';
import type { z } from 'zod';
import type { LiveData } from '../../src/monitor/types';

export interface ApiChecked {
  /** Every patch published since the wrapper was made. */
  patches: Patch[];
  /** What failed the API schema, with the first issues; empty when all was well. */
  violations: string[];
}

export function apiChecked<M extends LiveData>(live: M): M & ApiChecked {
  const patches: Patch[] = [];
  const violations: string[] = [];
  const check = (what: string, schema: z.ZodType, value: unknown) => {
    const r = schema.safeParse(value);
    if (!r.success) {
      const issues = r.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`);
      violations.push(`${what}: ${issues.join('; ')}`);
    }
  };
  live.onCommit(({ v1: p, v2 }) => {
    check(`patch ${p.version}`, patchSchema, p);
    check(`patch v2 ${v2.version}`, patchV2, v2);
    patches.push(p);
  });
  return Object.assign(Object.create(live) as M, {
    patches,
    violations,
    snapshot() {
      const s = live.snapshot();
      check(`snapshot ${s.version}`, snapshotSchema, s);
      return s;
    },
    snapshotV2() {
      const s = live.snapshotV2();
      check(`snapshot v2 ${s.version}`, snapshotV2, s);
      return s;
    },
    health() {
      const h = live.health();
      check('health', gatewayHealth, h);
      return h;
    },
  });
}
