// @vitest-environment node
/**
 * Overlays that tell the truth: under potential shaping the frame carries the world's values, recovered
 * exactly from the learned ones (checked against value iteration on the unshaped world), and the greedy
 * path's verdict is the trainer's own (src/rl/greedy.ts: one walk for both).
 */
import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/config/presets';
import { compileGrid, type Grid } from '../../src/rl/grid';
import { buildShapedModel, optimalQ } from '../../src/rl/lab/shapedModel';
import { buildModel } from '../../src/rl/model';
import { Rng } from '../../src/rl/rng';
import { potentials, unshape } from '../../src/rl/shaping';
import { Trainer } from '../../src/rl/trainer';
import { greedyWalk } from '../../src/rl/greedy';
import { agentGreedyPath, describeGreedyPath } from '../../src/ui/grid/greedyPath';
import { TrainingSession } from '../../src/worker/trainingSession';
import { makeConfig } from './helpers';

/** V* of a model: max over actions of Q*, on the states that act. */
function vOf(q: Float64Array, s: number): number {
  return Math.max(q[s * 4], q[s * 4 + 1], q[s * 4 + 2], q[s * 4 + 3]);
}

function randomWorld(rng: Rng): Grid {
  const w = 3 + rng.int(4);
  const h = 3 + rng.int(3);
  const cells = Array.from({ length: w * h }, (): string =>
    rng.next() < 0.15 ? '#' : rng.next() < 0.06 ? 'X' : '.',
  );
  cells[0] = 'S';
  cells[w * h - 1] = 'G';
  const grid = Array.from({ length: h }, (_, y) => cells.slice(y * w, y * w + w).join(''));
  return compileGrid(
    makeConfig({
      grid,
      env: { gamma: 0.8 + 0.19 * rng.next(), slip: rng.next() < 0.5 ? 0 : 0.2, stepReward: -0.05 },
    }).env,
  );
}

describe('the world value under potential shaping (Ng, Harada & Russell 1999)', () => {
  it('is the learned (shaped) value plus phi(s), exactly: value iteration on the shaped and the plain world', () => {
    const rng = new Rng(11);
    let compared = 0;
    for (let i = 0; i < 25; i++) {
      const g = randomWorld(rng);
      const scale = 0.5 + 2 * rng.next();
      const phi = potentials(g, scale);
      const world = optimalQ(buildModel(g));
      const shaped = optimalQ(buildShapedModel(g, 'potential', scale));
      const recovered = unshape(phi, shaped);
      const vShaped = Float64Array.from({ length: g.nStates }, (_, s) => vOf(shaped, s));
      const vRecovered = unshape(phi, vShaped);
      for (const s of buildModel(g).active) {
        for (let a = 0; a < 4; a++) expect(recovered[s * 4 + a]).toBeCloseTo(world[s * 4 + a], 7);
        expect(vRecovered[s]).toBeCloseTo(vOf(world, s), 7);
        // The sign: phi = -scale * distance <= 0, so the shaped value is the larger one.
        expect(vShaped[s]).toBeCloseTo(vOf(world, s) - phi[s], 7);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(150);
  });

  it('the worker frame shows what the world pays after Q-learning with shaping converges, and keeps the learned values', () => {
    // Exploring at random (epsilon 1) while learning off-policy, Q-learning converges to the shaped Q*
    // for every move of this small deterministic world.
    const config = makeConfig({
      grid: ['S...', '.#..', '...G'],
      env: { gamma: 0.9, stepReward: -0.1, slip: 0, maxSteps: 60 },
      agent: { type: 'q-learning', alpha: 0.5, epsilon: 1, epsilonMin: 1, qInit: 0 },
      train: { shaping: 'potential', shapingScale: 2, episodes: 3000 },
    });
    const t = new Trainer(config);
    t.train();
    const frame = new TrainingSession(t).progress(0).frame;
    const world = optimalQ(buildModel(t.grid));
    const phi = potentials(t.grid, 2);
    expect(frame.shaped).toBeTruthy();
    for (const s of buildModel(t.grid).active) {
      expect(frame.values![s]).toBeCloseTo(vOf(world, s), 6);
      for (let a = 0; a < 4; a++) expect(frame.q![s * 4 + a]).toBeCloseTo(world[s * 4 + a], 6);
      expect(frame.shaped!.values[s]).toBeCloseTo(frame.values![s] - phi[s], 12);
    }
    // The shaped start looks far better than the world pays; the world's value is the true one.
    expect(frame.shaped!.values[0]).toBeGreaterThan(frame.values![0] + 5);
  });

  it('on the needle lesson the start is worth what the goal pays, discounted, not 27', () => {
    const preset = getPreset('needle-shaping')!;
    const t = new Trainer(preset.config);
    t.train(300);
    const frame = new TrainingSession(t).progress(0).frame;
    const gamma = preset.config.env.gamma;
    expect(frame.shaped!.values[t.grid.start]).toBeGreaterThan(26);
    expect(frame.values![t.grid.start]).toBeCloseTo(gamma ** 25, 3);
  });

  it('marks the cells the agent has not updated: before training none is learned, after a few some are', () => {
    const preset = getPreset('needle-shaping')!;
    const t = new Trainer(preset.config);
    const before = new TrainingSession(t).progress(0).frame;
    const open = buildModel(t.grid).active;
    expect(before.learned).toBeInstanceOf(Uint8Array);
    // Untouched: the world value is just phi(s) = -distance (the "-26" a teacher read as a value).
    expect(open.every((s) => before.learned![s] === 0)).toBe(true);
    expect(Math.min(...open.map((s) => before.values![s]))).toBeLessThan(-20);
    t.train(3);
    const after = new TrainingSession(t).progress(0).frame;
    const learned = open.filter((s) => after.learned![s] === 1);
    expect(learned.length).toBeGreaterThan(0);
    expect(learned.length).toBeLessThan(open.length);
    const qInit = (preset.config.agent as { qInit: number }).qInit;
    for (const s of open) {
      const row = after.shaped!.q.subarray(s * 4, s * 4 + 4);
      expect(after.learned![s] === 1, `cell ${s}`).toBe(row.some((v) => v !== qInit));
    }
    // Without shaping every value is the agent's own estimate: no mask.
    const plain = new Trainer(makeConfig({ grid: ['S..', '..G'], agent: { type: 'q-learning' } }));
    expect(new TrainingSession(plain).progress(0).frame.learned ?? null).toBeNull();
  });

  it('planners plan on the world itself: nothing to undo, no shaped tables', () => {
    const config = makeConfig({
      grid: ['S..', '..G'],
      agent: { type: 'value-iteration' },
      train: { shaping: 'potential' },
    });
    const t = new Trainer(config);
    t.train();
    const frame = new TrainingSession(t).progress(0).frame;
    expect(frame.shaped).toBeNull();
    const world = optimalQ(buildModel(t.grid));
    expect(frame.values![0]).toBeCloseTo(vOf(world, 0), 6);
  });

  it('without potential shaping the frame is what the agent learned, and has no shaped tables', () => {
    const config = makeConfig({ grid: ['S..', '..G'], train: { countBonus: 0.1, episodes: 20 } });
    const t = new Trainer(config);
    t.train();
    const frame = new TrainingSession(t).progress(0).frame;
    expect(frame.shaped).toBeNull();
    const learned = new Float64Array(t.grid.nStates);
    t.agent.values(learned);
    expect(Array.from(frame.values!)).toEqual(Array.from(learned));
  });
});

describe("the greedy path verdict is the trainer's", () => {
  function optimisticNeedle(seed: number, episodes: number) {
    const p = getPreset('needle')!;
    const config = {
      ...p.config,
      agent: { ...p.config.agent, qInit: 1 },
      train: { ...p.config.train, seed },
    };
    const t = new Trainer(config);
    t.train(episodes);
    const frame = new TrainingSession(t).progress(0).frame;
    return { t, frame, config };
  }

  it('with optimism, the overlay says what the "solved" test says, even while the agent still learns its way out', () => {
    for (const seed of [1, 2, 3]) {
      const { t, frame } = optimisticNeedle(seed, 300);
      expect(t.metrics.counters().successRate).toBeGreaterThanOrEqual(0.95);
      const path = agentGreedyPath({ grid: t.grid, frame });
      expect(path).toEqual(t.greedyWalk());
      expect(path.success).toBe(t.greedyEpisode().success);
      expect('learned' in path).toBe(false);
    }
  });

  it('the cause: frozen, the not-yet-settled optimistic values loop; they are not ties', () => {
    const { t, frame } = optimisticNeedle(1, 300);
    const frozen = greedyWalk(t.grid, frame.policy);
    expect(frozen.outcome).toBe('loop');
    // The loop's moves win by a hair, but they do win: no cell on it has tied best moves.
    for (const s of frozen.cells) {
      const q = Array.from(frame.q!.slice(s * 4, s * 4 + 4));
      const best = Math.max(...q);
      expect(q.filter((v) => v >= best - 1e-9).length).toBe(1);
    }
    // Trained on, the values settle and the walk reaches the goal: solved, in the overlay too.
    t.train(700);
    const later = new TrainingSession(t).progress(0).frame;
    expect(greedyWalk(t.grid, later.policy).outcome).toBe('goal');
    expect(t.greedyEpisode().success).toBe(true);
  });

  it('naive shaping: the agent farms a loop, and the verdict says so', () => {
    const p = getPreset('needle-shaping')!;
    const config = { ...p.config, train: { ...p.config.train, shaping: 'naive' as const } };
    const t = new Trainer(config);
    t.train(300);
    expect(t.metrics.counters().successRate).toBeLessThan(0.1);
    const frame = new TrainingSession(t).progress(0).frame;
    const path = agentGreedyPath({ grid: t.grid, frame });
    expect(path.outcome).toBe('loop');
    expect(t.greedyEpisode().success).toBe(false);
  });

  it('with potential shaping the walk follows the learned table (not the world values the heatmap shows) to the goal', () => {
    const p = getPreset('needle-shaping')!;
    const t = new Trainer(p.config);
    t.train(300);
    const frame = new TrainingSession(t).progress(0).frame;
    const path = agentGreedyPath({ grid: t.grid, frame });
    expect(describeGreedyPath(path)).toBe('Greedy path: reaches the goal in 26 steps');
    expect(path).toEqual(t.greedyWalk());
  });
});
