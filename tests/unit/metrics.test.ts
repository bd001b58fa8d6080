import { describe, expect, it } from 'vitest';
import { RunMetrics, SUCCESS_WINDOW, SUMMARY_BUCKETS } from '../../src/rl/metrics';
import { Trainer } from '../../src/rl/trainer';
import { makeConfig } from './helpers';

describe('RunMetrics: one bounded model of a run', () => {
  it('counts exactly and defines the first success as a 1-based episode', () => {
    const m = new RunMetrics(8);
    expect(m.counters()).toMatchObject({
      episodes: 0,
      firstSuccess: null,
      stepsToFirstSuccess: null,
      successRate: 0,
    });
    m.push(0, 10, false, 1);
    m.push(0.5, 7, false, 1); // a bonus before the goal
    m.push(1, 4, true, 1);
    m.push(0, 10, false, 1);
    const c = m.counters();
    expect(c).toMatchObject({
      episodes: 4,
      steps: 31,
      successes: 1,
      firstSuccess: 3,
      stepsToFirstSuccess: 21,
    });
    expect(c.rewardBeforeGoal).toBe(true);
    expect(c.successRate).toBe(0.25);
    expect(m.last()).toEqual({ return: 0, steps: 10, success: false });
  });

  it('a goal episode is not a reward before the goal', () => {
    const m = new RunMetrics(8);
    m.push(0, 3, false, 0);
    m.push(1, 3, true, 0);
    m.push(2, 3, false, 0);
    expect(m.counters().rewardBeforeGoal).toBe(false);
  });

  it(`the success rate is over the last ${SUCCESS_WINDOW} episodes`, () => {
    const m = new RunMetrics(8);
    for (let i = 0; i < 1000; i++) m.push(0, 1, i >= 950, 0);
    expect(m.successRate()).toBeCloseTo(50 / SUCCESS_WINDOW, 12);
    expect(m.recent()).toHaveLength(SUCCESS_WINDOW);
    expect(m.recent().at(-1)).toEqual({ return: 0, steps: 1, success: true });
  });

  it('merges buckets pairwise: the summary matches a direct computation at every resolution', () => {
    const cap = 16;
    const m = new RunMetrics(cap);
    const ret: number[] = [];
    let seed = 7;
    for (let i = 0; i < 1000; i++) {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      const r = (seed % 1000) / 10 - 50;
      ret.push(r);
      m.push(r, 1 + (i % 9), r > 40, 0.5);
      const s = m.summary(0);
      expect(s.buckets).toBeLessThanOrEqual(cap);
      if (i % 97 !== 0) continue;
      let episodes = 0;
      for (let b = 0; b < s.buckets; b++) {
        const lo = b * s.width;
        const slice = ret.slice(lo, Math.min(lo + s.width, ret.length));
        expect(s.n[b]).toBe(slice.length);
        expect(s.retSum[b]).toBeCloseTo(
          slice.reduce((a, x) => a + x, 0),
          9,
        );
        expect(s.retMin[b]).toBe(Math.min(...slice));
        expect(s.retMax[b]).toBe(Math.max(...slice));
        episodes += s.n[b];
      }
      expect(episodes).toBe(i + 1);
    }
  });

  it('stays the same size over a million episodes', () => {
    const m = new RunMetrics();
    for (let i = 0; i < 1_000_000; i++) m.push(i % 3, 5, i % 2 === 0, 0.1);
    const s = m.summary(0);
    expect(s.buckets).toBeLessThanOrEqual(SUMMARY_BUCKETS);
    expect(s.buckets).toBeGreaterThan(SUMMARY_BUCKETS / 2);
    expect(s.width).toBe(256);
    expect(s.counters.episodes).toBe(1_000_000);
    expect(s.counters.firstSuccess).toBe(1);
    let bytes = 0;
    for (const a of [s.n, s.retSum, s.retMin, s.retMax, s.stepSum, s.stepMin, s.stepMax, s.succ, s.epsSum])
      bytes += a.byteLength;
    expect(bytes).toBeLessThan(400_000);
  });

  it('the trainer, the lab and the charts read one first success', () => {
    const t = new Trainer(
      makeConfig({ grid: ['S..G'], agent: { type: 'random' }, train: { episodes: 30, seed: 3 } }),
    );
    let first: number | null = null;
    let steps = 0;
    for (let i = 1; i <= 30; i++) {
      const e = t.runEpisode();
      steps += e.steps;
      if (first === null && e.success) {
        first = i;
        expect(t.metrics.stepsToFirstSuccess).toBe(steps);
      }
    }
    expect(first).not.toBeNull();
    expect(t.metrics.firstSuccess).toBe(first);
  });
});
