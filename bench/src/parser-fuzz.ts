// `pnpm --filter @floorwatch/bench parser-fuzz [--runs N] [--seed S]`: the parser property test
// at scale. 100,000 random and mutated allonlineagents answers (the generator of
// apps/bff/test/monitor/parser-agreement.test.ts) go through the BFF's fast path and the
// contract's reference reading; it reports every disagreement, and every accepted answer that
// would break the API schema. Exits 1 when there is any.
import { fuzz } from '../../apps/bff/test/monitor/parser-fuzz';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i === -1 ? undefined : Number(process.argv[i + 1]);
  return v !== undefined && Number.isFinite(v) ? v : fallback;
}

const started = performance.now();
const s = fuzz({
  runs: arg('runs', 100_000),
  seed: arg('seed', Date.now() % 2 ** 31),
  onProgress: (n) => process.stdout.write(`  ${n} answers\n`),
});
const seconds = (performance.now() - started) / 1000;
const disagreements = s.problems.reduce((n, p) => n + p.count, 0);
const lines = [
  `parser fuzz: ${s.runs} answers, seed ${s.seed}, ${seconds.toFixed(1)} s`,
  `  not JSON (never parsed):     ${s.outcomes['not-json']}`,
  `  refused as a whole:          ${s.outcomes.refused}`,
  `  accepted:                    ${s.outcomes.accepted}`,
  `  accepted, records left out:  ${s.outcomes.quarantined}`,
  `  disagreements (fast path vs contract, or API breaks): ${disagreements}`,
  ...s.problems.map((p) => `    ${p.count} × ${p.kind}\n      e.g. ${JSON.stringify(p.example)}`),
];
process.stdout.write(lines.join('\n') + '\n');
process.exitCode = disagreements > 0 ? 1 : 0;
