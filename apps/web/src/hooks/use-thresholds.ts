import type { Thresholds } from '@floorwatch/contracts/api';
import { useMemo } from 'react';
import { useSettings } from '@/api/get-settings';
import { mergeThresholds } from '@/lib/thresholds';
import { useThresholdsStore } from '@/stores/thresholds-store';

const NONE: Thresholds = {};

/** The limits in force: server defaults overridden by the user's own. */
export function useThresholds(): Thresholds {
  const defaults = useSettings().data?.limits.states ?? NONE;
  const overrides = useThresholdsStore((s) => s.overrides);
  return useMemo(() => mergeThresholds(defaults, overrides), [defaults, overrides]);
}
