/**
 * Glyphs and arrows drawn once per (theme, cell size, pixel ratio) with the vector drawers, read back
 * as sparse premultiplied pixels, and then blended into the pixel image per cell in plain JS: a
 * 50 x 50 grid of arrows costs a fraction of stroking and filling thousands of paths.
 */
import { Cell, N_ACTIONS } from '../../../rl/grid';
import { drawArrows } from './drawArrows';
import { drawGlyphs } from './drawGlyphs';
import type { Palette } from './palette';

export interface Sprite {
  n: number;
  dx: Int16Array;
  dy: Int16Array;
  /** Premultiplied colour with its alpha, packed like the target pixels. */
  src: Uint32Array;
  alpha: Uint8Array;
  /** dy * stride + dx, for the stride it was last blitted with. */
  off?: Int32Array;
  stride?: number;
}

export interface SpriteSet {
  /** Per Cell code: its glyph (null for none). */
  glyph: (Sprite | null)[];
  /** Per action bit mask 0..15: the arrows of those actions (15 = undecided, faint). */
  arrows: Sprite[];
}

/** Renders `draw` (CSS px, one cell at the origin) into size x size device px and returns its pixels. */
export type SpriteFactory = (
  size: number,
  dpr: number,
  draw: (ctx: CanvasRenderingContext2D) => void,
) => Sprite;

export const EMPTY_SPRITE: Sprite = {
  n: 0,
  dx: new Int16Array(0),
  dy: new Int16Array(0),
  src: new Uint32Array(0),
  alpha: new Uint8Array(0),
};

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** The alpha byte of a packed pixel (the image stays opaque after blending). */
const OPAQUE = LITTLE_ENDIAN ? 0xff000000 | 0 : 0xff;

/** Sparse premultiplied pixels of straight-alpha RGBA data. */
export function spriteFromRgba(data: ArrayLike<number>, w: number, h: number): Sprite {
  let n = 0;
  for (let i = 3; i < w * h * 4; i += 4) if (data[i] > 0) n++;
  const sp: Sprite = {
    n,
    dx: new Int16Array(n),
    dy: new Int16Array(n),
    src: new Uint32Array(n),
    alpha: new Uint8Array(n),
  };
  let k = 0;
  for (let i = 0; i < w * h; i++) {
    const a = data[i * 4 + 3];
    if (a === 0) continue;
    const r = Math.round((data[i * 4] * a) / 255);
    const g = Math.round((data[i * 4 + 1] * a) / 255);
    const b = Math.round((data[i * 4 + 2] * a) / 255);
    sp.dx[k] = i % w;
    sp.dy[k] = (i - (i % w)) / w;
    sp.src[k] = LITTLE_ENDIAN
      ? ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0
      : ((r << 24) | (g << 16) | (b << 8) | 255) >>> 0;
    sp.alpha[k] = a;
    k++;
  }
  return sp;
}

/** The default factory: an offscreen canvas (none in jsdom: then sprites are empty). */
export const canvasSpriteFactory: SpriteFactory = (size, dpr, draw) => {
  const canvas = typeof document !== 'undefined' ? document.createElement('canvas') : null;
  if (!canvas) return EMPTY_SPRITE;
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return EMPTY_SPRITE;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  draw(ctx);
  const img = ctx.getImageData(0, 0, size, size);
  return img?.data ? spriteFromRgba(img.data, size, size) : EMPTY_SPRITE;
};

/**
 * Blends a sprite into opaque pixels (row stride pw) with its top-left at (x0, y0); the sprite must lie
 * inside the image (sprites are never larger than a cell).
 */
export function blitSprite(u32: Uint32Array, pw: number, sp: Sprite, x0: number, y0: number): void {
  if (sp.n === 0) return;
  if (sp.stride !== pw || !sp.off) {
    sp.off = new Int32Array(sp.n);
    for (let i = 0; i < sp.n; i++) sp.off[i] = sp.dy[i] * pw + sp.dx[i];
    sp.stride = pw;
  }
  const { off, src, alpha } = sp;
  const base = y0 * pw + x0;
  for (let i = 0; i < sp.n; i++) {
    const j = base + off[i];
    const a = alpha[i];
    if (a === 255) {
      u32[j] = src[i];
      continue;
    }
    // Two channels at a time: dst * (255 - a) / 256, plus the premultiplied source (never overflows).
    const d = u32[j];
    const ia = 255 - a;
    const rb = (((d & 0xff00ff) * ia) >>> 8) & 0xff00ff;
    const ag = ((((d >>> 8) & 0xff00ff) * ia) >>> 8) & 0xff00ff;
    u32[j] = (src[i] + rb + ag * 256) | OPAQUE;
  }
}

const GLYPH_CODES = [Cell.Wall, Cell.Start, Cell.Goal, Cell.Pit, Cell.Cliff, Cell.Bonus];

/** The sprites for this palette, cell size, pixel ratio and arrow length, built on first use. */
export function getSprites(
  cache: Map<string, SpriteSet>,
  factory: SpriteFactory,
  p: Palette,
  theme: string,
  cs: number,
  dpr: number,
  arrowLength: number,
): SpriteSet {
  const key = `${theme}|${cs}|${dpr}|${arrowLength}`;
  let set = cache.get(key);
  if (set) return set;
  if (cache.size > 16) cache.clear();
  // Never larger than the smallest cell (cells are floor or ceil of cs * dpr device px wide).
  const size = Math.max(1, Math.floor(cs * dpr));
  const one = (code: number) => ({ width: 1, height: 1, cs, cells: Uint8Array.of(code) });
  const glyph: (Sprite | null)[] = [null, null, null, null, null, null, null];
  for (const code of GLYPH_CODES) glyph[code] = factory(size, dpr, (ctx) => drawGlyphs(ctx, one(code), p));
  const arrows: Sprite[] = [EMPTY_SPRITE];
  for (let mask = 1; mask < 1 << N_ACTIONS; mask++) {
    const pi = new Float64Array(N_ACTIONS);
    for (let a = 0; a < N_ACTIONS; a++) pi[a] = (mask >> a) & 1;
    arrows.push(factory(size, dpr, (ctx) => drawArrows(ctx, one(Cell.Empty), p, pi, 1e-6, arrowLength)));
  }
  set = { glyph, arrows };
  cache.set(key, set);
  return set;
}
