import { describe, expect, it } from 'vitest';
import { backingScale } from '../../src/ui/grid/overlay/GridOverlay';
import { hexToPixel, pixelRgb } from '../../src/ui/grid/overlay/pixelColors';
import { blitSprite, spriteFromRgba } from '../../src/ui/grid/overlay/sprites';

describe('sprites', () => {
  it('keeps only visible pixels, premultiplied', () => {
    // 2 x 2: opaque red, transparent, half-transparent white, transparent.
    const rgba = [255, 0, 0, 255, 9, 9, 9, 0, 255, 255, 255, 128, 0, 0, 0, 0];
    const sp = spriteFromRgba(rgba, 2, 2);
    expect(sp.n).toBe(2);
    expect([...sp.dx]).toEqual([0, 0]);
    expect([...sp.dy]).toEqual([0, 1]);
    expect([...sp.alpha]).toEqual([255, 128]);
    expect(pixelRgb(sp.src[0])).toEqual([255, 0, 0]);
    expect(pixelRgb(sp.src[1])).toEqual([128, 128, 128]);
  });

  it('blends over opaque pixels: opaque replaces, translucent mixes', () => {
    const u32 = new Uint32Array(4 * 3).fill(hexToPixel('#ffffff'));
    const sp = spriteFromRgba([0, 0, 0, 255, 0, 0, 0, 128], 2, 1); // black, half black
    blitSprite(u32, 4, sp, 1, 2);
    expect(pixelRgb(u32[2 * 4 + 1])).toEqual([0, 0, 0]);
    const [r, g, b] = pixelRgb(u32[2 * 4 + 2]);
    expect(r).toBeGreaterThanOrEqual(125);
    expect(r).toBeLessThanOrEqual(129);
    expect(g).toBe(r);
    expect(b).toBe(r);
    expect(new Uint8Array(u32.buffer)[(2 * 4 + 2) * 4 + 3]).toBe(255); // stays opaque
    expect(u32[0]).toBe(hexToPixel('#ffffff')); // untouched elsewhere
  });
});

describe('backingScale', () => {
  it('uses the screen ratio until the pixel budget, then lowers it (never below 1)', () => {
    expect(backingScale(2, 500 * 400, 1_200_000)).toBe(2);
    expect(backingScale(1, 2000 * 2000, 1_200_000)).toBe(1);
    const s = backingScale(2, 800 * 800, 1_200_000);
    expect(s).toBeGreaterThanOrEqual(1);
    expect(s).toBeLessThan(2);
    expect(800 * 800 * s * s).toBeLessThanOrEqual(1_200_000);
    expect(backingScale(5, 10 * 10, 1e6)).toBe(3);
    expect(backingScale(0.5, 10 * 10, 1e6)).toBe(1);
  });
});
