/**
 * Round axis ticks computed in plain floating point. Handing recharts explicit ticks and domains skips
 * its arbitrary-precision tick search, which was a large share of every live chart update.
 */
import { formatCompact } from './formatNumber';

/** A "nice" step (1, 2, 2.5 or 5 times a power of ten) that splits `span` into about `count` parts. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * mag;
}

/** Ticks covering [lo, hi] with a nice step; the domain is widened to the outer ticks. */
export function niceTicks(lo: number, hi: number, count = 5): { domain: [number, number]; ticks: number[] } {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { domain: [0, 1], ticks: [0, 1] };
  if (hi - lo < 1e-12) {
    const pad = Math.abs(lo) > 1e-12 ? Math.abs(lo) * 0.1 : 1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep(hi - lo, count);
  const a = Math.floor(lo / step + 1e-9) * step;
  const b = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let k = 0, v = a; v <= b + step * 1e-9 && k < 100; k++, v = a + k * step)
    ticks.push(Math.round(v / step) * step);
  return { domain: [a, b], ticks };
}

/** Integer ticks for an episode axis from 1 to `count` (no tick past the data). */
export function episodeTicks(count: number, n = 6): number[] {
  const max = Math.max(2, count);
  const step = Math.max(1, niceStep(max - 1, n - 1));
  const ticks = [1];
  for (let v = step; v <= max; v += step) if (v > 1) ticks.push(Math.round(v));
  return ticks;
}

/** Digits after the point that show every multiple of `step` exactly (0.25 -> 2, 0.5 -> 1, 20 -> 0). */
export function stepDecimals(step: number): number {
  for (let d = 0; d < 8; d++) {
    const scaled = Math.abs(step) * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, scaled)) return d;
  }
  return 8;
}

/**
 * A value axis over [lo, hi]: round ticks (niceTicks), the domain widened to the outer ones, and a tick
 * format with the same decimals on every tick, as many as the step needs (0.00 0.25 0.50, or 0 5 10).
 */
export function niceAxis(lo: number, hi: number, count = 5) {
  const { domain, ticks } = niceTicks(lo, hi, count);
  return { domain, ticks, format: tickFormat(ticks) };
}

/** A format for these ticks with the same decimals on each, as many as their step needs; large values
 *  (10,000 and up) in compact form (12k, 1.5M). */
export function tickFormat(ticks: readonly number[]): (x: number) => string {
  const decimals = ticks.length > 1 ? stepDecimals(ticks[1] - ticks[0]) : 0;
  const big = ticks.some((t) => Math.abs(t) >= 1e4);
  return (x: number) => {
    if (big) return formatCompact(x);
    const s = x.toFixed(decimals);
    return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
  };
}
