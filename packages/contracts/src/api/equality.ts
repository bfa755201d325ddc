// Value equality of the API's Agent and Queue. The BFF uses it to keep an unchanged object (so
// its diff is a reference comparison) and the SPA to keep an unchanged row (so it does not
// re-render); both must agree on what "changed" means. The comparators are built from the
// schemas, so a field added to the contract is compared without anyone touching this file; a
// field of a kind this file does not know stops the module from loading instead of being skipped.
import { z } from 'zod';
import { agent, queue, stateCounts, type Agent, type Queue, type StateCounts } from './schemas';

type Same<T> = (a: T, b: T) => boolean;

const strict: Same<unknown> = (a, b) => a === b;

export function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return sameNumbers(a as unknown as number[], b as unknown as number[]);
}

/** Scalars first, compared inline; then the nested fields with their own comparators. */
function sameFields(fields: ReadonlyArray<readonly [string, Same<unknown>]>): Same<unknown> {
  const scalars = fields.filter(([, same]) => same === strict).map(([k]) => k);
  const nested = fields.filter(([, same]) => same !== strict);
  return (a, b) => {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    for (let i = 0; i < scalars.length; i++) {
      const k = scalars[i] as string;
      if (x[k] !== y[k]) return false;
    }
    for (let i = 0; i < nested.length; i++) {
      const [k, same] = nested[i] as readonly [string, Same<unknown>];
      if (!same(x[k], y[k])) return false;
    }
    return true;
  };
}

/** A comparator for values of `schema`: === for scalars, element by element for arrays, key by
 *  key for objects and enum-keyed records. */
export function sameFor(schema: z.ZodType, where = 'value'): Same<unknown> {
  if (
    schema instanceof z.ZodString ||
    schema instanceof z.ZodNumber ||
    schema instanceof z.ZodBoolean ||
    schema instanceof z.ZodEnum ||
    schema instanceof z.ZodLiteral
  ) {
    return strict;
  }
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) {
    const inner = sameFor(schema.unwrap() as z.ZodType, where);
    if (inner === strict) return strict;
    return (a, b) =>
      a === null || a === undefined || b === null || b === undefined ? a === b : inner(a, b);
  }
  if (schema instanceof z.ZodArray) {
    const element = sameFor(schema.element as z.ZodType, `${where}[]`);
    if (element === strict) return (a, b) => sameNumbers(a as number[], b as number[]);
    return (a, b) => {
      const x = a as unknown[];
      const y = b as unknown[];
      if (x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) if (!element(x[i], y[i])) return false;
      return true;
    };
  }
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    return sameFields(Object.entries(shape).map(([k, s]) => [k, sameFor(s, `${where}.${k}`)]));
  }
  if (schema instanceof z.ZodRecord && schema.keyType instanceof z.ZodEnum) {
    const value = sameFor(schema.valueType as z.ZodType, `${where}[key]`);
    const keys = (schema.keyType.options as Array<string | number>).map(String);
    return sameFields(keys.map((k) => [k, value]));
  }
  throw new Error(`equality: no comparison for ${where} (${schema.constructor.name})`);
}

export const sameAgent = sameFor(agent, 'Agent') as Same<Agent>;
export const sameQueue = sameFor(queue, 'Queue') as Same<Queue>;
export const sameCounts = sameFor(stateCounts, 'StateCounts') as Same<StateCounts>;
