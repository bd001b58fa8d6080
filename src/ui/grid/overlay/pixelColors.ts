/**
 * Palette colours packed as 32-bit RGBA pixels (for writing straight into ImageData through a
 * Uint32Array), built once per palette.
 */
import { parseHex, rgbToHex } from './colorScale';
import type { Palette } from './palette';

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([0x0a0b0c0d]).buffer)[0] === 0x0d;

/** An opaque colour as a pixel of a Uint32Array view over RGBA bytes. */
export function hexToPixel(hex: string): number {
  const [r, g, b] = parseHex(hex);
  return LITTLE_ENDIAN
    ? ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0
    : ((r << 24) | (g << 16) | (b << 8) | 255) >>> 0;
}

/** Red, green and blue bytes of a pixel (inverse of hexToPixel). */
export function pixelRgb(px: number): [number, number, number] {
  return LITTLE_ENDIAN
    ? [px & 255, (px >>> 8) & 255, (px >>> 16) & 255]
    : [px >>> 24, (px >>> 16) & 255, (px >>> 8) & 255];
}

/** The colour mixed towards black by f (0..1). */
export function darken(hex: string, f: number): string {
  const [r, g, b] = parseHex(hex);
  return rgbToHex([r * (1 - f), g * (1 - f), b * (1 - f)]);
}

export interface PixelColors {
  grid: number;
  cell: Uint32Array;
  cellDark: Uint32Array;
  diverging: Uint32Array;
  divergingDark: Uint32Array;
  sequential: Uint32Array;
  sequentialDark: Uint32Array;
  visitBar: number;
}

const cache = new WeakMap<Palette, PixelColors>();

export function pixelColors(p: Palette): PixelColors {
  let c = cache.get(p);
  if (!c) {
    const conv = (list: readonly string[], f = 0) =>
      Uint32Array.from(list, (h) => hexToPixel(f ? darken(h, f) : h));
    c = {
      grid: hexToPixel(p.gridLine),
      cell: conv(p.cell),
      cellDark: conv(p.cell, 0.18),
      diverging: conv(p.diverging),
      divergingDark: conv(p.diverging, 0.3),
      sequential: conv(p.sequential),
      sequentialDark: conv(p.sequential, 0.18),
      visitBar: hexToPixel(p.visitBar),
    };
    cache.set(p, c);
  }
  return c;
}
