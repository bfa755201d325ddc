// How many queue tiles a wall shows at once. Sizes are in wall units (`--wall-u`: 1 % of the
// screen's short side, never below a phone-legible minimum), so a 4K screen shows the same layout
// as a 1080p one of the same size, only sharper, and a portrait screen gets its own arrangement.

/** A tile's smallest legible size in wall units: type inside scales with the tile from here. */
export interface TileDesign {
  kind: 'full' | 'compact';
  w: number;
  h: number;
}

/** Name, waiting, longest wait, state bar, agents by state and the limit line. The figures'
 *  names may take two lines ("Calls / waiting"): they are never cut, and their room is here. */
export const FULL_TILE: TileDesign = { kind: 'full', w: 27, h: 30 };
/** Without the agents-by-state list: what many queues on one screen can still show legibly. */
export const COMPACT_TILE: TileDesign = { kind: 'compact', w: 27, h: 19 };
/** Gap between tiles, in wall units. */
export const TILE_GAP = 1;

export interface TileGrid {
  cols: number;
  rows: number;
  /** Tiles on one page (cols × rows). */
  perPage: number;
  pages: number;
  design: TileDesign;
}

interface Box {
  width: number;
  height: number;
}

function maxCells(box: Box, unit: number, d: TileDesign): { cols: number; rows: number } {
  const g = TILE_GAP * unit;
  return {
    cols: Math.max(1, Math.floor((box.width + g) / (d.w * unit + g))),
    rows: Math.max(1, Math.floor((box.height + g) / (d.h * unit + g))),
  };
}

/** The arrangement of `count` tiles on one page with the largest tiles, or null if none fits. */
function bestSinglePage(count: number, box: Box, unit: number, d: TileDesign): TileGrid | null {
  const cap = maxCells(box, unit, d);
  if (count > cap.cols * cap.rows) return null;
  const g = TILE_GAP * unit;
  let best: { grid: TileGrid; scale: number; empty: number } | null = null;
  for (let cols = 1; cols <= Math.min(count, cap.cols); cols++) {
    const rows = Math.ceil(count / cols);
    const w = (box.width - (cols - 1) * g) / cols;
    const h = (box.height - (rows - 1) * g) / rows;
    const scale = Math.min(w / (d.w * unit), h / (d.h * unit));
    if (scale < 1) continue;
    const empty = cols * rows - count;
    if (
      !best ||
      scale > best.scale + 1e-9 ||
      (Math.abs(scale - best.scale) <= 1e-9 && empty < best.empty)
    )
      best = { grid: { cols, rows, perPage: cols * rows, pages: 1, design: d }, scale, empty };
  }
  return best?.grid ?? null;
}

/**
 * Fits `count` tiles into `box` (px) with `unit` px per wall unit: the full tile if every queue
 * fits on one screen with it, else the compact tile, else as many compact tiles as fit per page.
 */
export function fitTiles(count: number, box: Box, unit: number): TileGrid {
  const n = Math.max(1, count);
  if (box.width > 0 && box.height > 0 && unit > 0) {
    for (const d of [FULL_TILE, COMPACT_TILE]) {
      const one = bestSinglePage(n, box, unit, d);
      if (one) return one;
    }
    const { cols, rows } = maxCells(box, unit, COMPACT_TILE);
    return {
      cols,
      rows,
      perPage: cols * rows,
      pages: Math.ceil(n / (cols * rows)),
      design: COMPACT_TILE,
    };
  }
  // Not measured (yet): one page, so nothing is hidden.
  const cols = Math.ceil(Math.sqrt(n));
  return { cols, rows: Math.ceil(n / cols), perPage: n, pages: 1, design: FULL_TILE };
}
