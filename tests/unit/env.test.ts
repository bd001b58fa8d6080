import { describe, expect, it } from 'vitest';
import { GridWorld } from '../../src/rl/env';
import { buildModel } from '../../src/rl/model';
import {
  Cell,
  compileGrid,
  moveTarget,
  outcomeDirection,
  outcomeProbability,
  SLIP_OUTCOMES,
  slipDirection,
  slipOutcome,
} from '../../src/rl/grid';
import { Rng } from '../../src/rl/rng';
import { makeConfig } from './helpers';

const UP = 0;
const RIGHT = 1;
const DOWN = 2;
const LEFT = 3;

describe('gridworld dynamics', () => {
  it('moves, bumps into walls and edges in place with the step reward', () => {
    const c = makeConfig({ grid: ['S#.', '...', '..G'], env: { stepReward: -0.5 } });
    const env = new GridWorld(c.env, 1);
    expect(env.reset()).toBe(0);
    expect(env.step(RIGHT)).toBe(0); // wall
    expect(env.reward).toBe(-0.5);
    expect(env.step(UP)).toBe(0); // edge
    expect(env.step(LEFT)).toBe(0);
    expect(env.step(DOWN)).toBe(3);
    expect(env.reward).toBe(-0.5);
    expect(env.terminated).toBe(false);
  });

  it('ends the episode on a goal or a pit, with their rewards and per-cell overrides', () => {
    const c = makeConfig({
      grid: ['SG', 'X.'],
      env: { rewards: { G: 5, X: -3 }, cellRewards: [{ x: 0, y: 1, reward: -7 }] },
    });
    const env = new GridWorld(c.env, 1);
    env.reset();
    env.step(RIGHT);
    expect([env.reward, env.terminated, env.success]).toEqual([5, true, true]);
    env.reset();
    env.step(DOWN);
    expect([env.reward, env.terminated, env.success]).toEqual([-7, true, false]);
  });

  it('sends the agent back to the start from a cliff without ending, and pays a bonus on every entry', () => {
    const c = makeConfig({ grid: ['.$', 'SC', '.G'], env: { rewards: { C: -100, $: 2 } } });
    const env = new GridWorld(c.env, 1);
    env.reset();
    expect(env.step(RIGHT)).toBe(2); // cliff -> back to start (state 2)
    expect([env.reward, env.terminated]).toEqual([-100, false]);
    env.step(UP);
    env.step(RIGHT);
    expect(env.reward).toBe(2);
    env.step(LEFT);
    env.step(RIGHT);
    expect(env.reward).toBe(2);
  });

  it('cuts an episode off after maxSteps as truncated, not terminated', () => {
    const c = makeConfig({ grid: ['S..G'], env: { maxSteps: 3 } });
    const env = new GridWorld(c.env, 1);
    env.reset();
    env.step(LEFT);
    env.step(LEFT);
    expect(env.truncated).toBe(false);
    env.step(LEFT);
    expect([env.truncated, env.terminated]).toEqual([true, false]);
  });

  it('slips to each perpendicular direction with probability slip / 2', () => {
    const c = makeConfig({ grid: ['...', '.S.', '..G'], env: { slip: 0.4 } });
    const env = new GridWorld(c.env, 7);
    const counts = [0, 0, 0, 0];
    const n = 40_000;
    for (let i = 0; i < n; i++) {
      env.reset();
      env.step(UP);
      counts[env.moved]++;
    }
    expect(counts[UP] / n).toBeCloseTo(0.6, 1);
    expect(counts[RIGHT] / n).toBeCloseTo(0.2, 1);
    expect(counts[LEFT] / n).toBeCloseTo(0.2, 1);
    expect(counts[DOWN]).toBe(0);
  });

  it("samples slip from the one definition in grid.ts: the model's probabilities are the draw's intervals", () => {
    for (const slip of [0, 0.1, 0.5, 1]) {
      const hits = new Array<number>(SLIP_OUTCOMES).fill(0);
      const n = 100_000;
      for (let j = 0; j < n; j++) hits[slipOutcome(slip, (j + 0.5) / n)]++;
      for (let k = 0; k < SLIP_OUTCOMES; k++) expect(hits[k] / n).toBeCloseTo(outcomeProbability(slip, k), 4);
    }
    // outcome 0 is the intended move, 1 and 2 the two perpendicular ones, never the reverse
    for (let a = 0; a < 4; a++) {
      const dirs = [0, 1, 2].map((k) => outcomeDirection(a, k));
      expect(dirs[0]).toBe(a);
      expect(dirs).not.toContain((a + 2) & 3);
      expect(new Set(dirs).size).toBe(3);
    }
    // the simulator moves where slipDirection says for the same draws
    const c = makeConfig({ grid: ['...', '.S.', '..G'], env: { slip: 0.5 } });
    const env = new GridWorld(c.env, 3);
    const replay = new Rng(3);
    for (let i = 0; i < 200; i++) {
      env.reset();
      env.step(i & 3);
      expect(env.moved).toBe(slipDirection(0.5, i & 3, replay.next()));
    }
  });

  it('codes moves once (moveTarget): edges and walls keep the agent in place', () => {
    const c = makeConfig({ grid: ['S#.', '...', 'C.G'] });
    const g = compileGrid(c.env);
    expect(moveTarget(g.width, g.height, g.cells, 0, UP)).toBe(0);
    expect(moveTarget(g.width, g.height, g.cells, 0, LEFT)).toBe(0);
    expect(moveTarget(g.width, g.height, g.cells, 0, RIGHT)).toBe(0); // wall
    expect(moveTarget(g.width, g.height, g.cells, 0, DOWN)).toBe(3);
    expect(moveTarget(g.width, g.height, g.cells, 2, DOWN)).toBe(5);
    // the cliff is entered (moveTarget) and then sends the agent to the start (nextState)
    expect(g.cells[moveTarget(g.width, g.height, g.cells, 3, DOWN)]).toBe(Cell.Cliff);
    expect(g.nextState[3 * 4 + DOWN]).toBe(g.start);
  });

  it('has an exact model whose probabilities sum to one and agree with the simulator', () => {
    const c = makeConfig({ grid: ['S.#', '.CX', '$.G'], env: { slip: 0.3 } });
    const grid = compileGrid(c.env);
    const m = buildModel(grid);
    for (const s of m.active) {
      for (let a = 0; a < 4; a++) {
        const b = (s * 4 + a) * 3;
        expect(m.prob[b] + m.prob[b + 1] + m.prob[b + 2]).toBeCloseTo(1, 12);
        expect(m.next[b]).toBe(grid.nextState[s * 4 + a]);
        for (let k = 0; k < 3; k++) {
          expect(m.prob[b + k]).toBe(outcomeProbability(0.3, k));
          expect(m.next[b + k]).toBe(grid.nextState[s * 4 + outcomeDirection(a, k)]);
        }
      }
    }
    // Entering the cliff at (1,1) from (0,1) going right lands on the start.
    expect(grid.nextState[3 * 4 + RIGHT]).toBe(grid.start);
  });
});
