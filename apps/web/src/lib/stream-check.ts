// Validation of live data at the boundary. Development builds and tests parse every message with
// the contract's zod schema; production runs the shape check compiled from the same schema (a
// 10,000-agent snapshot in a few milliseconds instead of over a hundred). Either way a message
// that fails is refused as a whole, and the caller resyncs from a fresh snapshot.
import {
  heartbeat,
  patchV2,
  shapeCheckFor,
  snapshotV2,
  type Heartbeat,
  type PatchV2,
  type SnapshotV2,
} from '@floorwatch/contracts/api';
import type { z } from 'zod';
import { env } from '@/config/env';

/** What apiGet and the stream need of a schema: zod's safeParse, or the cheap check. */
export interface Reader<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
}

function cheap<T>(schema: z.ZodType<T>, name: string): Reader<T> {
  const check = shapeCheckFor(schema, name);
  return {
    safeParse(value) {
      const issue = check(value);
      return issue === null
        ? { success: true, data: value as T }
        : { success: false, error: { issues: [{ message: issue }] } };
    },
  };
}

export function readerFor<T>(schema: z.ZodType<T>, name: string, full = env.DEV): Reader<T> {
  return full ? schema : cheap(schema, name);
}

export interface StreamReaders {
  snapshot: Reader<SnapshotV2>;
  patch: Reader<PatchV2>;
  heartbeat: Reader<Heartbeat>;
}

export function streamReaders(full = env.DEV): StreamReaders {
  return {
    snapshot: readerFor(snapshotV2, 'snapshot', full),
    patch: readerFor(patchV2, 'patch', full),
    heartbeat: readerFor(heartbeat, 'heartbeat', full),
  };
}
