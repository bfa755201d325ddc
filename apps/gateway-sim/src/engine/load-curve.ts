// Daily load curve of an inbound contact centre: quiet nights, a morning peak, a lunch dip and a
// smaller afternoon peak. Indexed by UTC hour so a given clock always gives the same load; nights
// keep a floor so a simulator started at any hour still shows a living floor.

const HOURLY: readonly number[] = [
  0.35, 0.35, 0.35, 0.35, 0.35, 0.4, 0.5, 0.7, 0.95, 1.15, 1.2, 1.1, 0.85, 0.9, 1.05, 1.1, 1.0,
  0.85, 0.7, 0.6, 0.5, 0.45, 0.4, 0.35,
];

/** Load factor at an epoch-ms instant, linearly interpolated between hours (no jumps on the hour). */
export function loadFactor(epochMs: number): number {
  const hours = (epochMs / 3_600_000) % 24;
  const h = Math.floor(hours);
  const frac = hours - h;
  const a = HOURLY[h] ?? 1;
  const b = HOURLY[(h + 1) % 24] ?? 1;
  return a + (b - a) * frac;
}
