import { describe, expect, it } from 'vitest';
import { band, downsample, firstSuccess, histogram, meanOfLast, movingAverage } from '../../src/rl/lab/stats';
import { summarizeVariant } from '../../src/rl/lab/summarize';
import type { RunSeries } from '../../src/rl/lab/runJob';

describe('per-episode band over seeds', () => {
  it('gives mean, population std and the min-max band at each episode', () => {
    const b = band([
      [0, 1, 4],
      [2, 3, 4],
      [4, 5, 4],
    ]);
    expect(Array.from(b.mean)).toEqual([2, 3, 4]);
    expect(b.std[0]).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(b.std[2]).toBe(0);
    expect(Array.from(b.min)).toEqual([0, 1, 4]);
    expect(Array.from(b.max)).toEqual([4, 5, 4]);
  });

  it('counts a shorter series only where it has data', () => {
    const b = band([[1, 1], [3]]);
    expect(Array.from(b.mean)).toEqual([2, 1]);
    expect(b.std[1]).toBe(0);
  });
});

describe('first success with censored seeds', () => {
  it('keeps seeds that never succeeded, as later than any value', () => {
    const f = firstSuccess([5, null, 1, 9, -1]);
    expect(f).toEqual({ n: 5, censored: 2, found: [1, 5, 9], median: 9, min: 1, max: 9 });
  });

  it('has no median when it falls on a censored seed', () => {
    expect(firstSuccess([3, null, null]).median).toBeNull();
    expect(firstSuccess([3, 4, null, null]).median).toBeNull();
    expect(firstSuccess([3, 5, 7, null]).median).toBe(6);
    expect(firstSuccess([]).median).toBeNull();
    expect(firstSuccess([null]).min).toBeNull();
  });

  it('puts censored seeds in a "never" bar of the histogram, not in a bin', () => {
    const h = histogram([1, 10, 11, 100, null, null], 100, 10);
    expect(h.edges).toEqual([1, 11, 21, 31, 41, 51, 61, 71, 81, 91]);
    expect(h.counts).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(h.never).toBe(2);
  });
});

describe('summaries', () => {
  it('mean of the last 10% per series, averaged over series', () => {
    const a = Array.from({ length: 20 }, (_, i) => (i >= 18 ? 1 : 0));
    const b = Array.from({ length: 20 }, () => 0.5);
    expect(meanOfLast([a, b], 0.1)).toBeCloseTo(0.75, 12);
    expect(meanOfLast([[7]], 0.1)).toBe(7);
  });

  it('moving average and downsampling keep the band honest', () => {
    expect(Array.from(movingAverage([2, 4, 6, 8], 2))).toEqual([2, 3, 5, 7]);
    const d = downsample([1, 2, 3, 4, 5], [0, 1, 2, 3, -9], [2, 3, 4, 9, 6], 2);
    expect(d.x).toEqual([0, 3]);
    expect(d.mean).toEqual([2, 4.5]);
    expect(d.min).toEqual([0, -9]);
    expect(d.max).toEqual([4, 9]);
  });

  it('summarizes a variant from hand-made runs', () => {
    const run = (ret: number[], firstSuccess: number | null, stepsToFirst: number | null): RunSeries => ({
      seed: 0,
      returns: Float64Array.from(ret),
      success: Uint8Array.from(ret.map((r) => (r > 0 ? 1 : 0))),
      steps: Int32Array.from(ret.map(() => 10)),
      firstSuccess,
      stepsToFirstSuccess: stepsToFirst,
      totalSteps: ret.length * 10,
    });
    const v = summarizeVariant(
      'test',
      [
        run([0, 0, 1, 1, 1, 1, 1, 1, 1, 1], 3, 30),
        run([0, 0, 0, 0, 0, 0, 0, 0, 0, 0], null, null),
        run([1, 1, 1, 1, 1, 1, 1, 1, 1, 0], 1, 10),
      ],
      10,
    );
    expect(v.firstEpisodes).toEqual([3, null, 1]);
    expect(v.firstEpisode.median).toBe(3);
    expect(v.firstEpisode.censored).toBe(1);
    expect(v.firstSteps.found).toEqual([10, 30]);
    expect(v.noSignalUntil).toBe(0);
    expect(v.finalSuccessRate).toBeCloseTo(1 / 3, 12);
    expect(v.meanReturnLast10).toBeCloseTo(1 / 3, 12);
    expect(Array.from(v.successRate.slice(0, 3))).toEqual([1 / 3, 1 / 3, 2 / 3]);
    expect(v.totalSteps).toBe(300);
  });
});
