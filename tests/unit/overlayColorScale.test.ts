import { describe, expect, it } from 'vitest';
import {
  buildLut,
  DIVERGING_BINS,
  divergingBin,
  divergingT,
  logScale01,
  parseHex,
  readableTextColor,
  rgbToHex,
  sampleStops,
  sequentialBin,
} from '../../src/ui/grid/overlay/colorScale';
import { getPalette } from '../../src/ui/grid/overlay/palette';

const MID = (DIVERGING_BINS - 1) / 2;

describe('diverging colour scale', () => {
  it('maps 0 to the middle bin and keeps the sign', () => {
    expect(divergingBin(0, 5)).toBe(MID);
    expect(divergingBin(-0, 5)).toBe(MID);
    expect(divergingBin(1, 5)).toBeGreaterThan(MID);
    expect(divergingBin(-1, 5)).toBeLessThan(MID);
    expect(divergingBin(-0.01, 1)).toBeLessThanOrEqual(MID);
  });

  it('is symmetric around 0', () => {
    for (const v of [0.001, 0.1, 0.5, 0.77, 1, 1.3, 2.5, 4.99, 5]) {
      expect(divergingBin(v, 5) - MID).toBe(MID - divergingBin(-v, 5));
      expect(divergingT(v, 5) - 0.5).toBeCloseTo(0.5 - divergingT(-v, 5), 12);
    }
    // Rounding at exact half bins must not favour one side.
    const half = 5 / MID / 2;
    expect(divergingBin(half, 5) - MID).toBe(MID - divergingBin(-half, 5));
  });

  it('clamps beyond the extent and handles degenerate input', () => {
    expect(divergingBin(5, 5)).toBe(DIVERGING_BINS - 1);
    expect(divergingBin(50, 5)).toBe(DIVERGING_BINS - 1);
    expect(divergingBin(Infinity, 5)).toBe(DIVERGING_BINS - 1);
    expect(divergingBin(-5, 5)).toBe(0);
    expect(divergingBin(-1e9, 5)).toBe(0);
    expect(divergingBin(-Infinity, 5)).toBe(0);
    expect(divergingBin(NaN, 5)).toBe(MID);
    expect(divergingBin(undefined as unknown as number, 5)).toBe(MID);
    expect(divergingBin(3, 0)).toBe(MID);
    expect(divergingT(10, 1)).toBe(1);
    expect(divergingT(-10, 1)).toBe(0);
    expect(divergingT(3, 0)).toBe(0.5);
  });

  it('is monotone in v', () => {
    let prev = -1;
    for (let v = -6; v <= 6; v += 0.05) {
      const b = divergingBin(v, 5);
      expect(b).toBeGreaterThanOrEqual(prev);
      prev = b;
    }
  });

  it('gives red for negative and blue for positive in both themes, neutral at 0', () => {
    for (const theme of ['light', 'dark'] as const) {
      const p = getPalette(theme);
      expect(p.diverging).toHaveLength(DIVERGING_BINS);
      const [r0, , b0] = parseHex(p.diverging[0]);
      const [r1, , b1] = parseHex(p.diverging[DIVERGING_BINS - 1]);
      expect(r0).toBeGreaterThan(b0);
      expect(b1).toBeGreaterThan(r1);
      expect(p.diverging[MID]).toBe(p.divergingStops[(p.divergingStops.length - 1) / 2]);
    }
  });
});

describe('sequential log scale', () => {
  it('is 0 for no visits, 1 at the maximum, log-shaped between', () => {
    expect(logScale01(0, 100)).toBe(0);
    expect(logScale01(5, 0)).toBe(0);
    expect(logScale01(100, 100)).toBe(1);
    expect(logScale01(1000, 100)).toBe(1);
    expect(logScale01(9, 99)).toBeCloseTo(0.5, 12);
    expect(sequentialBin(0, 48)).toBe(0);
    expect(sequentialBin(1, 48)).toBe(47);
    expect(sequentialBin(2, 48)).toBe(47);
    expect(sequentialBin(NaN, 48)).toBe(0);
  });
});

describe('colour helpers', () => {
  it('round-trips hex and interpolates stops', () => {
    expect(rgbToHex(parseHex('#12abef'))).toBe('#12abef');
    expect(parseHex('#fff')).toEqual([255, 255, 255]);
    expect(sampleStops(['#000000', '#ffffff'], 0.5)).toBe('#808080');
    expect(sampleStops(['#000000', '#ffffff'], 2)).toBe('#ffffff');
    const lut = buildLut(['#ff0000', '#0000ff'], 3);
    expect(lut).toEqual(['#ff0000', '#800080', '#0000ff']);
  });

  it('picks readable text colours', () => {
    expect(readableTextColor('#ffffff')).toBe('#111111');
    expect(readableTextColor('#f4f4f5')).toBe('#111111');
    expect(readableTextColor('#000000')).toBe('#ffffff');
    expect(readableTextColor('#2166ac')).toBe('#ffffff');
  });
});
