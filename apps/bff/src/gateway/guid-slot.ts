// The Guid of the signed-in session and its generation. Under dynamic auth the gateway rotates
// the Guid and any answer may carry the new one in Set-GUID (docs/gateway.md §Guid rotation).
// The generation is bumped on every sign-in and every loss: an answer to a call sent under an
// older generation must neither rotate the Guid of the new session nor declare it lost.
import type { Logger } from 'pino';
import { fingerprint } from './log-safe';

export interface GuidSlot {
  current(): string | null;
  generation(): number;
  /** A sign-in succeeded with this Guid; returns the new generation. */
  begin(guid: string): number;
  /** The session is gone (lost or stopped): drop the Guid; returns the new generation. */
  end(): number;
  /** A Set-GUID on an answer to a call sent under `gen`: adopted only while that generation
   *  is still the current one and a session is held. */
  offer(next: string | null, gen: number, why: string): void;
}

export function createGuidSlot(log: Logger): GuidSlot {
  let guid: string | null = null;
  let generation = 0;
  return {
    current: () => guid,
    generation: () => generation,
    begin(next) {
      guid = next;
      return ++generation;
    },
    end() {
      guid = null;
      return ++generation;
    },
    offer(next, gen, why) {
      if (!next || !guid || gen !== generation || next === guid) return;
      guid = next;
      log.debug({ guid: fingerprint(next), why }, 'guid replaced');
    },
  };
}
