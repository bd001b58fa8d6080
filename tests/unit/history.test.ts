// @vitest-environment node
// A run's history (src/rl/history.ts) and how the training session records it.
import { describe, expect, it, vi } from 'vitest';
import type { Agent } from '../../src/rl/agent';
import {
  HistorySchedule,
  MAX_BYTES,
  MAX_SNAPSHOTS,
  RunHistory,
  type GridFrame,
  type Moment,
} from '../../src/rl/history';
import { createTrainer, Trainer } from '../../src/rl/trainer';
import { Rng } from '../../src/rl/rng';
import { TrainingSession } from '../../src/worker/trainingSession';
import { makeConfig } from './helpers';

const RIGHT = 1;
const LEFT = 3;

/**
 * A scripted agent in the 1 x 2 world 'SG': it walks left (into the wall) except in episode `first`
 * (1-based), when it steps right onto the goal; from episode `solvedAt` on its greedy move is right.
 * Its Q table says what it has seen, Q(start, right) = 1 once it reached the goal, and, until episode
 * `solvedAt`, that going left looks better still (Q(start, left) = 2): the greedy walk reads the table.
 */
function scripted(first: number, solvedAt: number): Agent {
  let episode = 1;
  let found = false;
  return {
    type: 'scripted',
    planner: null,
    start: () => (episode === first ? RIGHT : LEFT),
    step(r) {
      if (r > 0) found = true;
      return episode === first ? RIGHT : LEFT;
    },
    endEpisode() {
      episode++;
    },
    greedy: () => (episode > solvedAt ? RIGHT : LEFT),
    qValues(out) {
      out.fill(0);
      if (found) out[RIGHT] = 1;
      if (episode <= solvedAt) out[LEFT] = 2;
    },
    values(out) {
      out.fill(0);
      if (found) out[0] = 1;
    },
    epsilon: () => 0,
    dispose() {},
  };
}

function scriptedSession(episodes: number, first: number, solvedAt: number): TrainingSession {
  const config = makeConfig({ grid: ['SG'], env: { maxSteps: 3 }, train: { episodes } });
  return new TrainingSession(new Trainer(config, scripted(first, solvedAt)));
}

/** Plays the session to its target with a frozen clock (no time-based throttling). performance.now
 *  too: the session times its table reads with it, and on a loaded machine a read that seems to take
 *  over CHEAP_TABLES_MS makes the tables "expensive", read only at a progress rate a frozen clock never
 *  reaches (the test then failed with only episode 0 recorded before the first success). */
function playOut(s: TrainingSession): void {
  const now = vi.spyOn(performance, 'now').mockReturnValue(0);
  try {
    s.play();
    let guard = 0;
    while (s.running && guard++ < 1e7) s.run(1_000_000, Infinity, () => 0);
  } finally {
    now.mockRestore();
  }
}

const marked = (ms: Moment[], mark: Moment['marks'][number]) => ms.filter((m) => m.marks.includes(mark));

function randomFrame(n: number, seed: number, shaped = false): GridFrame {
  const r = new Rng(seed);
  const rng = () => r.next();
  const table = (k: number) => Float64Array.from({ length: k }, () => rng() * 20 - 10);
  return {
    nStates: n,
    values: table(n),
    q: table(n * 4),
    shaped: shaped ? { values: table(n), q: table(n * 4) } : null,
    policy: table(n * 4),
    visits: Uint32Array.from({ length: n }, () => Math.floor(rng() * 1e6)),
    episodeVisits: Uint32Array.from({ length: n }, () => Math.floor(rng() * 5)),
    trail: Int32Array.from({ length: 3000 }, () => Math.floor(rng() * n)),
    agent: 0,
  };
}

describe('history schedule', () => {
  it('records every episode at first, then log-spaced: ~24 snapshots per tenfold', () => {
    const s = new HistorySchedule();
    const at: number[] = [];
    for (let e = 1; e <= 1_000_000; e++)
      if (s.recordDue(e)) {
        at.push(e);
        s.recorded(e);
      }
    expect(at.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(at.length).toBeLessThan(160);
    for (let i = 21; i < at.length; i++) expect(at[i] - at[i - 1]).toBeLessThanOrEqual(at[i - 1] * 0.1 + 1);
  });

  it('after a mark, records densely again and checks the greedy policy every episode for a while', () => {
    const s = new HistorySchedule();
    for (let e = 1; e < 50_000; e++) {
      if (s.recordDue(e)) s.recorded(e);
      if (s.checkDue(e, () => 0)) s.checked(e, 0, 0);
    }
    s.mark(50_000);
    for (let e = 50_001; e <= 50_020; e++) {
      expect(s.recordDue(e)).toBe(true);
      s.recorded(e);
      expect(s.checkDue(e, () => 0)).toBe(true);
      s.checked(e, 0, 0);
    }
  });

  it('checks take at most CHECK_TIME_SHARE of the time: a costly check waits', () => {
    const s = new HistorySchedule();
    expect(s.checkDue(1, () => 0)).toBe(true);
    s.checked(1, 0, 10);
    expect(s.checkDue(2, () => 100)).toBe(false);
    expect(s.checkDue(2, () => 200)).toBe(true);
  });
});

describe('run history store', () => {
  it('keeps a 50 x 50 world bounded: at most MAX_SNAPSHOTS and MAX_BYTES, marks and ends kept', () => {
    const n = 2500;
    const h = new RunHistory(n);
    const frame = randomFrame(n, 1, true);
    let first: Moment | null = null;
    let solved: Moment | null = null;
    for (let e = 0; e < 600; e++) {
      const marks = e === 200 ? (['first-success'] as const) : e === 400 ? (['solved'] as const) : [];
      const m = h.record(frame, { episode: e * 300, steps: e * 3000 }, marks);
      if (e === 200) first = m;
      if (e === 400) solved = m;
      expect(h.length).toBeLessThanOrEqual(MAX_SNAPSHOTS);
      expect(h.bytes).toBeLessThanOrEqual(MAX_BYTES);
    }
    const ms = h.moments();
    expect(ms[0].episode).toBe(0);
    expect(ms[ms.length - 1].episode).toBe(599 * 300);
    expect(ms.map((m) => m.id)).toContain(first!.id);
    expect(ms.map((m) => m.id)).toContain(solved!.id);
    // The moment just before the first success survives too.
    const i = ms.findIndex((m) => m.id === first!.id);
    expect(ms[i - 1].episode).toBe(199 * 300);
    // Survivors are spread over the run, not bunched at its end.
    expect(ms.filter((m) => m.episode < 60_000).length).toBeGreaterThan(10);
  });

  it('packs a large world into Int16 with a per-array scale (0 stays 0, NaN survives), a small one into Float32', () => {
    const n = 2500;
    const f = randomFrame(n, 2);
    f.values![3] = 0;
    f.values![4] = NaN;
    const h = new RunHistory(n);
    h.record(f, { episode: 1, steps: 1 });
    const g = h.frame(0)!;
    let maxAbs = 0;
    for (const v of f.values!) if (Number.isFinite(v)) maxAbs = Math.max(maxAbs, Math.abs(v));
    for (let s = 0; s < n; s++) {
      if (s === 4) continue;
      expect(Math.abs(g.values![s] - f.values![s])).toBeLessThanOrEqual(maxAbs / 32767 / 2 + 1e-12);
    }
    expect(g.values![3]).toBe(0);
    expect(g.values![4]).toBeNaN();
    const small = new RunHistory(64);
    const fs = randomFrame(64, 3);
    small.record(fs, { episode: 1, steps: 1 });
    const gs = small.frame(0)!;
    for (let s = 0; s < 64; s++) expect(gs.q![s]).toBeCloseTo(fs.q![s], 5);
    // Int16 values (2,500) and Q (10,000), a byte of policy and two Uint16 visit counts per cell, the
    // last 2,001 trail cells as Uint16; the small world's tables as Float32.
    expect(h.bytes).toBe(2 * 2500 + 2 * 10_000 + 2500 + 4 * 2500 + 2 * 2001);
    expect(small.bytes).toBe(4 * 64 + 4 * 256 + 64 + 4 * 64 + 2 * 2001);
  });

  it('keeps what the arrows, visit shading and trail draw', () => {
    const n = 4;
    const f: GridFrame = {
      nStates: n,
      values: new Float64Array(n),
      q: new Float64Array(n * 4),
      policy: Float64Array.from([0, 0.5, 0, 0.5, 0, 0, 0, 0, 0.25, 0.25, 0.25, 0.25, 0.9, 0.1, 0, 0]),
      visits: Uint32Array.from([0, 1, 2999, 4_000_000_000]),
      episodeVisits: Uint32Array.from([3, 0, 1, 2]),
      trail: Int32Array.from([0, 1, 2, 3]),
      agent: 3,
    };
    const h = new RunHistory(n);
    h.record(f, { episode: 5, steps: 50 });
    const g = h.frame(0)!;
    expect(Array.from(g.policy!)).toEqual([0, 0.5, 0, 0.5, 0, 0, 0, 0, 0.25, 0.25, 0.25, 0.25, 1, 0, 0, 0]);
    expect(Array.from(g.visits.subarray(0, 3))).toEqual([0, 1, 2999]);
    expect(Math.abs(g.visits[3] / 4e9 - 1)).toBeLessThan(2e-4);
    expect(Array.from(g.episodeVisits)).toEqual([3, 0, 1, 2]);
    expect(Array.from(g.trail)).toEqual([0, 1, 2, 3]);
    expect(g.agent).toBe(3);
    expect(h.frame(1)).toBeNull();
  });
});

describe('session history', () => {
  it('never misses the first success or the solved moment, and stays bounded over 1M episodes', () => {
    const first = 5_000;
    const solvedAt = 70_000;
    const s = scriptedSession(1_000_000, first, solvedAt);
    playOut(s);
    expect(s.trainer.episode).toBe(1_000_000);
    expect(s.trainer.metrics.firstSuccess).toBe(first);
    const ms = s.history.moments();
    const f = marked(ms, 'first-success');
    expect(f.map((m) => m.episode)).toEqual([first]);
    // The moment just before it: the end of the episode before.
    const i = ms.findIndex((m) => m.marks.includes('first-success'));
    expect(ms[i - 1].episode).toBe(first - 1);
    const solved = marked(ms, 'solved');
    expect(solved.length).toBe(1);
    expect(solved[0].episode).toBeGreaterThanOrEqual(solvedAt);
    expect(solved[0].episode).toBeLessThanOrEqual(solvedAt + (solvedAt - first) / 32 + 1);
    expect(ms.length).toBeLessThanOrEqual(MAX_SNAPSHOTS);
    expect(s.history.bytes).toBeLessThan(MAX_SNAPSHOTS * 200);
    expect(ms[0].episode).toBe(0);
    expect(ms[ms.length - 1].episode).toBe(1_000_000);
    // The values the snapshots show: nothing before the first success, the goal's value from it on.
    const before = s.history.frame(i - 1)!;
    const at = s.history.frame(i)!;
    expect(before.values![0]).toBe(0);
    expect(at.values![0]).toBe(1);
    // Dense after the first success: the next ten episodes are all there.
    for (let k = 1; k <= 10; k++) expect(ms.some((m) => m.episode === first + k)).toBe(true);
  }, 60_000);

  it("a zero-initialised Q-learner's values are all zero in every snapshot before its first success", () => {
    const room = [
      'S.......',
      '........',
      '........',
      '........',
      '........',
      '........',
      '........',
      '.......G',
    ];
    const config = makeConfig({
      grid: room,
      env: { stepReward: 0, maxSteps: 60, gamma: 0.99 },
      agent: { type: 'q-learning', alpha: 0.5, epsilon: 0.2, qInit: 0 },
      train: { episodes: 400, seed: 3 },
    });
    const s = new TrainingSession(new Trainer(config));
    playOut(s);
    const F = s.trainer.metrics.firstSuccess;
    expect(F).not.toBeNull();
    expect(F!).toBeGreaterThan(1);
    const ms = s.history.moments();
    let checked = 0;
    ms.forEach((m, i) => {
      if (m.episode >= F!) return;
      const f = s.history.frame(i)!;
      expect(f.values!.every((v) => v === 0)).toBe(true);
      expect(f.q!.every((v) => v === 0)).toBe(true);
      checked++;
    });
    expect(checked).toBeGreaterThan(1);
    const at = ms.findIndex((m) => m.marks.includes('first-success'));
    expect(ms[at].episode).toBe(F);
    expect(ms[at - 1].episode).toBe(F! - 1);
    expect(s.history.frame(at)!.values!.some((v) => v > 0)).toBe(true);
  });

  it('sends the moments with progress only when they changed, and answers a snapshot without touching the run', () => {
    const s = scriptedSession(100, 3, 1_000);
    const p0 = s.progress(0);
    expect(p0.history?.moments.map((m) => m.episode)).toEqual([0]);
    expect(s.progress(1).history).toBeNull();
    s.play();
    s.run(3 * 5, Infinity, () => 0);
    const p1 = s.progress(2);
    expect(p1.history?.moments.map((m) => m.episode)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(p1.history?.moments[3].marks).toEqual(['first-success']);
    const steps = s.trainer.totalSteps;
    const snap = s.snapshot(3);
    expect(snap.moment?.episode).toBe(3);
    expect(snap.frame?.values?.[0]).toBe(1);
    expect(s.snapshot(0).frame?.values?.[0]).toBe(0);
    expect(s.snapshot(99)).toEqual({ moment: null, frame: null });
    expect(s.trainer.totalSteps).toBe(steps);
    expect(s.running).toBe(true);
  });

  it("a neural agent's snapshots hold the tables it computes, and the first success is marked", async () => {
    const config = makeConfig({
      grid: ['S..', '...', '..G'],
      env: { stepReward: 0, maxSteps: 30, gamma: 0.9 },
      agent: { type: 'dqn', learningStarts: 20, batchSize: 8, epsilonDecaySteps: 300 },
      train: { episodes: 40, seed: 1 },
    });
    const t = await createTrainer(config);
    try {
      const s = new TrainingSession(t);
      s.play();
      const clock = () => performance.now();
      while (s.running) s.run(10_000, Infinity, clock);
      const ms = s.history.moments();
      expect(ms[0].episode).toBe(0);
      expect(ms.at(-1)!.episode).toBe(40);
      const F = t.metrics.firstSuccess;
      expect(F).not.toBeNull();
      expect(marked(ms, 'first-success').map((m) => m.episode)).toEqual([F]);
      const last = s.history.frame(ms.length - 1)!;
      const live = new Float64Array(9);
      t.agent.values(live);
      for (let i = 0; i < 9; i++) expect(last.values![i]).toBeCloseTo(live[i], 5);
    } finally {
      t.agent.dispose();
    }
  });

  it('a planner records each planning step as a sweep, and the one that solves the world', () => {
    const config = makeConfig({
      grid: ['S...', '....', '...G'],
      agent: { type: 'value-iteration' },
      env: { stepReward: 0 },
    });
    const s = new TrainingSession(new Trainer(config));
    // The greedy walk follows the planner's policy, which an improvement redraws in V.
    for (let i = 0; i < 10; i++) s.plan(i % 2 === 0 ? 'sweep' : 'improve');
    const ms = s.history.moments();
    expect(ms.length).toBe(11);
    expect(ms.slice(1).every((m) => m.marks.includes('sweep'))).toBe(true);
    expect(ms.map((m) => m.plans)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(marked(ms, 'solved').length).toBe(1);
    const solvedAt = ms.findIndex((m) => m.marks.includes('solved'));
    expect(solvedAt).toBeGreaterThanOrEqual(2);
    // The values grow sweep by sweep.
    const v = (i: number) => s.history.frame(i)!.values!.filter((x) => x !== 0).length;
    expect(v(1)).toBeLessThan(v(10));
  });
});
