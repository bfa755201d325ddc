// Random floors polled several times with random changes in between, written as the gateway
// writes allonlineagents, and the check that the raw-diff ingest (src/monitor/agents-ingest.ts)
// reads every poll exactly as the full pipeline does (readJsonBody → parseAllOnlineAgents →
// normalise): same outcome, same agents (by value, in the same order, and the same objects kept
// where the full pipeline keeps them), same queue cores, same quarantined records.
// Used by test/monitor/raw-diff.test.ts; the random floors are in raw-diff-model.ts.
import { isDeepStrictEqual } from 'node:util';
import type { Agent } from '@floorwatch/contracts/api';
import {
  acceptedRecords,
  anyEnvelope,
  type QuarantinedRecord,
} from '@floorwatch/contracts/gateway';
import { readJsonBody } from '../../src/gateway/gateway-client';
import { createMetrics, type Metrics } from '../../src/metrics';
import { createAgentsIngest } from '../../src/monitor/agents-ingest';
import { parseAllOnlineAgents } from '../../src/monitor/fast-parse';
import { normalise, type QueueCore } from '../../src/monitor/normalise';
import { createSnapshotStore } from '../../src/monitor/snapshot-store';
import { apply, type Garble, type MAgent, type Model, type Poll } from './raw-diff-model';

// ---- writing it as the gateway does ------------------------------------------------------------

function recordText(a: MAgent, now: number, first: boolean): string {
  const cst = a.quirk === 'huge-cst' ? 1_234_567_890_123_456 + now : Math.max(0, now - a.since);
  const status = a.quirk === 'split' && !first ? a.status + 1 : a.status;
  const numeric = a.quirk === 'numeric';
  const wire: Record<string, unknown> = {
    workno: a.workno,
    name: a.quirk === 'escaped-name' ? `${a.name} "q" \\ é ${String.fromCharCode(0x2028)}` : a.name,
    status: a.quirk === 'bad-status' ? 'x' : numeric ? status : String(status),
    ctiStatus: numeric ? a.cti : String(a.cti),
    groupid: a.group,
    groupname: null,
    skilllist: a.quirk === 'nested-marker' ? [{ workno: '9', currentstatetime: cst }] : [],
    mediatype: a.media,
    vdnid: 214,
    phonenumber: a.phone,
    currentstatetime: a.quirk === 'quoted-cst' ? String(cst) : cst,
    logindate: a.login * 1000,
    callids: [],
    inMultimediaConf: 0,
    currentStateReason: a.reason,
  };
  if (a.quirk === 'not-object') return 'null';
  if (a.quirk === 'keys-reordered') {
    const { name, ...rest } = wire;
    return JSON.stringify({ name, ...rest });
  }
  let t = JSON.stringify(wire);
  if (a.quirk === 'escaped-cst') t = t.replace(/}$/, ',"currentstat\\u0065time":7}');
  if (a.quirk === 'dup-cst') t = t.replace(/}$/, ',"currentstatetime":"07"}');
  if (a.quirk === 'spaced') t = t.replace(/":/g, '": ');
  return t;
}

export function render(m: Model, now: number, g: Garble): string {
  const firstSkill = new Map<string, number>();
  const skills = m.skills
    .filter((s) => m.listEmpty || s.members.length > 0)
    .map((s, k) => {
      const recs = s.members.map((w) => {
        if (!firstSkill.has(w)) firstSkill.set(w, k);
        return recordText(m.agents[w]!, now, firstSkill.get(w) === k);
      });
      return { head: `{"skillId":${s.id},"agent":[`, recs, tail: `],"skillMediaType":${s.media}}` };
    });
  const all = skills.flatMap((s) => s.recs.map((_, i) => ({ s, i })));
  if ((g.kind === 'space-record' || g.kind === 'broken-record') && all.length > 0) {
    const { s, i } = all[g.at % all.length]!;
    const t = s.recs[i]!;
    s.recs[i] =
      g.kind === 'space-record'
        ? t.replace(',', ' ,')
        : g.how === 'cut'
          ? `${t.slice(0, Math.floor(t.length / 2))}oops}`
          : t.replace(/"name":\s*"[^"]*"/, '"name":nope');
  }
  const sep = g.kind === 'space-skeleton' ? ', ' : ',';
  const retcode =
    g.kind === 'retcode' && g.to !== '0' ? `"${g.to}"` : g.kind === 'retcode' ? '0' : '"0"';
  let t = `{"result":[${skills.map((s) => s.head + s.recs.join(',') + s.tail).join(sep)}],"message":${JSON.stringify(m.message)},"retcode":${retcode}}`;
  if (g.kind === 'bom') t = `\ufeff${t}`;
  if (g.kind === 'cut') t = t.slice(0, Math.floor(t.length * g.fraction));
  return t;
}

// ---- the two pipelines -------------------------------------------------------------------------

export type Outcome =
  | { kind: 'not-json' | 'refused' }
  | {
      kind: 'read';
      agents: ReadonlyMap<string, Agent>;
      queues: ReadonlyMap<number, QueueCore>;
      quarantined: readonly QuarantinedRecord[];
    };

type Step = (bytes: Buffer, fetchedAt: number) => Outcome;

const retcodeOf = (envelope: unknown) => {
  const e = anyEnvelope.safeParse(envelope);
  return e.success ? e.data.retcode : null;
};

/** The monitor before the raw diff: decode, parse, validate, normalise; the floor is kept only
 *  from an answer it used. */
export function fullPipeline(): Step {
  let prev: ReadonlyMap<string, Agent> = new Map();
  return (bytes, fetchedAt) => {
    const json = readJsonBody(bytes);
    if (!json.isJson) return { kind: 'not-json' };
    if (retcodeOf(json.json) !== '0') return { kind: 'refused' };
    const parsed = parseAllOnlineAgents(json.json);
    if (!parsed.success || parsed.quarantined.length > acceptedRecords(parsed.data))
      return { kind: 'refused' };
    const { agents, queues } = normalise(parsed.data.result ?? [], fetchedAt, prev);
    prev = agents;
    return { kind: 'read', agents, queues, quarantined: parsed.quarantined };
  };
}

/** The monitor with the raw diff: the reader on the bytes as the gateway client runs it, the
 *  envelope it hands the gateway layer, the ingest, then the snapshot store as the monitor
 *  commits to it (a diffed answer's changed agents only, written into the store's map). */
export function rawDiffPipeline(fullEveryMs: number): { step: Step; metrics: Metrics } {
  const store = createSnapshotStore();
  let clock = 0;
  const metrics = createMetrics({ defaultMetrics: false });
  const ingest = createAgentsIngest({
    mode: 'raw-diff',
    fullEveryMs,
    metrics,
    onDiffError: (err) => {
      throw err;
    },
    now: () => clock,
  });
  const step: Step = (sent, fetchedAt) => {
    clock = fetchedAt;
    // As the gateway client does: the body gathered into the reader's own buffer, which held an
    // earlier answer.
    const reader = ingest.request.readBody!;
    const bytes = reader.buffer?.(sent.length) ?? Buffer.from(sent);
    sent.copy(bytes);
    const own = reader.read(bytes);
    const json = own ? { isJson: true as const, json: own.envelope } : readJsonBody(bytes);
    if (!json.isJson) return { kind: 'not-json' };
    if (retcodeOf(json.json) !== '0') return { kind: 'refused' };
    const body = own ? own.body : json.json;
    const read = ingest.read(body, bytes, fetchedAt, store.agents());
    if (!read.success || read.data.quarantined.length > read.data.accepted)
      return { kind: 'refused' };
    const { updates, queues, quarantined } = read.data;
    store.commit({
      ...(updates ? { agentUpdates: updates } : { agents: read.data.agents }),
      health: { status: 'ok', lastSuccessAt: fetchedAt, error: null },
      serverTime: fetchedAt,
    });
    ingest.committed(read.data);
    // A copy: the store writes the next poll's changes into its own map.
    return { kind: 'read', agents: new Map(store.agents()), queues, quarantined };
  };
  return { step, metrics };
}

// ---- the comparison ----------------------------------------------------------------------------

const sortedQueues = (q: ReadonlyMap<number, QueueCore>) =>
  [...q.values()].sort((a, b) => a.skillId - b.skillId);

/** Why the raw diff's reading of a poll differs from the full pipeline's; null when it does not. */
export function difference(
  full: Outcome,
  raw: Outcome,
  fullPrev: ReadonlyMap<string, Agent>,
  rawPrev: ReadonlyMap<string, Agent>,
): string | null {
  if (full.kind !== raw.kind) return `outcome: full ${full.kind}, raw diff ${raw.kind}`;
  if (full.kind !== 'read' || raw.kind !== 'read') return null;
  const fw = [...full.agents.keys()];
  const rw = [...raw.agents.keys()];
  if (!isDeepStrictEqual(fw, rw))
    return `agents or their order differ: ${fw.join()} vs ${rw.join()}`;
  for (const w of fw) {
    const [f, r] = [full.agents.get(w)!, raw.agents.get(w)!];
    if (!isDeepStrictEqual(f, r)) return `agent ${w} differs`;
    // The snapshot store's diff compares references: kept where the full pipeline keeps it.
    if ((f === fullPrev.get(w)) !== (r === rawPrev.get(w))) return `agent ${w}: identity differs`;
  }
  if (!isDeepStrictEqual(sortedQueues(full.queues), sortedQueues(raw.queues)))
    return 'queue cores differ';
  if (!isDeepStrictEqual(full.quarantined, raw.quarantined)) return 'quarantined records differ';
  return null;
}

/** Polls `m` once, then after each change set; the first difference, or null. */
export function runPolls(m0: Model, polls: readonly Poll[], fullEveryMs: number) {
  const m = structuredClone(m0);
  const full = fullPipeline();
  const raw = rawDiffPipeline(fullEveryMs);
  let now = 10_000;
  let fullPrev: ReadonlyMap<string, Agent> = new Map();
  let rawPrev: ReadonlyMap<string, Agent> = new Map();
  const outcomes: Record<Outcome['kind'], number> = { 'not-json': 0, refused: 0, read: 0 };
  const steps: Poll[] = [{ changes: [], tick: 0, jitterMs: 0, garble: { kind: 'none' } }, ...polls];
  for (let p = 0; p < steps.length; p++) {
    const step = steps[p]!;
    now += step.tick;
    for (const c of step.changes) apply(m, c, now);
    const bytes = Buffer.from(render(m, now, step.garble));
    const fetchedAt = 1_800_000_000_000 + now * 1000 + step.jitterMs;
    const f = full(bytes, fetchedAt);
    const r = raw.step(bytes, fetchedAt);
    const problem = difference(f, r, fullPrev, rawPrev);
    if (problem) return { problem: `poll ${p}: ${problem}`, metrics: raw.metrics, outcomes };
    outcomes[f.kind] += 1;
    if (f.kind === 'read' && r.kind === 'read') {
      fullPrev = f.agents;
      rawPrev = r.agents;
    }
  }
  return { problem: null, metrics: raw.metrics, outcomes };
}
