// How big the queue KPI block is on a wall: type in tile units (a tile) or wall units (one queue
// on the whole screen), values shrinking to stay inside their box (see components/queue-kpis.tsx).
import type { KpiLook } from '@/components/queue-kpis';
import { fitFont } from '@/lib/fit-text';
import { tu, wu } from '@/lib/wall-units';

// In a tile the name, figures and limit marks never give way: a queue in many states lists idle,
// talking and its two largest others (the floor line above the tiles counts every state), and the
// list shows only the rows the limit marks leave room for, whole.
// A figure's name wraps at its spaces ("Calls / waiting") rather than being cut: the three names
// share one row of the subgrid, so the values stay on one line whichever names wrap.
export const WALL_TILE_LOOK: KpiLook = {
  figures: 'grid shrink-0 grid-cols-3 grid-rows-[auto_auto] gap-x-[calc(var(--s)*0.8)] gap-y-0',
  statesAsFigures: false,
  figure: 'row-span-2 grid min-w-0 grid-rows-subgrid',
  label: 'self-end leading-[1.05] text-muted',
  labelStyle: { fontSize: tu(1.45) },
  value: 'leading-none font-bold',
  // Three values side by side: each under a quarter of the tile, so "0:00" and "100%" never touch.
  valueSize: (v) => fitFont(v, tu(4), 24),
  note: 'shrink-0 truncate text-muted',
  noteStyle: { fontSize: tu(1.5) },
  bar: 'h-[calc(var(--s)*0.8)] shrink-0',
  states: 'grid min-h-0 grid-cols-2 overflow-hidden',
  // A state's name wraps like a figure's ("Handling / email"): a row that then has no room is
  // hidden whole with the others.
  stateName: 'min-w-0',
  statesStyle: { fontSize: tu(1.8), columnGap: tu(1.2), rowGap: tu(0.2) },
  statesMax: 4,
  statesWholeRows: true,
};

export const WALL_FOCUS_LOOK: KpiLook = {
  figures:
    'grid grid-cols-[repeat(auto-fit,minmax(calc(var(--wall-u)*17),1fr))] gap-[calc(var(--wall-u)*1)]',
  statesAsFigures: true,
  figure:
    'flex min-w-0 flex-col justify-between rounded-[1vmin] bg-surface-2 px-[calc(var(--wall-u)*1.2)] py-[calc(var(--wall-u)*0.8)] [container-type:inline-size]',
  label: 'flex min-w-0 items-center gap-[0.4em] truncate text-muted',
  labelStyle: { fontSize: wu(1.9) },
  value: 'leading-none font-bold',
  valueSize: (v) => fitFont(v, wu(6), 92),
  note: 'text-muted',
  noteStyle: { fontSize: wu(1.9) },
  bar: 'h-[1.2vmin] shrink-0',
};
