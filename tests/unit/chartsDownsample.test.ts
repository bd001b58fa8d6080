import { describe, expect, it } from 'vitest';
import { bucketBounds, bucketize } from '../../src/ui/charts/downsample';

function noisy(n: number): Float64Array {
  const a = new Float64Array(n);
  let seed = 1;
  for (let i = 0; i < n; i++) {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    a[i] = Math.sin(i / 500) * 10 + (seed / 2 ** 32 - 0.5) * 4;
  }
  return a;
}

describe('bucketize', () => {
  it('is exact for series no longer than the budget', () => {
    const v = Float64Array.from([3, -1, 4, 1, 5]);
    const b = bucketize(v, 5, 400);
    expect(b.n).toBe(5);
    expect([...b.mean]).toEqual([3, -1, 4, 1, 5]);
    expect([...b.min]).toEqual([3, -1, 4, 1, 5]);
    expect([...b.max]).toEqual([3, -1, 4, 1, 5]);
    expect([...b.from]).toEqual([0, 1, 2, 3, 4]);
    expect([...b.to]).toEqual([1, 2, 3, 4, 5]);
  });

  it('respects count when the array is longer (growable logs)', () => {
    const v = new Float64Array(1024);
    v.set([1, 2, 3]);
    expect(bucketize(v, 3, 400).n).toBe(3);
    expect(bucketize(v, 0, 400).n).toBe(0);
  });

  it('bounds the output length and covers every index once', () => {
    for (const n of [401, 1000, 12345, 100_000]) {
      const b = bucketBounds(n, 400);
      expect(b.n).toBe(400);
      expect(b.from[0]).toBe(0);
      expect(b.to[b.n - 1]).toBe(n);
      for (let i = 1; i < b.n; i++) expect(b.from[i]).toBe(b.to[i - 1]);
      for (let i = 0; i < b.n; i++) expect(b.to[i]).toBeGreaterThan(b.from[i]);
    }
  });

  it('keeps the extremes and the overall mean', () => {
    const v = noisy(100_000);
    v[31_337] = 1e6;
    v[77_001] = -1e6;
    const b = bucketize(v, v.length, 400);
    expect(b.n).toBe(400);
    expect(Math.max(...b.max)).toBe(1e6);
    expect(Math.min(...b.min)).toBe(-1e6);
    let total = 0;
    for (let i = 0; i < b.n; i++) total += b.mean[i] * (b.to[i] - b.from[i]);
    const exact = v.reduce((s, x) => s + x, 0);
    expect(total).toBeCloseTo(exact, 3);
    for (let i = 0; i < b.n; i++) {
      expect(b.min[i]).toBeLessThanOrEqual(b.mean[i]);
      expect(b.mean[i]).toBeLessThanOrEqual(b.max[i]);
    }
  });

  it('computes bucket statistics correctly', () => {
    const v = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const b = bucketize(v, 8, 2);
    expect([...b.min]).toEqual([1, 5]);
    expect([...b.max]).toEqual([4, 8]);
    expect([...b.mean]).toEqual([2.5, 6.5]);
  });
});
