// What run-all hands every benchmark: the mode, a cleanup stack and a clock to stay inside.
import type { BenchResult } from './results';

export interface BenchContext {
  smoke: boolean;
  /** The command line's `--name=value` options, for benchmarks that take one (soak). */
  args: readonly string[];
  /** Registered cleanups run in reverse order when the benchmark ends, fails or times out. */
  defer(fn: () => unknown): void;
  log(msg: string): void;
  /** Epoch ms after which loops must stop and report what they have. */
  deadline: number;
}

export type BenchOutput = Pick<BenchResult, 'figures' | 'notes' | 'raw'>;

export interface Bench {
  name: string;
  title: string;
  /** Hard cap for the whole benchmark, setup and teardown included. */
  budgetMs: { full: number; smoke: number };
  run(ctx: BenchContext): Promise<BenchOutput>;
}
