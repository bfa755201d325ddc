// What the settings store is seeded with. Site limits: FLOORWATCH_THRESHOLDS (or the built-in
// defaults) on first start. Reasons: FLOORWATCH_REASONS; without that file, names only for the
// embedded simulator's reason codes, because a real gateway's codes mean what its VDN says they
// mean and Floorwatch must not invent names for them.
import { BUSY_REASONS, REST_REASONS, type Locale as SimLocale } from '@floorwatch/gateway-sim';
import type { Limit, Thresholds } from '@floorwatch/contracts/api';
import type { SeedReason } from '../config';
import { NO_KPI_LIMITS } from './defaults';
import type { SeedInput } from './types';

/** Demo limits for the simulator's reasons that a floor would time differently from a rest. */
const DEMO_REASON_LIMITS: Record<number, Limit> = {
  11: { warnSec: 15 * 60, critSec: 20 * 60 }, // short break
  12: { warnSec: 60 * 60, critSec: 75 * 60 }, // lunch
  14: { warnSec: 45 * 60, critSec: 60 * 60 }, // team meeting
};

/**
 * The embedded simulator's reason codes, named in the simulator's language (SIM_LOCALE: a
 * Chinese centre's admin would have named them 午餐, not Lunch). Demo mode only.
 */
export function simulatorReasons(locale: SimLocale = 'en'): SeedReason[] {
  return [...REST_REASONS, ...BUSY_REASONS]
    .map((r) => ({
      code: r.code,
      name: r.label[locale],
      limit: DEMO_REASON_LIMITS[r.code] ?? null,
    }))
    .sort((a, b) => a.code - b.code);
}

export function seedInput(opts: {
  thresholds: Thresholds;
  reasons: SeedReason[] | null;
  embeddedSimulator: boolean;
  /** The embedded simulator's language (SIM_LOCALE). */
  simLocale?: SimLocale;
}): SeedInput {
  return {
    siteLimits: { states: opts.thresholds, kpi: NO_KPI_LIMITS },
    reasons: opts.reasons ?? (opts.embeddedSimulator ? simulatorReasons(opts.simLocale) : []),
  };
}
