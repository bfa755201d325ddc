// What the settings store answers for something never stored, the same for every adapter.
import type { KpiLimits, Preferences } from '@floorwatch/contracts/api';

export const NO_KPI_LIMITS: KpiLimits = {
  waiting: null,
  longestWaitSec: null,
  serviceLevelPct: null,
};

export const DEFAULT_PREFERENCES: Preferences = { locale: null };
