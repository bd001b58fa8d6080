// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { defaultConfig, defaultAgent } from '../../src/config/defaults';
import { Trainer } from '../../src/rl/trainer';
import { progressTransfer, summaryInterval } from '../../src/worker/protocol';
import { greedyArrows, TrainingSession } from '../../src/worker/trainingSession';

function session(episodes = 20, agent = defaultAgent('q-learning')) {
  const config = defaultConfig();
  config.train.episodes = episodes;
  config.agent = agent;
  return new TrainingSession(new Trainer(config));
}

describe('training session (the worker engine)', () => {
  it('runs until the episode target, stops, and continues for another batch on play', () => {
    const s = session(20);
    s.play();
    let guard = 0;
    while (s.running && guard++ < 1000) s.run(10_000, Infinity, () => 0);
    expect(s.done).toBe(true);
    expect(s.trainer.episode).toBe(20);
    s.play();
    expect(s.target).toBe(40);
    expect(s.running).toBe(true);
  });

  it('stops a slice at its deadline', () => {
    const s = session(1_000_000);
    s.play();
    let t = 0;
    const steps = s.run(1_000_000, 5, () => t++);
    expect(steps).toBeGreaterThan(0);
    expect(steps).toBeLessThan(1_000_000);
    expect(s.running).toBe(true);
  });

  it('sends the metrics summary when it changed (throttled while running), as copies safe to transfer', () => {
    const s = session(50);
    for (let i = 0; i < 3; i++) s.trainer.runEpisode();
    const p1 = s.progress(0);
    expect(p1.summary?.counters.episodes).toBe(3);
    expect(p1.summary?.buckets).toBe(3);
    expect(p1.metrics.episodes).toBe(3);
    expect(s.progress(1).summary).toBeNull();
    s.trainer.runEpisode();
    const p3 = s.progress(2);
    expect(p3.summary?.counters.episodes).toBe(4);
    expect(p3.episode).toBe(4);
    expect(p3.frame.nStates).toBe(64);
    expect(p3.frame.values?.length).toBe(64);
    expect(p3.frame.q?.length).toBe(256);
    expect(p3.frame.trail.length).toBe(s.trainer.trailLength);
    const buffers = progressTransfer(p3);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers).not.toContain(s.trainer.visits.buffer);
  });

  it('while running, sends at most one summary per summaryInterval(); counters with every message', () => {
    const s = session(50);
    s.trainer.runEpisode();
    expect(s.progress(0).summary?.counters.episodes).toBe(1);
    s.play();
    s.trainer.runEpisode();
    const p = s.progress(1);
    expect(p.summary).toBeNull();
    expect(p.metrics.episodes).toBe(2);
    expect(s.progress(1 + summaryInterval(2)).summary?.counters.episodes).toBe(2);
  });

  it('a single step and a single episode pause the run', () => {
    const s = session();
    s.play();
    s.stepOnce();
    expect(s.running).toBe(false);
    expect(s.trainer.totalSteps).toBe(1);
    s.runEpisode();
    expect(s.trainer.episode).toBe(1);
  });

  it('drives a planner sweep by sweep and reports it with its policy', () => {
    const s = session(20, defaultAgent('policy-iteration'));
    expect(s.info.isPlanner).toBe(true);
    expect(s.plan('sweep')).toBe(true);
    const p = s.progress(0);
    expect(p.planner?.sweeps).toBe(1);
    expect(p.planner?.lastDelta).toBeGreaterThan(0);
    expect(p.frame.policy?.length).toBe(256);
    s.plan('solve');
    expect(s.progress(1).planner?.converged).toBe(true);
    expect(session().plan('sweep')).toBe(false);
  });

  it('draws no arrow where all moves tie, and shares ties otherwise', () => {
    const q = new Float64Array([0, 0, 0, 0, 1, 0, 1, 0, -1, 0, -2, -3]);
    expect(Array.from(greedyArrows(q))).toEqual([0, 0, 0, 0, 0.5, 0, 0.5, 0, 0, 1, 0, 0]);
    const s = session();
    expect(Array.from(s.progress(0).frame.policy!).every((p) => p === 0)).toBe(true);
  });

  it('reports no speed while paused', () => {
    const s = session(1000);
    s.play();
    s.progress(0);
    s.run(5000, Infinity, () => 0);
    expect(s.progress(1000).stepsPerSecond).toBeGreaterThan(0);
    s.pause();
    expect(s.progress(2000).stepsPerSecond).toBe(0);
  });
});
