import { describe, expect, it } from 'vitest';
import { buildChartData } from '../../src/ui/charts/chartData';
import { formatCompact } from '../../src/ui/charts/formatNumber';
import type { MetricsSeries } from '../../src/ui/charts/metricsSeries';

function series(n: number, cap = n): MetricsSeries {
  const s: MetricsSeries = {
    returns: new Float64Array(cap),
    steps: new Int32Array(cap),
    success: new Uint8Array(cap),
    epsilon: new Float32Array(cap),
    count: n,
    version: 1,
  };
  for (let i = 0; i < n; i++) {
    s.returns[i] = i % 2 ? 1 : -1;
    s.steps[i] = 10 + (i % 5);
    s.success[i] = i % 4 === 0 ? 1 : 0;
    s.epsilon[i] = 0.5;
  }
  return s;
}

describe('buildChartData', () => {
  it('keeps short logs exact, episode numbers 1-based', () => {
    const d = buildChartData(series(6, 1024), 400, 2);
    expect(d.exact).toBe(true);
    expect(d.rows).toHaveLength(6);
    expect(d.rows.map((r) => r.ep)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(d.rows.map((r) => r.ret)).toEqual([-1, 1, -1, 1, -1, 1]);
    expect(d.rows.map((r) => r.retAvg)).toEqual([-1, 0, 0, 0, 0, 0]);
    // success 1,0,0,0,1,0 with window 2 -> 100, 50, 0, 0, 50, 50 %
    expect(d.rows.map((r) => r.success)).toEqual([100, 50, 0, 0, 50, 50]);
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
    expect(buildChartData(series(0, 16)).rows).toEqual([]);
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
