// How big the queue KPI block is on the desk screens (see queue-kpis.tsx).
import type { KpiLook } from './queue-kpis';

export const TILE_LOOK: KpiLook = {
  figures: 'grid grid-cols-3 gap-2',
  statesAsFigures: false,
  // A narrow tile wraps "Calls waiting" onto two lines rather than cutting it to "Calls wai…".
  figure: 'flex min-w-0 flex-col justify-between rounded-lg bg-surface-2 px-2.5 py-2',
  label: 'line-clamp-2 text-xs leading-tight text-muted',
  value: 'text-xl font-semibold',
  note: 'text-xs text-muted',
  bar: 'h-2.5',
  states: 'grid grid-cols-2 gap-x-2 gap-y-1 text-sm',
};

export const SUMMARY_LOOK: KpiLook = {
  figures: 'flex flex-wrap gap-x-6 gap-y-3',
  statesAsFigures: true,
  figure: 'flex flex-col',
  label: 'flex items-center gap-1 text-xs font-semibold tracking-wide text-muted uppercase',
  value: 'text-2xl font-semibold',
  note: 'text-sm text-muted',
  bar: 'h-2',
};
