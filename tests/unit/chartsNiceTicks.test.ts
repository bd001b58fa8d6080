import { describe, expect, it } from 'vitest';
import { episodeTicks, niceStep, niceTicks, tickFormat } from '../../src/ui/charts/niceTicks';

describe('nice axis ticks', () => {
  it('picks 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceStep(10, 5)).toBe(2);
    expect(niceStep(1, 4)).toBe(0.25);
    expect(niceStep(700, 5)).toBe(200);
    expect(niceStep(0.03, 3)).toBeCloseTo(0.01, 12);
  });

  it('covers the data with round ticks and widens the domain to them', () => {
    expect(niceTicks(-13.2, 0.7, 4)).toEqual({ domain: [-15, 5], ticks: [-15, -10, -5, 0, 5] });
    expect(niceTicks(0, 1, 4)).toEqual({ domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] });
  });

  it('survives flat, empty and non-finite data', () => {
    expect(niceTicks(3, 3).domain[0]).toBeLessThan(3);
    expect(niceTicks(3, 3).domain[1]).toBeGreaterThan(3);
    expect(niceTicks(0, 0).ticks.length).toBeGreaterThan(1);
    expect(niceTicks(Infinity, -Infinity)).toEqual({ domain: [0, 1], ticks: [0, 1] });
  });

  it('gives integer episode ticks from 1 within the data', () => {
    expect(episodeTicks(1000)).toEqual([1, 200, 400, 600, 800, 1000]);
    expect(episodeTicks(3)).toEqual([1, 2, 3]);
    expect(Math.max(...episodeTicks(123_456))).toBeLessThanOrEqual(123_456);
  });
});

describe('tick labels', () => {
  it('give every tick the same decimals, as many as the step needs', () => {
    const f = tickFormat(niceTicks(0, 0.1, 4).ticks);
    expect(niceTicks(0, 0.1, 4).ticks.map(f)).toEqual(['0.000', '0.025', '0.050', '0.075', '0.100']);
    expect([0, 5, 10].map(tickFormat([0, 5, 10]))).toEqual(['0', '5', '10']);
    expect(tickFormat([0, 20_000, 40_000])(20_000)).toBe('20k');
  });
});
