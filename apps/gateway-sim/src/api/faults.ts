// Injected faults, so clients can be tested against a gateway that misbehaves on purpose. This
// is the store; fault-injection.ts applies one to a request.
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { ROUTE_NAMES } from './counters';

export const FAULT_KINDS = [
  'delay',
  'hang',
  'http-error',
  'malformed-json',
  'wrong-shape',
  'retcode',
  /** The socket is destroyed without an answer (a connection reset); `drop` is the old name. */
  'reset',
  'drop',
  /** The overload refusal, in the current refusal mode, whatever the call count. */
  'rate-limit',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultRequest = z.object({
  kind: z.enum(FAULT_KINDS),
  route: z
    .string()
    .refine((r) => r === '*' || (ROUTE_NAMES as string[]).includes(r), {
      message: `expected "*" or a route log name (${ROUTE_NAMES.join(', ')})`,
    })
    .default('*'),
  ms: z.number().int().min(0).max(600_000).optional(),
  status: z.number().int().min(100).max(599).optional(),
  // Any text up to 10,000 characters: hostile retcodes (400 characters, not NNN-NNN) are what
  // clients are tested against.
  retcode: z.string().min(1).max(10_000).optional(),
  times: z.number().int().min(1).optional(),
});
export type FaultRequest = z.infer<typeof faultRequest>;

export interface Fault extends Omit<FaultRequest, 'times'> {
  id: string;
  /** Calls left before the fault clears itself; null = until cleared. */
  remaining: number | null;
}

export class FaultStore {
  private faults: Fault[] = [];
  private nextId = 1;
  /** Requests held by a `hang` fault: released (destroyed) on clear and on close. */
  private readonly hung = new Set<ServerResponse>();

  add(req: FaultRequest): Fault {
    const { times, ...rest } = req;
    const fault: Fault = { ...rest, id: `f${this.nextId++}`, remaining: times ?? null };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** The first fault for this route, used up by one call. */
  take(route: string): Fault | undefined {
    const fault = this.faults.find((f) => f.route === '*' || f.route === route);
    if (!fault) return undefined;
    if (fault.remaining !== null) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    }
    return { ...fault };
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length !== before;
  }

  hold(res: ServerResponse): void {
    this.hung.add(res);
    res.on('close', () => this.hung.delete(res));
  }

  clear(): void {
    this.faults = [];
    this.releaseHung();
  }

  releaseHung(): void {
    for (const res of this.hung) res.destroy();
    this.hung.clear();
  }
}
