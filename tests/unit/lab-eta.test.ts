import { describe, expect, it } from 'vitest';
import { estimateLeftMs, formatTimeLeft } from '../../src/ui/lab/RunBar';

describe("the lab run bar's time left", () => {
  it('is the time per finished run times the runs left, unknown before the first', () => {
    expect(estimateLeftMs(10_000, 4, 12)).toBe(30_000);
    expect(estimateLeftMs(3_000, 3, 0)).toBe(0);
    expect(estimateLeftMs(5_000, 0, 10)).toBeNull();
    expect(estimateLeftMs(NaN, 2, 10)).toBeNull();
  });

  it('reads as seconds, then minutes', () => {
    expect(formatTimeLeft(null)).toBe('estimating time left…');
    expect(formatTimeLeft(400)).toBe('about a second left');
    expect(formatTimeLeft(12_400)).toBe('about 12 s left');
    expect(formatTimeLeft(89_000)).toBe('about 89 s left');
    expect(formatTimeLeft(200_000)).toBe('about 3 min left');
  });
});
