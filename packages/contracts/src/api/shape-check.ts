// A cheap structural check compiled once from a schema: types, enum members, nullability, array
// and object shape. It is what the browser runs on every stream message in production (a 10,000-
// agent snapshot in a few milliseconds, where zod's full parse took over a hundred); zod itself
// stays the authority in tests and development builds. It does not check refinements (integer,
// ranges), strip unknown keys or transform: the stream's schemas have no transforms, and a value
// of the right type but out of range cannot freeze a screen. Like equality.ts, a schema kind it
// does not know stops the module from loading instead of being let through.
import { z } from 'zod';

/** Returns null when `value` has the shape, otherwise where and what is wrong. */
export type ShapeCheck = (value: unknown) => string | null;

type Check = (v: unknown, path: string) => string | null;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function compile(schema: z.ZodType, where: string): Check {
  if (schema instanceof z.ZodString)
    return (v, p) => (typeof v === 'string' ? null : `${p}: expected a string`);
  if (schema instanceof z.ZodNumber)
    return (v, p) =>
      typeof v === 'number' && Number.isFinite(v) ? null : `${p}: expected a number`;
  if (schema instanceof z.ZodBoolean)
    return (v, p) => (typeof v === 'boolean' ? null : `${p}: expected a boolean`);
  if (schema instanceof z.ZodEnum) {
    const allowed = new Set<unknown>(schema.options as unknown[]);
    return (v, p) => (allowed.has(v) ? null : `${p}: not one of the known values`);
  }
  if (schema instanceof z.ZodLiteral) {
    const allowed = new Set<unknown>(schema.values);
    return (v, p) => (allowed.has(v) ? null : `${p}: not the expected value`);
  }
  if (schema instanceof z.ZodNullable) {
    const inner = compile(schema.unwrap() as z.ZodType, where);
    return (v, p) => (v === null ? null : inner(v, p));
  }
  if (schema instanceof z.ZodOptional) {
    const inner = compile(schema.unwrap() as z.ZodType, where);
    return (v, p) => (v === undefined ? null : inner(v, p));
  }
  if (schema instanceof z.ZodNonOptional) {
    // `.required()` of a partial: the inner optional, but undefined is not allowed.
    const inner = compile(schema.unwrap() as z.ZodType, where);
    return (v, p) => (v === undefined ? `${p}: missing` : inner(v, p));
  }
  if (schema instanceof z.ZodArray) {
    const element = compile(schema.element as z.ZodType, `${where}[]`);
    return (v, p) => {
      if (!Array.isArray(v)) return `${p}: expected an array`;
      for (let i = 0; i < v.length; i++) {
        const bad = element(v[i], `${p}[${i}]`);
        if (bad !== null) return bad;
      }
      return null;
    };
  }
  if (schema instanceof z.ZodObject) {
    const fields = Object.entries(schema.shape as Record<string, z.ZodType>).map(
      ([k, s]) => [k, compile(s, `${where}.${k}`)] as const,
    );
    return (v, p) => {
      if (!isObject(v)) return `${p}: expected an object`;
      for (let i = 0; i < fields.length; i++) {
        const [k, check] = fields[i] as readonly [string, Check];
        const bad = check(v[k], `${p}.${k}`);
        if (bad !== null) return bad;
      }
      return null;
    };
  }
  if (schema instanceof z.ZodRecord && schema.keyType instanceof z.ZodEnum) {
    const keys = new Set((schema.keyType.options as Array<string | number>).map(String));
    const value = compile(schema.valueType as z.ZodType, `${where}[key]`);
    return (v, p) => {
      if (!isObject(v)) return `${p}: expected an object`;
      for (const k in v) {
        if (!keys.has(k)) return `${p}.${k}: unknown key`;
        const bad = value(v[k], `${p}.${k}`);
        if (bad !== null) return bad;
      }
      return null;
    };
  }
  throw new Error(`shape-check: no check for ${where} (${schema.constructor.name})`);
}

export function shapeCheckFor(schema: z.ZodType, name = 'value'): ShapeCheck {
  const check = compile(schema, name);
  return (value) => check(value, name);
}
