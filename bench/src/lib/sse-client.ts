// A raw node:http SSE client. eventsource would hide the bytes on the wire, and 1,000 of them in
// one process should cost the harness as little as possible, so this one only frames events.
import http from 'node:http';

const EVENT = Buffer.from('\nevent: ');
const FRAME_END = Buffer.from('\n\n');

export interface SseEvent {
  event: string;
  id: string;
  data: string;
  /** Bytes of the whole frame on the wire (id/event/data lines and the blank line). */
  bytes: number;
  at: number;
}

export interface SseClient {
  /** Total bytes received (body only, after HTTP chunking). */
  readonly bytes: number;
  readonly counts: Record<string, number>;
  /** Resolves once the first snapshot has fully arrived (its whole frame). */
  readonly firstSnapshot: Promise<void>;
  /** When the last event of any kind arrived (heartbeats included); 0 before the first. */
  readonly lastEventAt: number;
  /** When the server ended the stream or the connection failed, unless close() did it. */
  readonly endedAt: number | null;
  /** Waits for the next event of this kind (full mode only). */
  next(event: string, timeoutMs: number): Promise<SseEvent>;
  /** Drops frames received but not yet taken with next() (full mode). */
  clear(): void;
  close(): void;
}

/**
 * `keepFrames` parses every frame (a few clients, stream-size); without it the client only counts
 * events by scanning for `event:` lines, which is enough for load benchmarks with 1,000 clients.
 */
export function openSse(
  url: string,
  cookie: string,
  opts: { keepFrames?: boolean; onEvent?: (e: SseEvent) => void } = {},
): SseClient {
  const counts: Record<string, number> = {};
  let bytes = 0;
  let closed = false;
  let lastEventAt = 0;
  let endedAt: number | null = null;
  const ended = () => {
    if (!closed) endedAt ??= Date.now();
  };
  let resolveSnap: () => void = () => undefined;
  let rejectSnap: (e: Error) => void = () => undefined;
  const firstSnapshot = new Promise<void>((res, rej) => {
    resolveSnap = res;
    rejectSnap = rej;
  });
  firstSnapshot.catch(() => undefined);
  const waiters: { event: string; resolve: (e: SseEvent) => void }[] = [];
  const queue: SseEvent[] = [];

  // Light mode: the first snapshot counts as arrived at the blank line that ends its frame, not at
  // its `event:` line, so a caller pacing joins on it waits for the megabytes of data too.
  let snapshotOpen = false;
  const bump = (event: string) => {
    counts[event] = (counts[event] ?? 0) + 1;
    lastEventAt = Date.now();
    if (event === 'snapshot' && counts[event] === 1) {
      if (opts.keepFrames) resolveSnap();
      else snapshotOpen = true;
    }
  };

  const deliver = (e: SseEvent) => {
    opts.onEvent?.(e);
    const i = waiters.findIndex((w) => w.event === e.event);
    if (i >= 0) waiters.splice(i, 1)[0]!.resolve(e);
    else if (opts.keepFrames && e.event !== 'heartbeat') queue.push(e);
  };

  let text = '';
  let tail: Buffer = Buffer.alloc(0);
  const req = http.get(
    url,
    { headers: { cookie, accept: 'text/event-stream' }, agent: false },
    (res) => {
      if (res.statusCode !== 200) {
        rejectSnap(new Error(`stream answered ${res.statusCode}`));
        ended();
        res.resume();
        return;
      }
      res.on('end', ended);
      res.on('close', ended);
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (!opts.keepFrames) {
          // Count `\nevent: x\n` lines with native Buffer searches: 1,000 clients of a large floor
          // receive gigabytes of snapshots, and decoding them to strings would load the harness
          // (which also hosts the simulator) more than the BFF under test.
          const buf = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
          let from = 0;
          let at: number;
          let keepFrom = Math.max(0, buf.length - 24);
          while ((at = buf.indexOf(EVENT, from)) >= 0) {
            const eol = buf.indexOf(10, at + EVENT.length);
            if (eol < 0) {
              keepFrom = at; // the line continues in the next chunk
              break;
            }
            bump(buf.toString('latin1', at + EVENT.length, eol));
            from = eol;
            keepFrom = Math.max(keepFrom, eol);
            if (snapshotOpen) break; // look for the end of its frame first
          }
          if (snapshotOpen) {
            // SSE data lines hold JSON without raw newlines: the first blank line ends the frame.
            const end = buf.indexOf(FRAME_END, from);
            if (end >= 0) {
              snapshotOpen = false;
              resolveSnap();
              keepFrom = Math.max(keepFrom, end + 1);
            }
          }
          tail = Buffer.from(buf.subarray(keepFrom));
          return;
        }
        text += chunk.toString('utf8');
        let end: number;
        while ((end = text.indexOf('\n\n')) >= 0) {
          const frame = text.slice(0, end);
          text = text.slice(end + 2);
          const e: SseEvent = {
            event: 'message',
            id: '',
            data: '',
            bytes: Buffer.byteLength(frame) + 2,
            at: Date.now(),
          };
          for (const line of frame.split('\n')) {
            if (line.startsWith('event: ')) e.event = line.slice(7);
            else if (line.startsWith('id: ')) e.id = line.slice(4);
            else if (line.startsWith('data: ')) e.data += line.slice(6);
          }
          if (!frame.includes('event: ') && !frame.includes('data: ')) continue; // retry: line
          bump(e.event);
          deliver(e);
        }
      });
      res.on('error', () => undefined);
    },
  );
  req.on('error', (err) => {
    if (!closed) rejectSnap(err);
    ended();
  });

  return {
    get bytes() {
      return bytes;
    },
    counts,
    firstSnapshot,
    get lastEventAt() {
      return lastEventAt;
    },
    get endedAt() {
      return endedAt;
    },
    next(event, timeoutMs) {
      const i = queue.findIndex((e) => e.event === event);
      if (i >= 0) return Promise.resolve(queue.splice(i, 1)[0]!);
      return new Promise<SseEvent>((resolve, reject) => {
        const w = {
          event,
          resolve: (e: SseEvent) => {
            clearTimeout(t);
            resolve(e);
          },
        };
        const t = setTimeout(() => {
          const k = waiters.indexOf(w);
          if (k >= 0) waiters.splice(k, 1);
          reject(new Error(`no ${event} event within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(w);
      });
    },
    clear() {
      queue.length = 0;
    },
    close() {
      closed = true;
      req.destroy();
    },
  };
}

/**
 * Opens up to `n` light clients into `into` (so a caller's cleanup closes a partial join) in
 * batches, each batch waiting until every stream has its whole first snapshot: a large floor's
 * snapshot is megabytes, and a thousand at once would measure the harness. Stops at `until`.
 */
export async function joinClients(
  into: SseClient[],
  url: string,
  cookie: string,
  n: number,
  opts: { until: number; batch?: number; afterBatch?: () => Promise<void> },
): Promise<void> {
  const batchSize = opts.batch ?? 50;
  while (into.length < n && Date.now() < opts.until) {
    const batch = Array.from({ length: Math.min(batchSize, n - into.length) }, () =>
      openSse(url, cookie),
    );
    into.push(...batch);
    await Promise.all(batch.map((c) => c.firstSnapshot));
    await opts.afterBatch?.();
  }
}
