// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Agent } from '../../src/rl/agent';
import { CONFIG_VERSION, parseConfig, type Config, type ConfigInput } from '../../src/config/schema';
import { Rng } from '../../src/rl/rng';
import { Trainer } from '../../src/rl/trainer';
import { demoTransitions } from '../../src/rl/teacher/demonstrations';
import { fitTrexReward } from '../../src/rl/teacher/trex';

// 5 x 4, a wall between start and goal; the teacher goes the long way round its right end
const GRID = ['S....', '###..', '.....', 'G....'];
const TEACHER = 'RRRRDDDLLLL';

function config(agent: object, train: object = {}, extra: Partial<ConfigInput> = {}): Config {
  const r = parseConfig({
    version: CONFIG_VERSION,
    env: { grid: GRID, maxSteps: 40, gamma: 0.9 },
    agent,
    train,
    demonstrations: [TEACHER],
    ...extra,
  });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.config;
}

/** Moves at random (seeded) and remembers every (s, a, r) it was paid. */
class Recorder implements Agent {
  readonly type = 'recorder';
  readonly planner = null;
  readonly paid: { s: number; a: number; r: number }[] = [];
  private readonly rng = new Rng(3);
  private s = 0;
  private a = 0;
  start(s: number): number {
    this.s = s;
    return (this.a = this.rng.int(4));
  }
  step(r: number, s2: number): number {
    this.paid.push({ s: this.s, a: this.a, r });
    return this.start(s2);
  }
  endEpisode(): void {}
  greedy(): number {
    return 0;
  }
  qValues(): void {}
  values(): void {}
  epsilon(): number {
    return 0;
  }
  dispose(): void {}
}

describe('learning from the teacher', () => {
  it('the schema: reward source world by default, demonstration replay off, an imitation agent', () => {
    const c = config({ type: 'sarsa' });
    expect(c.train.rewardSource).toBe('world');
    expect(c.agent.type === 'sarsa' && c.agent.demoReplay).toBe(0);
    expect(config({ type: 'imitation' }).agent.type).toBe('imitation');
    const bad = parseConfig({ ...c, train: { ...c.train, rewardSource: 'teacher' } });
    expect(!bad.ok && bad.errors[0]).toMatch(/^train\.rewardSource: /);
  });

  it("the teacher's grade pays +1 exactly for the teacher's moves and 0 for every other move", () => {
    const c = config({ type: 'random' }, { rewardSource: 'teacher-grade' });
    const rec = new Recorder();
    const t = new Trainer(c, rec);
    for (let i = 0; i < 30; i++) t.runEpisode();
    const d = demoTransitions(t.grid, c.demonstrations);
    const taught = new Set([...d.s].map((s, k) => s * 4 + d.a[k]));
    expect(rec.paid.length).toBeGreaterThan(200);
    let ones = 0;
    for (const p of rec.paid) {
      expect(p.r).toBe(taught.has(p.s * 4 + p.a) ? 1 : 0);
      ones += p.r;
    }
    expect(ones).toBeGreaterThan(0);
    // the world's reward is paid only under 'world' (the goal's +1 reached from below or beside)
    const w = new Recorder();
    const tw = new Trainer(config({ type: 'random' }), w);
    for (let i = 0; i < 30; i++) tw.runEpisode();
    expect(w.paid.filter((p) => p.r !== 0).length).toBe(tw.metrics.successes);
  });

  it.each([
    { type: 'q-learning', lambda: 0.5 },
    { type: 'sarsa' },
    { type: 'expected-sarsa' },
    { type: 'dyna-q', planningSteps: 20 },
  ])('demonstration replay ($type) changes Q only at demonstrated (s, a)', (agent) => {
    const c = config({ ...agent, qInit: 0.3, demoReplay: 3 });
    const t = new Trainer(c);
    t.replayDemos();
    const q = new Float64Array(t.grid.nStates * 4);
    t.agent.qValues(q);
    const d = demoTransitions(t.grid, c.demonstrations);
    const taught = new Set([...d.s].map((s, k) => s * 4 + d.a[k]));
    let changed = 0;
    for (let i = 0; i < q.length; i++) {
      if (taught.has(i)) changed += q[i] !== 0.3 ? 1 : 0;
      else expect(q[i]).toBe(0.3);
    }
    expect(changed).toBe(taught.size);
    // one pass from the last move back carries the goal's value to the start: the greedy walk is the teacher's
    // (epsilon 0: SARSA's replayed target is the move it would choose next, exploration included)
    const fresh = new Trainer(config({ ...agent, demoReplay: 1, epsilon: 0 }));
    fresh.replayDemos();
    const walk = fresh.greedyWalk();
    expect(walk.success).toBe(true);
    expect(walk.steps).toBe(TEACHER.length);
  });

  it('replays before the first episode and after every one; without demonstrations it does nothing', () => {
    const t = new Trainer(config({ type: 'q-learning', demoReplay: 1, epsilon: 0 }));
    t.runEpisode();
    expect(t.metrics.firstSuccess).toBe(1);
    expect(t.metrics.last().steps).toBe(TEACHER.length);
    const none = new Trainer(
      config({ type: 'q-learning', demoReplay: 1, epsilon: 0 }, {}, { demonstrations: [] }),
    );
    none.replayDemos();
    const q = new Float64Array(none.grid.nStates * 4);
    none.agent.qValues(q);
    expect(q.every((v) => v === 0)).toBe(true);
  });

  it("imitation walks the demonstration's path, greedy and in training, whatever its seed", () => {
    for (const seed of [1, 2, 3]) {
      const t = new Trainer(config({ type: 'imitation' }, { seed }));
      const d = demoTransitions(t.grid, t.config.demonstrations);
      const path = [t.grid.start, ...d.s2];
      expect(t.greedyWalk().cells).toEqual(path);
      const e = t.runEpisode();
      expect(e).toEqual({ return: 1, steps: TEACHER.length, success: true });
      expect([...t.trail.slice(0, t.trailLength)]).toEqual(path);
    }
    // the world's reward changes nothing: it never learns from reward
    const t = new Trainer(config({ type: 'imitation' }));
    const before = t.greedyWalk().cells;
    for (let i = 0; i < 5; i++) t.runEpisode();
    expect(t.greedyWalk().cells).toEqual(before);
  });

  it('a live grade is the reward of the last real move, through the TD update', () => {
    const t = new Trainer(
      config({ type: 'q-learning', alpha: 0.5, epsilon: 0 }, { rewardSource: 'live-grade' }),
    );
    expect(t.applyGrade(1)).toBe(false); // no move yet
    t.step();
    const q = new Float64Array(t.grid.nStates * 4);
    t.agent.qValues(q);
    expect(q.every((v) => v === 0)).toBe(true); // an ungraded move earns 0
    expect(t.applyGrade(1)).toBe(true);
    t.agent.qValues(q);
    const moved = [...q.keys()].filter((i) => q[i] !== 0);
    expect(moved).toHaveLength(1);
    expect(Math.floor(moved[0] / 4)).toBe(t.grid.start);
    expect(q[moved[0]]).toBeCloseTo(0.5, 12); // 0 + 0.5 * (1 + 0.9 * 0 - 0)
    expect(t.applyGrade(-1)).toBe(true);
    t.agent.qValues(q);
    expect(q[moved[0]]).toBeCloseTo(-0.25, 12);
    expect(t.applyGrade(Number.NaN)).toBe(false);
  });
});

describe('a reward learned from ranked demonstrations (T-REX)', () => {
  it('ranks the episodes as given, and Q-learning on it ends shorter than the best demonstration', () => {
    // best first: the roundabout teacher (11 moves), a longer one (12, into a wall once), one that never reaches the goal
    const ranked = [TEACHER, 'RRRRDDRDLLLL', 'RRRRDDD'];
    const c = config(
      { type: 'q-learning', epsilon: 0.2 },
      { rewardSource: 'ranked', episodes: 400 },
      { demonstrations: ranked, env: { grid: GRID, maxSteps: 40, gamma: 0.5 } },
    );
    const t = new Trainer(c);
    // the fitted reward scores the better of the two that reach the goal higher; only the goal pays
    const d = t.demos;
    const learned = fitTrexReward(t.grid, d);
    const scores = d.episodeEnd.map((end, e) => {
      let g = 0;
      for (let k = e === 0 ? 0 : d.episodeEnd[e - 1]; k < end; k++) g += learned[d.s2[k]];
      return g;
    });
    expect(scores[0]).toBeGreaterThan(scores[1]); // (the shift keeps the order of equally long ones only)
    const goal = t.grid.cells.indexOf(3);
    expect(learned[goal]).toBeGreaterThan(0);
    for (let s = 0; s < t.grid.nStates; s++)
      if (!t.grid.terminal[s]) expect(learned[s]).toBeLessThanOrEqual(0);
    t.train();
    const walk = t.greedyWalk();
    expect(walk.success).toBe(true);
    expect(walk.steps).toBe(9); // the shortest path, shorter than the best demonstration's 11
  });
});
