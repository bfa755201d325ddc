// Equality is derived from the schemas: walking every field of Agent and Queue proves that a
// change in any one of them (nested ones included) counts as a change, so neither the BFF's diff
// nor the SPA's row reuse can miss a field added to the contract.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { agent, queue, sameAgent, sameQueue, type Agent, type Queue } from '../src/api/index';

/** A different valid value for `schema` than `v`. */
function other(schema: z.ZodType, v: unknown): unknown {
  if (schema instanceof z.ZodNullable)
    return v === null
      ? other(schema.unwrap() as z.ZodType, sample(schema.unwrap() as z.ZodType))
      : null;
  if (schema instanceof z.ZodString) return `${String(v)}x`;
  if (schema instanceof z.ZodNumber) return (v as number) + 1;
  if (schema instanceof z.ZodBoolean) return !v;
  if (schema instanceof z.ZodEnum) return (schema.options as unknown[]).find((o) => o !== v);
  if (schema instanceof z.ZodArray)
    return [...(v as unknown[]), sample(schema.element as z.ZodType)];
  throw new Error(`no mutation for ${schema.constructor.name}`);
}

function sample(schema: z.ZodType): unknown {
  if (schema instanceof z.ZodNullable) return sample(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodString) return 's';
  if (schema instanceof z.ZodNumber) return 1;
  if (schema instanceof z.ZodBoolean) return false;
  if (schema instanceof z.ZodEnum) return (schema.options as unknown[])[0];
  if (schema instanceof z.ZodArray) return [sample(schema.element as z.ZodType)];
  if (schema instanceof z.ZodObject)
    return Object.fromEntries(
      Object.entries(schema.shape as Record<string, z.ZodType>).map(([k, s]) => [k, sample(s)]),
    );
  if (schema instanceof z.ZodRecord && schema.keyType instanceof z.ZodEnum)
    return Object.fromEntries(
      (schema.keyType.options as string[]).map((k) => [k, sample(schema.valueType as z.ZodType)]),
    );
  throw new Error(`no sample for ${schema.constructor.name}`);
}

/** Every leaf path of `schema` with a copy of `base` where only that leaf differs. */
function* variants(
  schema: z.ZodType,
  base: unknown,
  path: string[] = [],
): Generator<[string, unknown]> {
  const leaves =
    schema instanceof z.ZodObject
      ? Object.entries(schema.shape)
      : schema instanceof z.ZodRecord && schema.keyType instanceof z.ZodEnum
        ? (schema.keyType.options as string[]).map(
            (k) => [k, schema.valueType as z.ZodType] as const,
          )
        : null;
  if (!leaves) {
    yield [path.join('.'), other(schema, base)];
    return;
  }
  for (const [key, s] of leaves) {
    const value = (base as Record<string, unknown>)[key];
    for (const [p, changed] of variants(s, value, [...path, key]))
      yield [p, { ...(base as object), [key]: changed }];
  }
}

describe('equality derived from the schemas', () => {
  const cases = [
    ['Agent', agent, sameAgent as (a: unknown, b: unknown) => boolean],
    ['Queue', queue, sameQueue as (a: unknown, b: unknown) => boolean],
  ] as const;
  for (const [name, schema, same] of cases) {
    it(`${name}: equal copies are the same, a change in any field is not`, () => {
      const base = schema.parse(sample(schema));
      expect(same(base, structuredClone(base))).toBe(true);
      const seen: string[] = [];
      for (const [path, changed] of variants(schema, base)) {
        // Every variant is a valid API value, so equality is asked only about real data.
        expect(schema.safeParse(changed).success, path).toBe(true);
        expect(same(base, changed), path).toBe(false);
        expect(same(changed, base), path).toBe(false);
        seen.push(path);
      }
      // Every top-level field was visited (nested ones too, as `media.voice`, `counts.idle`).
      for (const key of Object.keys(schema.shape))
        expect(
          seen.some((p) => p === key || p.startsWith(`${key}.`)),
          key,
        ).toBe(true);
    });
  }

  it('tells null from a value where the contract allows null', () => {
    const a: Agent = agent.parse(sample(agent));
    expect(sameAgent(a, { ...a, loginAt: null })).toBe(false);
    const q: Queue = queue.parse(sample(queue));
    expect(sameQueue({ ...q, waiting: null }, { ...q, waiting: 0 })).toBe(false);
    expect(sameQueue({ ...q, waiting: null }, { ...q, waiting: null })).toBe(true);
  });
});
