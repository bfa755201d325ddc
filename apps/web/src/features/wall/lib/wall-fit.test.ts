import { describe, expect, it } from 'vitest';
import { COMPACT_TILE, FULL_TILE, fitTiles, TILE_GAP } from './wall-fit';

const u1080 = 10.8; // 1 % of a 1080 px short side
const landscape = { width: 1860, height: 900 };
const portrait = { width: 1040, height: 1620 };

describe('fitting tiles to the screen', () => {
  it('gives a few queues big tiles that fill the screen', () => {
    const g = fitTiles(6, landscape, u1080);
    expect(g).toMatchObject({ cols: 3, rows: 2, pages: 1, design: FULL_TILE });
  });

  it('arranges the same queues differently in portrait', () => {
    const g = fitTiles(6, portrait, u1080);
    expect(g).toMatchObject({ cols: 2, rows: 3, pages: 1 });
  });

  it('scales with the screen: 4K at 1× shows the same layout as 1080p', () => {
    const hd = fitTiles(500, landscape, u1080);
    const uhd = fitTiles(500, { width: 3720, height: 1800 }, 2 * u1080);
    expect(uhd).toEqual(hd);
  });

  it('shrinks tiles to the legible minimum, then pages', () => {
    const g = fitTiles(500, landscape, u1080);
    expect(g.design).toBe(COMPACT_TILE);
    expect(g.pages).toBeGreaterThan(1);
    expect(g.perPage * g.pages).toBeGreaterThanOrEqual(500);
    // No tile below the minimum: the grid fits in the box.
    const w = g.cols * COMPACT_TILE.w * u1080 + (g.cols - 1) * TILE_GAP * u1080;
    const h = g.rows * COMPACT_TILE.h * u1080 + (g.rows - 1) * TILE_GAP * u1080;
    expect(w).toBeLessThanOrEqual(landscape.width);
    expect(h).toBeLessThanOrEqual(landscape.height);
  });

  it('uses compact tiles before paging', () => {
    const full = fitTiles(12, landscape, u1080);
    expect(full).toMatchObject({ pages: 1, design: FULL_TILE });
    const compact = fitTiles(20, landscape, u1080);
    expect(compact).toMatchObject({ pages: 1, design: COMPACT_TILE });
  });

  it('shows at least one tile a page on a tiny screen, and everything before it is measured', () => {
    expect(fitTiles(5, { width: 100, height: 100 }, 10)).toMatchObject({ perPage: 1, pages: 5 });
    expect(fitTiles(7, { width: 0, height: 0 }, 0)).toMatchObject({ perPage: 7, pages: 1 });
  });
});
