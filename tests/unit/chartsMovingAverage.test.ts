import { describe, expect, it } from 'vitest';
import { smoothingWindow } from '../../src/ui/charts/movingAverage';

describe('smoothingWindow', () => {
  it('picks round windows that grow with the log', () => {
    expect(smoothingWindow(0)).toBe(10);
    expect(smoothingWindow(100)).toBe(10);
    expect(smoothingWindow(2000)).toBe(50);
    expect(smoothingWindow(100_000)).toBe(5000);
    expect(smoothingWindow(10_000_000)).toBe(5000);
  });
});
