/**
 * Colour scales as precomputed lookup tables: a diverging scale symmetric around 0 (for values and Q)
 * and a sequential log scale (for visit counts). Drawing code maps a number to a bin index and reads a
 * cached CSS colour string, so a redraw never builds colour strings.
 */
export type Rgb = readonly [number, number, number];

/** Odd, so the middle bin is exactly 0. */
export const DIVERGING_BINS = 65;
export const SEQUENTIAL_BINS = 48;

export function parseHex(hex: string): Rgb {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  const n = parseInt(full, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function rgbToHex(rgb: Rgb): string {
  const to = (v: number) =>
    Math.round(Math.min(255, Math.max(0, v)))
      .toString(16)
      .padStart(2, '0');
  return `#${to(rgb[0])}${to(rgb[1])}${to(rgb[2])}`;
}

/** Colour at t in [0, 1] along evenly spaced stops (linear interpolation in sRGB). */
export function sampleStops(stops: readonly string[], t: number): string {
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0.5)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(u));
  const f = u - i;
  const a = parseHex(stops[i]);
  const b = parseHex(stops[i + 1]);
  return rgbToHex([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f]);
}

/** n colours evenly spaced along the stops (first = stops[0], last = stops[last]). */
export function buildLut(stops: readonly string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(sampleStops(stops, n === 1 ? 0.5 : i / (n - 1)));
  return out;
}

/**
 * Bin of v on a diverging scale symmetric around 0 with extent [-maxAbs, maxAbs]: the middle bin for 0
 * (and for NaN or a zero extent), bin 0 for <= -maxAbs, bin nBins-1 for >= maxAbs (clamped).
 */
export function divergingBin(v: number, maxAbs: number, nBins = DIVERGING_BINS): number {
  const mid = (nBins - 1) / 2;
  const abs = Math.abs(v);
  if (!(abs >= 0) || !(maxAbs > 0)) return mid; // NaN (or a missing entry) and a zero extent: neutral
  const k = Math.round(Math.min(1, abs / maxAbs) * mid);
  return v < 0 ? mid - k : mid + k;
}

/** Position of v on the diverging scale in [0, 1] (0.5 = zero); for legends. */
export function divergingT(v: number, maxAbs: number): number {
  if (!(maxAbs > 0)) return 0.5;
  return 0.5 + 0.5 * Math.max(-1, Math.min(1, v / maxAbs));
}

/** log(1 + count) / log(1 + maxCount), in [0, 1]. */
export function logScale01(count: number, maxCount: number): number {
  if (!(maxCount > 0) || !(count > 0)) return 0;
  return Math.min(1, Math.log1p(count) / Math.log1p(maxCount));
}

/** Bin of t in [0, 1] on a sequential scale with nBins bins (clamped). */
export function sequentialBin(t: number, nBins = SEQUENTIAL_BINS): number {
  if (!(t > 0)) return 0;
  return Math.min(nBins - 1, Math.round(t * (nBins - 1)));
}

/** WCAG relative luminance of an sRGB colour. */
export function relativeLuminance(rgb: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2]);
}

/** Near-black or white, whichever contrasts more with the background. */
export function readableTextColor(bgHex: string): string {
  const l = relativeLuminance(parseHex(bgHex));
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#111111' : '#ffffff';
}
