import { describe, expect, it } from 'vitest';
import { buildChartData } from '../../src/ui/charts/chartData';
import { formatCompact } from '../../src/ui/charts/formatNumber';
import { summaryOf } from './helpers';

const series = (n: number) =>
  summaryOf(n, (i) => ({ ret: i % 2 ? 1 : -1, steps: 10 + (i % 5), success: i % 4 === 0, eps: 0.5 }));

/** The textbook trailing mean of values[i-w+1 .. i] (fewer at the start). */
function trailing(values: number[], w: number): number[] {
  return values.map((_, i) => {
    const from = Math.max(0, i - w + 1);
    return values.slice(from, i + 1).reduce((a, b) => a + b, 0) / (i + 1 - from);
  });
}

describe('buildChartData', () => {
  it('keeps short logs exact, episode numbers 1-based', () => {
    const d = buildChartData(series(6), 400, 2);
    expect(d.exact).toBe(true);
    expect(d.rows).toHaveLength(6);
    expect(d.rows.map((r) => r.ep)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(d.rows.map((r) => r.ret)).toEqual([-1, 1, -1, 1, -1, 1]);
    expect(d.rows.map((r) => r.retAvg)).toEqual([-1, 0, 0, 0, 0, 0]);
    // success 1,0,0,0,1,0 over the last SUCCESS_WINDOW (100) episodes: the running share
    d.rows.forEach((r, i) => expect(r.success).toBeCloseTo([100, 50, 100 / 3, 25, 40, 100 / 3][i], 9));
    expect(d.rows[2].retBand).toEqual([-1, -1]);
  });

  it('downsamples 100k episodes to at most 400 rows spanning the whole log', () => {
    const d = buildChartData(series(100_000), 400);
    expect(d.exact).toBe(false);
    expect(d.rows.length).toBeLessThanOrEqual(400);
    expect(d.rows[0].from).toBe(1);
    expect(d.rows[d.rows.length - 1].to).toBe(100_000);
    expect(d.window).toBe(5000);
    for (const r of d.rows) {
      expect(r.retBand).toEqual([-1, 1]);
      expect(r.ret).toBeCloseTo(0, 1);
      expect(r.success).toBeCloseTo(25, 0);
      expect(r.eps).toBeCloseTo(0.5, 6);
      expect(r.stepsBand).toEqual([10, 14]);
    }
  });

  it('is empty for an empty log', () => {
    expect(buildChartData(series(0)).rows).toEqual([]);
  });

  it('moving averages are textbook trailing means while exact', () => {
    const ret = Array.from({ length: 300 }, (_, i) => Math.cos(i) * 3 + i / 10);
    const d = buildChartData(
      summaryOf(ret.length, (i) => ({ ret: ret[i], steps: 1, success: false })),
      400,
      17,
    );
    const want = trailing(ret, 17);
    d.rows.forEach((r, i) => expect(r.retAvg).toBeCloseTo(want[i], 10));
  });

  it('a downsampled summary keeps the totals and the extremes of the whole run', () => {
    // 10,000 episodes in a 64-bucket summary: buckets of 256 episodes, the last one filling.
    const s = summaryOf(
      10_000,
      (i) => ({ ret: i === 5_000 ? 99 : i % 2, steps: 1 + (i % 7), success: i >= 9_000 }),
      64,
    );
    expect(s.width).toBe(256);
    expect(s.buckets).toBe(40);
    const d = buildChartData(s, 400);
    expect(d.width).toBe(256);
    expect(d.exact).toBe(false);
    expect(d.count).toBe(10_000);
    expect(d.rows[d.rows.length - 1].to).toBe(10_000);
    expect(Math.max(...d.rows.map((r) => r.retBand[1]))).toBe(99);
    expect(d.firstSuccess).toBe(9_001);
    const total = d.rows.reduce((t, r) => t + r.ret * (r.to - r.from + 1), 0);
    expect(total).toBeCloseTo(5_000 - 0 + 99, 6);
  });
});

describe('formatCompact', () => {
  it('shortens axis numbers', () => {
    expect(formatCompact(0)).toBe('0');
    expect(formatCompact(1234)).toBe('1.2k');
    expect(formatCompact(20000)).toBe('20k');
    expect(formatCompact(100000)).toBe('100k');
    expect(formatCompact(2500000)).toBe('2.5M');
    expect(formatCompact(-4)).toBe('-4');
    expect(formatCompact(0.75)).toBe('0.75');
    expect(formatCompact(0.5)).toBe('0.5');
    expect(formatCompact(12.25)).toBe('12.3');
  });
});
