// Runs the BFF alone in a child process, so its RSS and CPU time are the product's and not the
// bench harness's (which holds simulators, SSE clients and results in the same heap otherwise).
// Driven over IPC: start → ready, usage → cpu/memory, gc, stop.
import { startFloorwatch, type RunningFloorwatch, type Tuning } from '@floorwatch/bff';

export type ChildRequest =
  | { type: 'start'; env: Record<string, string>; tuning?: Partial<Tuning> }
  | { type: 'usage'; id: number; gc?: boolean }
  | { type: 'stop' };

export type ChildReply =
  | { type: 'ready'; url: string }
  | { type: 'failed'; error: string }
  | {
      type: 'usage';
      id: number;
      cpu: NodeJS.CpuUsage;
      mem: NodeJS.MemoryUsage;
    };

let running: RunningFloorwatch | null = null;
const send = (m: ChildReply) => process.send?.(m);

process.on('message', (raw: unknown) => {
  const msg = raw as ChildRequest;
  if (msg.type === 'start') {
    startFloorwatch({
      env: msg.env,
      defaultMetrics: false,
      ...(msg.tuning ? { tuning: msg.tuning } : {}),
    }).then(
      (fw) => {
        running = fw;
        send({ type: 'ready', url: fw.url });
      },
      (err: unknown) => send({ type: 'failed', error: String(err) }),
    );
  } else if (msg.type === 'usage') {
    // gc only when asked (between measured cycles), to read the retained heap.
    const gc = (globalThis as { gc?: () => void }).gc;
    if (msg.gc && gc) gc();
    send({ type: 'usage', id: msg.id, cpu: process.cpuUsage(), mem: process.memoryUsage() });
  } else if (msg.type === 'stop') {
    const done = () => process.exit(0);
    if (running) running.close().then(done, done);
    else done();
  }
});

// The parent going away must never leave a BFF behind.
process.on('disconnect', () => process.exit(0));
