// Every sign-in and sign-out the simulator saw, in order: lets a test check that a client signed
// out when it stopped (and how), or that it was forced out, timed out or lost its session.
import type { EndReason, SessionMode } from './sessions';

export interface SignInRecord {
  seq: number;
  event: 'signin';
  workno: string;
  at: number;
  /** The log name of the sign-in route (login, forceLogin, ...), or `elsewhere` (control API). */
  how: string;
  mode: SessionMode;
  /** The phone number bound at sign-in; null when none (loginex without one, ...withoutphone). */
  phone: string | null;
}

export interface SignOutRecord {
  seq: number;
  event: 'signout';
  workno: string;
  at: number;
  how: EndReason;
}

export type SessionRecord = SignInRecord | SignOutRecord;

/** Oldest records are dropped beyond this, so a long-running demo does not grow without bound. */
const MAX_RECORDS = 10_000;

export class SignInLog {
  private records: SessionRecord[] = [];
  private seq = 0;

  signedIn(r: Omit<SignInRecord, 'seq' | 'event'>): void {
    this.add({ seq: ++this.seq, event: 'signin', ...r });
  }

  signedOut(workno: string, at: number, how: EndReason): void {
    this.add({ seq: ++this.seq, event: 'signout', workno, at, how });
  }

  list(workno?: string): SessionRecord[] {
    const all =
      workno === undefined ? this.records : this.records.filter((r) => r.workno === workno);
    return all.map((r) => ({ ...r }));
  }

  clear(): void {
    this.records = [];
  }

  private add(r: SessionRecord): void {
    this.records.push(r);
    if (this.records.length > MAX_RECORDS) this.records.shift();
  }
}
