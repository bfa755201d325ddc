// What the settings store answers for something never stored, and what it stores first, the same
// for every adapter.
import type { KpiLimits, Preferences, WallLink, WallLinkCreate } from '@floorwatch/contracts/api';
import { newWallLinkId } from '../auth/wall-link-token';
import type { Actor } from './types';

export const NO_KPI_LIMITS: KpiLimits = {
  waiting: null,
  longestWaitSec: null,
  serviceLevelPct: null,
};

export const DEFAULT_PREFERENCES: Preferences = { locale: null };

/** A new wall link as first stored: a fresh id, version 1, never used. */
export function newWallLink(input: WallLinkCreate, by: Actor): WallLink {
  return {
    ...input,
    version: 1,
    id: newWallLinkId(),
    createdAt: by.at,
    createdBy: by.username,
    lastUsedAt: null,
  };
}
