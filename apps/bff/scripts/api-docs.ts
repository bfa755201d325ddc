// Generates docs/api.md from the BFF's OpenAPI document (src/http/openapi.ts), which is built
// from the route table (src/http/api-routes.ts) and the zod contracts, so the reference an
// integrator reads cannot drift from what the BFF answers. `--check` fails when it is stale.
import * as api from '@floorwatch/contracts/api';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_TYPES } from '../src/http/api-routes';
import { openApiDocument } from '../src/http/openapi';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/api.md');

interface Operation {
  summary?: string;
  'x-access'?: string;
  parameters?: {
    in: string;
    name: string;
    required?: boolean;
    schema?: Js;
    description?: string;
  }[];
  requestBody?: { content: Record<string, { schema?: Js }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: Js }> }>;
}

type Js = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  items?: Js;
  anyOf?: Js[];
  oneOf?: Js[];
  properties?: Record<string, Js>;
  required?: string[];
  additionalProperties?: Js | boolean;
  propertyNames?: Js;
  description?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
};

const anchor = (name: string) => `[${name}](#${name.toLowerCase()})`;
const refName = (ref: string) => ref.replace('#/components/schemas/', '');
const esc = (s: string) =>
  s.replaceAll('|', '\\|').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('\n', ' ');

function typeOf(s: Js): string {
  if (s.$ref) return anchor(refName(s.$ref));
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return variants.map(typeOf).join(' \\| ');
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  return (
    types
      .map((t) => {
        if (t === 'array') return `${s.items ? typeOf(s.items) : 'unknown'}[]`;
        if (t === 'object') {
          if (s.properties) return 'object';
          if (s.propertyNames && typeof s.additionalProperties === 'object')
            return `record&lt;${typeOf(s.propertyNames)}, ${typeOf(s.additionalProperties)}&gt;`;
          return 'object';
        }
        return t;
      })
      .join(' \\| ') || 'any JSON'
  );
}

function limits(s: Js): string {
  const out: string[] = [];
  if (s.minLength !== undefined) out.push(`min length ${s.minLength}`);
  if (s.maxLength !== undefined) out.push(`max length ${s.maxLength}`);
  if (s.exclusiveMinimum !== undefined) out.push(`> ${s.exclusiveMinimum}`);
  return out.length ? ` (${out.join(', ')})` : '';
}

function fieldRows(s: Js, prefix = ''): string[] {
  const rows: string[] = [];
  for (const [name, prop] of Object.entries(s.properties ?? {})) {
    const req = s.required?.includes(name) ? 'yes' : 'no';
    rows.push(
      `| \`${prefix}${name}\` | ${typeOf(prop)} | ${req} | ${esc((prop.description ?? '') + limits(prop))} |`,
    );
    if (prop.properties) rows.push(...fieldRows(prop, `${prefix}${name}.`));
  }
  return rows;
}

function describeType(name: string, s: Js): string[] {
  const out = [`### ${name}`, ''];
  if (s.description) out.push(s.description, '');
  const variants = s.anyOf ?? s.oneOf;
  if (s.properties) {
    out.push('| Field | Type | Required | Meaning |', '| --- | --- | --- | --- |', ...fieldRows(s));
  } else if (variants) {
    out.push('One of:', '');
    variants.forEach((v, i) => {
      if (v.properties) {
        out.push(`${i + 1}. an object:`, '');
        out.push('   | Field | Type | Required | Meaning |', '   | --- | --- | --- | --- |');
        out.push(...fieldRows(v).map((r) => `   ${r}`), '');
      } else out.push(`${i + 1}. ${typeOf(v)}`, '');
    });
    while (out.at(-1) === '') out.pop();
  } else {
    out.push(`Type: ${typeOf(s)}`);
  }
  out.push('');
  return out;
}

function describeParameters(op: Operation): string[] {
  const parts: string[] = [];
  const byPlace = (where: string) => (op.parameters ?? []).filter((p) => p.in === where);
  const query = byPlace('query').map((p) => `\`${p.name}\``);
  if (query.length) parts.push(`query ${query.join(', ')}`);
  for (const h of byPlace('header')) parts.push(`optional \`${h.name}\` header`);
  const body = op.requestBody?.content['application/json']?.schema;
  if (body) parts.push(typeOf(body));
  return parts;
}

function describeAnswers(op: Operation): string {
  return Object.entries(op.responses)
    .filter(([status]) => !['400', '401'].includes(status))
    .map(([status, r]) => {
      const [type, media] = Object.entries(r.content ?? {})[0] ?? [];
      const schema = media?.schema;
      const what = schema?.$ref
        ? ` ${typeOf(schema)}`
        : type && type !== 'application/json'
          ? ` (${type})`
          : '';
      return `${status}${what}: ${esc(r.description)}`;
    })
    .join('; ');
}

export function render(): string {
  const doc = openApiDocument() as unknown as {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Js> };
  };
  const routes = Object.entries(doc.paths).flatMap(([p, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const request = describeParameters(op);
      return `| ${method.toUpperCase()} | \`${p.replace(/\{(\w+)\}/g, ':$1')}\` | ${op['x-access'] ?? ''} | ${esc(op.summary ?? '')} | ${request.join('; ') || '–'} | ${describeAnswers(op)} |`;
    }),
  );
  const lines = [
    '# Floorwatch HTTP API (v1, and the v2 live stream)',
    '',
    '<!-- Generated by apps/bff/scripts/api-docs.ts from the OpenAPI document (route table',
    '     apps/bff/src/http/api-routes.ts, schemas packages/contracts/src/api). Do not edit;',
    '     run `pnpm --filter @floorwatch/bff exec tsx scripts/api-docs.ts` after changing either. -->',
    '',
    'The same description as OpenAPI 3.1: `GET /api/v1/openapi.json` on a running BFF.',
    '',
    'Same-origin JSON under `/api/v1` and `/api/v2` plus Server-Sent Events streams. Every route except',
    '`POST /api/v1/session` and the operations routes needs the `fw_session` cookie set by signing',
    "in. Every answer is cut to the user's queues on the server. Every error, on every route, is an",
    '[ErrorBody](#errorbody): 400 invalid request (`details` lists the problems, each a [FieldIssue](#fieldissue)), 401 not signed in,',
    '403 not allowed for this role or queue, or `CROSS_ORIGIN` for a POST/PUT/PATCH/DELETE whose',
    '`Origin` (or `Sec-Fetch-Site`) is not the dashboard itself, 404 unknown, 405 wrong method, 408',
    'request not sent in time, 413 body over 16 kB, 429 too many failed sign-ins (`RATE_LIMITED`) or',
    'open connections (`TOO_MANY_CONNECTIONS`), 502/503/504 gateway trouble, 500 anything else',
    '(never with a stack trace).',
    '',
    '## Routes',
    '',
    '| Method | Path | Who | What | Request | Answers |',
    '| --- | --- | --- | --- | --- | --- |',
    ...routes,
    '',
    '## Live stream (`GET /api/v1/stream`)',
    '',
    `Events, each with \`id:\` = the data version: \`${api.STREAM_EVENTS.snapshot}\` ([Snapshot](#snapshot)) first, then`,
    `\`${api.STREAM_EVENTS.patch}\` ([Patch](#patch)) whenever the data changes, and \`${api.STREAM_EVENTS.heartbeat}\` ([Heartbeat](#heartbeat)) about`,
    'every 15 s. A patch applies to the version in its `baseVersion`; a client that holds another',
    'version must take a new snapshot. On reconnect the browser sends `Last-Event-ID`; the BFF',
    'replays only the missed patches when it still has them, and otherwise sends a snapshot. A',
    'patch that holds nothing for the user is skipped unless the gateway health changed; the next',
    'patch is then based on the version the client holds, so the chain never has a hole.',
    '',
    '## Live stream v2 (`GET /api/v2/stream`, `GET /api/v2/snapshot`)',
    '',
    'What the dashboard reads. The same events, versions, heartbeats and resume as v1, but a',
    '[PatchV2](#patchv2) carries agents that came (whole), only the changed fields of agents and',
    "queues ([AgentChange](#agentchange), [QueueChange](#queuechange)), and what went. Queues'",
    'member lists and state counts are not sent at all ([QueueInfo](#queueinfo)): the members of',
    'a queue are the agents whose `skills` hold its id, and its counts are those members by',
    "`state`. For a user with some queues, an agent's `skills` are cut to those queues, and an",
    'agent that comes into them arrives whole. A client that opens a new stream itself (an',
    '`EventSource` cannot set headers) passes the version it holds as `?lastEventId=`.',
    '',
    'The v1 stream stays, unchanged and fed from the same commits and versions, for integrators',
    'who read it; it is not deprecated on a date (docs/decisions/0011-stream-v2.md).',
    '',
    '## Types',
    '',
  ];
  for (const id of Object.keys(API_TYPES)) {
    const s = doc.components.schemas[id];
    if (s) lines.push(...describeType(id, s));
  }
  return lines.join('\n');
}

const text = render();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(OUT, 'utf8');
  } catch {
    /* missing counts as stale */
  }
  if (current !== text) {
    process.stderr.write(
      'docs/api.md is out of date: run `pnpm --filter @floorwatch/bff exec tsx scripts/api-docs.ts`\n',
    );
    process.exit(1);
  }
  process.stdout.write('docs/api.md is current\n');
} else {
  writeFileSync(OUT, text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), OUT)}\n`);
}
