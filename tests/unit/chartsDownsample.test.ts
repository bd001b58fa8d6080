import { describe, expect, it } from 'vitest';
import { bucketBounds } from '../../src/ui/charts/downsample';

describe('bucketBounds', () => {
  it('is one index a bucket for series no longer than the budget', () => {
    const b = bucketBounds(5, 400);
    expect(b.n).toBe(5);
    expect([...b.from]).toEqual([0, 1, 2, 3, 4]);
    expect([...b.to]).toEqual([1, 2, 3, 4, 5]);
    expect(bucketBounds(0, 400).n).toBe(0);
  });

  it('bounds the output length and covers every index once', () => {
    for (const n of [401, 1000, 12_345, 1_000_000]) {
      const b = bucketBounds(n, 400);
      expect(b.n).toBe(400);
      expect(b.from[0]).toBe(0);
      expect(b.to[b.n - 1]).toBe(n);
      for (let i = 1; i < b.n; i++) expect(b.from[i]).toBe(b.to[i - 1]);
    }
  });
});
