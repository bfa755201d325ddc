// CSS lengths of the wall. A wall unit (`--wall-u`, set on the wall's root) is 1 % of the
// screen's short side, never below a phone-legible minimum; a tile unit (`--s`, set in each tile)
// grows with the tile from its smallest legible size. No size has an upper cap: a 4K screen is
// the same picture as a 1080p one, twice as sharp.

export const WALL_UNIT = 'max(1vmin, 0.6rem)';

/** `n` wall units. */
export const wu = (n: number): string => `calc(var(--wall-u) * ${n})`;

/** `n` tile units (only inside a tile body). */
export const tu = (n: number): string => `calc(var(--s) * ${n})`;

/** The tile unit of a tile designed at `w` × `h` wall units, from the tile's own size. */
export const tileUnit = (w: number, h: number): string => `min(100cqw / ${w}, 100cqh / ${h})`;
