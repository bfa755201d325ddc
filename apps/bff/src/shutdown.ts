// What the process does on SIGTERM and SIGINT: one clean shutdown (stop serving, sign out of the
// gateway, the close hooks of index.ts) within a time limit, however often the signal arrives.
//
// A terminal's Ctrl+C reaches every process of the foreground group (npm, the start script,
// node), and each wrapper also forwards it to its child, so the BFF receives the same request two
// or three times within milliseconds. Those repeats are not a second "exit now": only a signal
// that comes after `repeatWindowMs` (someone pressing Ctrl+C again because it is taking too long)
// gives up on the clean sign-out.
export interface ShutdownOptions {
  /** Stops the product: HTTP server, streams, monitor, gateway sign-out. */
  close(): Promise<void>;
  timeoutMs: number;
  /** Signals within this time of the first one are the same request delivered again. */
  repeatWindowMs?: number;
  now?: () => number;
  /** Starts the give-up timer; returns a cancel function. */
  setTimer?: (fn: () => void, ms: number) => () => void;
  write?: (line: string) => void;
  exit?: (code: number) => void;
}

export interface Shutdown {
  /** What a signal handler calls. */
  onSignal(signal: string): void;
  /** Starts a shutdown without a signal (a fatal error); the same path as the first signal. */
  begin(reason: string): void;
  readonly stopping: boolean;
}

export const DEFAULT_REPEAT_WINDOW_MS = 2000;

export function createShutdown(opts: ShutdownOptions): Shutdown {
  const now = opts.now ?? Date.now;
  const write = opts.write ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const setTimer =
    opts.setTimer ??
    ((fn: () => void, ms: number) => {
      const t = setTimeout(fn, ms);
      t.unref();
      return () => clearTimeout(t);
    });
  const repeatWindowMs = opts.repeatWindowMs ?? DEFAULT_REPEAT_WINDOW_MS;
  let startedAt: number | null = null;

  function begin(reason: string): void {
    if (startedAt !== null) return;
    startedAt = now();
    write(`${reason}: signing out of the gateway and stopping`);
    const cancel = setTimer(() => {
      write(
        `shutdown took longer than ${opts.timeoutMs / 1000} s: exiting without a clean sign-out`,
      );
      exit(1);
    }, opts.timeoutMs);
    opts.close().then(
      () => {
        cancel();
        exit(0);
      },
      (err: unknown) => {
        cancel();
        write(`shutdown failed: ${String(err)}`);
        exit(1);
      },
    );
  }

  return {
    begin,
    onSignal(signal) {
      if (startedAt === null) {
        begin(signal);
        return;
      }
      if (now() - startedAt < repeatWindowMs) return; // the same request, delivered again
      write(`${signal} again: exiting without a clean sign-out`);
      exit(1);
    },
    get stopping() {
      return startedAt !== null;
    },
  };
}
