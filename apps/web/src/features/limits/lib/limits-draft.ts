// The limits form's text fields and the contract objects they stand for. Empty pairs mean "no
// limit" on the site and "the site's limit" for a queue; anything half-filled or not a number
// is left for the contract's parse to name, so the form and the server say the same thing.
import type { KpiLimits, StateLimits } from '@floorwatch/contracts/api';
import { defineMessages } from '@/i18n/messages';
import { STATE_ORDER, type AgentState } from '@/lib/states';
import { activeIntl } from '@/stores/locale-store';

const M = defineMessages({
  both: { id: 'limits.check.both', defaultMessage: 'Fill in both limits, or leave both empty.' },
  pct: { id: 'limits.check.pct', defaultMessage: 'Percentages from 0 to 100.' },
  whole: { id: 'limits.check.whole', defaultMessage: 'Whole numbers, 0 or more.' },
});

export interface Pair {
  warn: string;
  crit: string;
}

export type KpiKey = 'waiting' | 'longestWaitSec' | 'serviceLevelPct';
export const KPI_KEYS: readonly KpiKey[] = ['waiting', 'longestWaitSec', 'serviceLevelPct'];

export interface LimitsDraft {
  states: Record<AgentState, Pair>;
  kpi: Record<KpiKey, Pair>;
}

const EMPTY: Pair = { warn: '', crit: '' };
const str = (n: number | undefined) => (n === undefined ? '' : String(n));

export function toDraft(states: StateLimits, kpi: Partial<KpiLimits>): LimitsDraft {
  const s = {} as Record<AgentState, Pair>;
  for (const st of STATE_ORDER) {
    const l = states[st];
    s[st] = l ? { warn: str(l.warnSec), crit: str(l.critSec) } : EMPTY;
  }
  const sl = kpi.serviceLevelPct;
  return {
    states: s,
    kpi: {
      waiting: kpi.waiting ? { warn: str(kpi.waiting.warn), crit: str(kpi.waiting.crit) } : EMPTY,
      longestWaitSec: kpi.longestWaitSec
        ? { warn: str(kpi.longestWaitSec.warn), crit: str(kpi.longestWaitSec.crit) }
        : EMPTY,
      serviceLevelPct: sl ? { warn: str(sl.warnBelow), crit: str(sl.critBelow) } : EMPTY,
    },
  };
}

const blank = (p: Pair) => p.warn.trim() === '' && p.crit.trim() === '';
/** Text to number; '' stays NaN so the contract names the field. */
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

/** The draft as the contract's shape (unchecked): `emptyKpi` is what a blank KPI pair means. */
export function fromDraft(
  d: LimitsDraft,
  emptyKpi: 'none' | 'inherit',
): { states: Record<string, unknown>; kpi: Record<string, unknown> } {
  const states: Record<string, unknown> = {};
  for (const st of STATE_ORDER) {
    const p = d.states[st];
    if (!blank(p)) states[st] = { warnSec: num(p.warn), critSec: num(p.crit) };
  }
  const kpi: Record<string, unknown> = {};
  for (const k of KPI_KEYS) {
    const p = d.kpi[k];
    if (blank(p)) {
      if (emptyKpi === 'none') kpi[k] = null;
      continue;
    }
    kpi[k] =
      k === 'serviceLevelPct'
        ? { warnBelow: num(p.warn), critBelow: num(p.crit) }
        : { warn: num(p.warn), crit: num(p.crit) };
  }
  return { states, kpi };
}

export function sameDraft(a: LimitsDraft, b: LimitsDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Plain-words checks the contract's own messages would put less kindly: both limits or neither,
 * whole numbers. What is left (order, ranges) the contract's parse names.
 */
export function checkDraft(d: LimitsDraft): Record<string, string> {
  const out: Record<string, string> = {};
  const intl = activeIntl();
  const check = (path: string, p: Pair, pct: boolean) => {
    if (blank(p)) return;
    if (p.warn.trim() === '' || p.crit.trim() === '') {
      out[path] = intl.formatMessage(M.both);
      return;
    }
    const ok = (v: string) => {
      const n = Number(v);
      return Number.isFinite(n) && (pct ? n >= 0 && n <= 100 : Number.isInteger(n) && n >= 0);
    };
    if (!ok(p.warn) || !ok(p.crit)) out[path] = intl.formatMessage(pct ? M.pct : M.whole);
  };
  for (const st of STATE_ORDER) check(`states.${st}`, d.states[st], false);
  for (const k of KPI_KEYS) check(`kpi.${k}`, d.kpi[k], k === 'serviceLevelPct');
  return out;
}
