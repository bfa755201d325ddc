// `pnpm bench` runs every benchmark (or those named), prints figures beside targets, writes
// bench/results/<name>.json and bench/RESULTS.md. `--smoke` is the seconds-long CI version: tiny
// counts and short durations, results to a temp directory so CI never dirties tracked files.
// `--soak-minutes=N` shortens (or lengthens) the 30-minute soak; `pnpm soak` runs it alone.
// Exits non-zero only when a benchmark could not run; a missed target is a result, not a failure.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserFrames } from './browser-frames';
import { freshness } from './freshness';
import { gatewayLoad } from './gateway-load';
import type { Bench, BenchContext } from './lib/bench';
import { machineInfo } from './lib/machine';
import { overviewScroll } from './overview-scroll';
import { printResult, writeResult, writeResultsMarkdown, type BenchResult } from './lib/results';
import { serverCost } from './server-cost';
import { soak } from './soak';
import { streamSize } from './stream-size';

const BENCHES: Bench[] = [
  gatewayLoad,
  streamSize,
  serverCost,
  browserFrames,
  overviewScroll,
  freshness,
  soak,
];
const ORDER = BENCHES.map((b) => b.name);

async function runOne(b: Bench, smoke: boolean, args: readonly string[]): Promise<BenchResult> {
  const budget = smoke ? b.budgetMs.smoke : b.budgetMs.full;
  const started = Date.now();
  const machine = machineInfo();
  const cleanups: (() => unknown)[] = [];
  const ctx: BenchContext = {
    smoke,
    args,
    defer: (fn) => cleanups.push(fn),
    log: (msg) =>
      process.stdout.write(
        `  [${b.name} +${((Date.now() - started) / 1000).toFixed(1)} s] ${msg}\n`,
      ),
    // Leave a fifth of the budget for teardown and reporting.
    deadline: started + budget * 0.8,
  };
  let timer: NodeJS.Timeout | undefined;
  try {
    const out = await Promise.race([
      b.run(ctx),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`over its ${budget / 1000} s budget`)), budget);
      }),
    ]);
    return {
      name: b.name,
      title: b.title,
      smoke,
      ...out,
      durationSec: Math.round((Date.now() - started) / 100) / 10,
      machine: { ...machine, loadAverage1mEnd: Math.round((os.loadavg()[0] ?? 0) * 100) / 100 },
    };
  } finally {
    clearTimeout(timer);
    const cleanupStart = Date.now();
    for (const fn of cleanups.reverse()) {
      try {
        await Promise.race([fn(), new Promise((r) => setTimeout(r, 10_000))]);
      } catch (err) {
        process.stderr.write(`  [${b.name}] cleanup failed: ${String(err)}\n`);
      }
    }
    ctx.log(`cleaned up in ${((Date.now() - cleanupStart) / 1000).toFixed(1)} s`);
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const smoke = args.includes('--smoke');
  const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  if (args.includes('--report')) {
    // Rebuilds bench/RESULTS.md from bench/results/*.json without running anything.
    await writeResultsMarkdown(
      path.join(benchDir, 'results'),
      path.join(benchDir, 'RESULTS.md'),
      ORDER,
    );
    return 0;
  }
  const names = args.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((n) => !ORDER.includes(n));
  if (unknown.length > 0) {
    process.stderr.write(
      `unknown benchmark(s): ${unknown.join(', ')}; known: ${ORDER.join(', ')}\n`,
    );
    return 2;
  }
  const selected = names.length > 0 ? BENCHES.filter((b) => names.includes(b.name)) : BENCHES;
  const outDir = smoke
    ? mkdtempSync(path.join(os.tmpdir(), 'floorwatch-bench-smoke-'))
    : path.join(benchDir, 'results');
  const m = machineInfo();
  process.stdout.write(
    `Floorwatch benchmarks${smoke ? ' (smoke)' : ''}: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}\n`,
  );
  let failed = 0;
  for (const b of selected) {
    process.stdout.write(`\n-- ${b.name} --\n`);
    try {
      const r = await runOne(b, smoke, args);
      printResult(r);
      writeResult(outDir, r);
    } catch (err) {
      failed += 1;
      process.stderr.write(`\n${b.name} could not run: ${(err as Error).stack ?? String(err)}\n`);
    }
  }
  const md = smoke ? path.join(outDir, 'RESULTS.md') : path.join(benchDir, 'RESULTS.md');
  await writeResultsMarkdown(outDir, md, ORDER);
  process.stdout.write(`\nResults: ${outDir}${smoke ? '' : ` and ${md}`}\n`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench harness failed: ${String(err)}\n`);
    process.exit(1);
  },
);
