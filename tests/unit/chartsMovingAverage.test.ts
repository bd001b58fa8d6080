import { describe, expect, it } from 'vitest';
import { movingAverage, smoothingWindow, windowMeanAt } from '../../src/ui/charts/movingAverage';

describe('movingAverage', () => {
  it('matches textbook trailing averages', () => {
    // Window 3 over 1..6: 1, 1.5, 2, 3, 4, 5.
    expect([...movingAverage([1, 2, 3, 4, 5, 6], 6, 3)]).toEqual([1, 1.5, 2, 3, 4, 5]);
    // Window 2 over 10, 20, 30, 40.
    expect([...movingAverage([10, 20, 30, 40], 4, 2)]).toEqual([10, 15, 25, 35]);
    // Window 1 is the identity; a window longer than the series is the running mean.
    expect([...movingAverage([5, -5, 7], 3, 1)]).toEqual([5, -5, 7]);
    expect([...movingAverage([2, 4, 6], 3, 10)]).toEqual([2, 3, 4]);
  });

  it('reads only the first count values', () => {
    expect([...movingAverage(Float64Array.from([1, 3, 99, 99]), 2, 2)]).toEqual([1, 2]);
  });

  it('windowMeanAt equals the full moving average at every point', () => {
    const v = Array.from({ length: 200 }, (_, i) => Math.cos(i) * 3 + i / 10);
    const full = movingAverage(v, v.length, 17);
    for (let i = 0; i < v.length; i++) expect(windowMeanAt(v, i, 17)).toBeCloseTo(full[i], 10);
  });

  it('picks round windows that grow with the log', () => {
    expect(smoothingWindow(0)).toBe(10);
    expect(smoothingWindow(100)).toBe(10);
    expect(smoothingWindow(2000)).toBe(50);
    expect(smoothingWindow(100_000)).toBe(5000);
    expect(smoothingWindow(10_000_000)).toBe(5000);
  });
});
