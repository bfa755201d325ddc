// Generates docs/api.md from the contract schemas (zod 4 → JSON Schema), so the reference an
// integrator reads cannot drift from what the BFF validates. `--check` fails when it is stale.
import * as api from '@floorwatch/contracts/api';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { PROXY_RULES } from '../src/http/gateway-proxy';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/api.md');

/** Every public type, in reading order. */
const TYPES: [string, z.ZodType][] = [
  ['Snapshot', api.snapshot],
  ['Patch', api.patch],
  ['Heartbeat', api.heartbeat],
  ['Agent', api.agent],
  ['AgentState', api.agentState],
  ['MediaSignIn', api.mediaSignIn],
  ['Queue', api.queue],
  ['StateCounts', api.stateCounts],
  ['GatewayHealth', api.gatewayHealth],
  ['GatewayStatus', api.gatewayStatus],
  ['GatewayError', api.gatewayError],
  ['QueueDetail', api.queueDetail],
  ['History', api.history],
  ['HistoryPoint', api.historyPoint],
  ['SessionRequest', api.sessionRequest],
  ['Me', api.me],
  ['Role', api.roles],
  ['QueueScope', api.queueScope],
  ['Settings', api.settings],
  ['WallDisplay', api.wallDisplay],
  ['SiteLimits', api.siteLimits],
  ['StateLimits', api.stateLimits],
  ['Limit', api.limit],
  ['KpiLimits', api.kpiLimits],
  ['QueueLimits', api.queueLimits],
  ['QueueLimitsInput', api.queueLimitsInput],
  ['Reason', api.reason],
  ['ReasonInput', api.reasonInput],
  ['Group', api.group],
  ['GroupInput', api.groupInput],
  ['WallLink', api.wallLink],
  ['WallLinkCreate', api.wallLinkCreate],
  ['WallLinkInput', api.wallLinkInput],
  ['WallLinkCreated', api.wallLinkCreated],
  ['AuditPage', api.auditPage],
  ['AuditEntry', api.auditEntry],
  ['SavedView', api.savedView],
  ['SavedViewInput', api.savedViewInput],
  ['Preferences', api.preferences],
  ['ConflictDetails', api.conflictDetails],
  ['ErrorBody', api.errorBody],
];

interface Route {
  method: string;
  path: string;
  who: string;
  request: string;
  answer: string;
}

const CHANGE =
  '409 `CONFLICT` with [ConflictDetails](#conflictdetails) when `version` is not the stored one; ' +
  '400 naming the field';

function meRoutes(): Route[] {
  const person = 'signed in (wall displays read only)';
  return [
    {
      method: 'GET',
      path: '/api/v1/me/views',
      who: 'signed in',
      request: '–',
      answer: '[SavedView](#savedview)[], oldest first',
    },
    {
      method: 'POST',
      path: '/api/v1/me/views',
      who: person,
      request: '[SavedViewInput](#savedviewinput)',
      answer: '201 [SavedView](#savedview); 400 past 100 views',
    },
    {
      method: 'DELETE',
      path: '/api/v1/me/views/:id',
      who: person,
      request: '–',
      answer: "204; 404 when not one of the user's views",
    },
    {
      method: 'GET',
      path: '/api/v1/me/preferences',
      who: 'signed in',
      request: '–',
      answer: '[Preferences](#preferences)',
    },
    {
      method: 'PUT',
      path: '/api/v1/me/preferences',
      who: person,
      request: '[Preferences](#preferences)',
      answer: '[Preferences](#preferences)',
    },
  ];
}

/** Every admin change is recorded in the audit log (who, when, before, after). */
function adminRoutes(): Route[] {
  const who = 'admin (403 for others)';
  const del = 'query `version` (the version deleted)';
  return [
    {
      method: 'PUT',
      path: '/api/v1/admin/limits/site',
      who,
      request: '[SiteLimits](#sitelimits)',
      answer: `[SiteLimits](#sitelimits) with the next version; ${CHANGE}`,
    },
    {
      method: 'PUT',
      path: '/api/v1/admin/limits/queues/:skillId',
      who,
      request: '[QueueLimitsInput](#queuelimitsinput) (`version` 0 = new)',
      answer: `[QueueLimits](#queuelimits); ${CHANGE}`,
    },
    {
      method: 'DELETE',
      path: '/api/v1/admin/limits/queues/:skillId',
      who,
      request: del,
      answer: '204; 404 when none; 409 `CONFLICT`',
    },
    {
      method: 'PUT',
      path: '/api/v1/admin/reasons/:code',
      who,
      request: '[ReasonInput](#reasoninput) (`version` 0 = new)',
      answer: `[Reason](#reason); ${CHANGE}`,
    },
    {
      method: 'DELETE',
      path: '/api/v1/admin/reasons/:code',
      who,
      request: del,
      answer: '204; 404 when none; 409 `CONFLICT`',
    },
    {
      method: 'PUT',
      path: '/api/v1/admin/groups/:groupId',
      who,
      request: '[GroupInput](#groupinput) (`version` 0 = new)',
      answer: `[Group](#group); ${CHANGE}`,
    },
    {
      method: 'DELETE',
      path: '/api/v1/admin/groups/:groupId',
      who,
      request: del,
      answer: '204; 404 when none; 409 `CONFLICT`',
    },
    {
      method: 'GET',
      path: '/api/v1/admin/wall-links',
      who,
      request: '–',
      answer: '[WallLink](#walllink)[] (never the tokens)',
    },
    {
      method: 'POST',
      path: '/api/v1/admin/wall-links',
      who,
      request: '[WallLinkCreate](#walllinkcreate)',
      answer:
        '201 [WallLinkCreated](#walllinkcreated): the only time the token is shown (it is stored hashed)',
    },
    {
      method: 'PUT',
      path: '/api/v1/admin/wall-links/:id',
      who,
      request: '[WallLinkInput](#walllinkinput)',
      answer: `[WallLink](#walllink); open displays of the link reconnect with its new queues; 404 when none; ${CHANGE}`,
    },
    {
      method: 'DELETE',
      path: '/api/v1/admin/wall-links/:id',
      who,
      request: del,
      answer: "204; revokes the token and ends the link's sessions; 404 when none; 409 `CONFLICT`",
    },
    {
      method: 'GET',
      path: '/api/v1/admin/audit',
      who,
      request: 'query `before` (an entry id, for the next page), `limit` (1–200, default 50)',
      answer: '[AuditPage](#auditpage), newest first',
    },
  ];
}

const ROUTES: Route[] = [
  {
    method: 'POST',
    path: '/api/v1/session',
    who: 'anyone',
    request: '[SessionRequest](#sessionrequest)',
    answer: '200 [Me](#me) + `fw_session` cookie; 401; 429 `RATE_LIMITED` with Retry-After',
  },
  {
    method: 'DELETE',
    path: '/api/v1/session',
    who: 'signed in',
    request: '–',
    answer: '204; ends the live streams of this session',
  },
  { method: 'GET', path: '/api/v1/me', who: 'signed in', request: '–', answer: '[Me](#me)' },
  {
    method: 'GET',
    path: '/api/v1/settings',
    who: 'signed in',
    request: '–',
    answer:
      "[Settings](#settings): limits, reasons, groups and queue limits (cut to the user's queues)",
  },
  ...meRoutes(),
  ...adminRoutes(),
  {
    method: 'GET',
    path: '/api/v1/snapshot',
    who: 'signed in',
    request: '–',
    answer: "[Snapshot](#snapshot), cut to the user's queues",
  },
  {
    method: 'GET',
    path: '/api/v1/queues/:skillId',
    who: 'signed in',
    request: '–',
    answer: "[QueueDetail](#queuedetail); 404 when unknown or outside the user's queues",
  },
  {
    method: 'GET',
    path: '/api/v1/history',
    who: 'signed in',
    request: 'query `from`, `to` (epoch ms; default the last hour), `skillIds` (comma list)',
    answer: "[History](#history); 403 for a queue outside the user's queues",
  },
  {
    method: 'GET',
    path: '/api/v1/stream',
    who: 'signed in',
    request: 'optional `Last-Event-ID` header',
    answer: 'Server-Sent Events, see below',
  },
  ...PROXY_RULES.map((rule) => ({
    method: 'GET',
    path: `/api/v1/gateway${rule.path.replace(/\{(\w+)\}/g, ':$1')}`,
    who: 'supervisor or admin with all queues',
    request: '–',
    answer:
      "the gateway's JSON answer, read-only; of its headers only `Content-Type` and " +
      '`Content-Length` pass; 502 `GATEWAY_BAD_ANSWER` when it is not JSON or not a 2xx (the gateway status in `details.gatewayStatus`)',
  })),
  {
    method: 'GET',
    path: '/healthz',
    who: 'anyone',
    request: '–',
    answer: '200 while the process runs',
  },
  {
    method: 'GET',
    path: '/readyz',
    who: 'anyone',
    request: '–',
    answer:
      '200 when signed in to the gateway with fresh data; 503 [ErrorBody](#errorbody) `NOT_READY` with `details.reasons`',
  },
  {
    method: 'GET',
    path: '/metrics',
    who: 'anyone (keep it on the internal network)',
    request: '–',
    answer: 'Prometheus text',
  },
];

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
const esc = (s: string) =>
  s.replaceAll('|', '\\|').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('\n', ' ');

function typeOf(s: Js): string {
  if (s.$ref) return anchor(s.$ref);
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

export function render(): string {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of TYPES) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => id }) as {
    schemas: Record<string, Js>;
  };
  const lines = [
    '# Floorwatch HTTP API (v1)',
    '',
    '<!-- Generated by apps/bff/scripts/api-docs.ts from packages/contracts/src/api. Do not edit;',
    '     run `pnpm --filter @floorwatch/bff exec tsx scripts/api-docs.ts` after changing a schema. -->',
    '',
    'Same-origin JSON under `/api/v1` plus one Server-Sent Events stream. Every route except',
    '`POST /api/v1/session` needs the `fw_session` cookie set by signing in. Every answer is cut',
    "to the user's queues on the server. Every error, on every route, is an [ErrorBody](#errorbody):",
    '400 invalid request (`details` lists the problems), 401 not signed in, 403 not allowed for',
    'this role or queue, or `CROSS_ORIGIN` for a POST/PUT/PATCH/DELETE whose `Origin` (or',
    '`Sec-Fetch-Site`) is not the dashboard itself, 404 unknown, 405 wrong method, 408 request not',
    'sent in time, 413 body over 16 kB, 429 too many failed sign-ins (`RATE_LIMITED`) or open',
    'connections (`TOO_MANY_CONNECTIONS`), 502/503/504 gateway trouble, 500 anything else (never',
    'with a stack trace).',
    '',
    'Shared settings (limits, reasons, groups, wall links) carry a `version`. A change names the',
    'version it was based on (0 for a new item; `?version=` on DELETE); when someone changed it',
    'meanwhile the answer is 409 `CONFLICT` with `details.current` (the item now, or null when it',
    'was deleted), and nothing is written. A 400 lists each problem as `{path, message}`, where',
    '`path` names the field (e.g. `limit.critSec`).',
    '',
    '## Routes',
    '',
    '| Method | Path | Who | Request | Answer |',
    '| --- | --- | --- | --- | --- |',
    ...ROUTES.map((r) => `| ${r.method} | \`${r.path}\` | ${r.who} | ${r.request} | ${r.answer} |`),
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
    '## Types',
    '',
  ];
  for (const [id] of TYPES) {
    const s = schemas[id];
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
