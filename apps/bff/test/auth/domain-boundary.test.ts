// The auth domain decides who may sign in; how that becomes an HTTP answer is the HTTP layer's
// business (http/error-middleware.ts). Checked on the source so the rule cannot erode quietly.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const authDir = path.resolve(__dirname, '../../src/auth');

it('keeps the auth domain free of HTTP: no import of http/, express or node:http', () => {
  const offenders: string[] = [];
  for (const file of readdirSync(authDir).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(path.join(authDir, file), 'utf8');
    for (const m of text.matchAll(/^import[^;]*?from '([^']+)'/gms)) {
      const spec = m[1]!;
      if (/(^|\/)http\/|^express$|^node:https?$/.test(spec)) offenders.push(`${file}: ${spec}`);
    }
  }
  expect(offenders).toEqual([]);
});
