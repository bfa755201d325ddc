import { useMemo } from 'react';
import { useSettings } from '@/api/get-settings';
import { env } from '@/config/env';
import { floorNames, NO_NAMES, type FloorNames } from '@/lib/floor-names';
import { EMPTY_POLICY, limitsPolicy, type LimitsPolicy } from '@/lib/limits';

export interface Floor {
  /** The shared limits every screen (walls included) judges with. */
  policy: LimitsPolicy;
  /** Reason and group names. */
  names: FloorNames;
  /** False until the settings first arrive (limits and names are empty until then). */
  ready: boolean;
}

/**
 * The shared limits and names, from GET /api/v1/settings, checked again every
 * `env.settingsPollMs` so an admin's change reaches every screen without a reload.
 */
export function useFloor(): Floor {
  const data = useSettings(env.settingsPollMs).data;
  return useMemo(
    () =>
      data
        ? { policy: limitsPolicy(data), names: floorNames(data), ready: true }
        : { policy: EMPTY_POLICY, names: NO_NAMES, ready: false },
    [data],
  );
}
