import { describe, expect, it } from 'vitest';
import { parseConfig, type EnvConfig } from '../../src/config/schema';
import { compileGrid } from '../../src/rl/grid';
import { Rng } from '../../src/rl/rng';
import { createShaper, goalDistances, potentials } from '../../src/rl/shaping';
import { buildShapedModel, checkPolicy, optimalActionSets, optimalQ } from '../../src/rl/lab/shapedModel';
import { buildModel } from '../../src/rl/model';

function env(grid: string[], extra: Partial<EnvConfig> = {}): EnvConfig {
  const r = parseConfig({ version: 2, env: { grid, ...extra }, agent: { type: 'random' } });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.config.env;
}

/** A random w x h map with walls, a pit or two, maybe a cliff, a start and one or two goals. */
function randomEnv(rng: Rng): EnvConfig {
  const w = 3 + rng.int(5);
  const h = 3 + rng.int(4);
  const cells = Array.from({ length: w * h }, (): string => {
    const u = rng.next();
    return u < 0.15 ? '#' : u < 0.2 ? 'X' : u < 0.23 ? 'C' : u < 0.27 ? '$' : '.';
  });
  const pick = () => rng.int(w * h);
  const s = pick();
  cells[s] = 'S';
  let g = pick();
  while (g === s) g = pick();
  cells[g] = 'G';
  const g2 = pick();
  if (g2 !== s && rng.next() < 0.5) cells[g2] = 'G';
  const grid = Array.from({ length: h }, (_, y) => cells.slice(y * w, y * w + w).join(''));
  return env(grid, {
    slip: rng.next() < 0.5 ? 0 : 0.2,
    gamma: 0.8 + 0.19 * rng.next(),
    stepReward: rng.next() < 0.5 ? 0 : -0.1,
    rewards: { G: 1 + rng.int(5), X: -1, C: -5, $: rng.next() * 0.2 },
  });
}

describe('goal distances and potentials', () => {
  it('counts shortest-path steps around walls, and phi = -scale * distance, 0 on terminals', () => {
    const g = compileGrid(env(['S.#G', '....']));
    const d = goalDistances(g);
    expect(Array.from(d)).toEqual([5, 4, -1, 0, 4, 3, 2, 1]);
    const phi = potentials(g, 2);
    expect(phi[0]).toBe(-10);
    expect(phi[3]).toBe(0);
    expect(phi[7]).toBe(-2);
  });

  it('potential shaping adds gamma * phi(s2) - phi(s), and nothing on top for entering a goal', () => {
    const g = compileGrid(env(['S..G'], { gamma: 0.9 }));
    const sh = createShaper({ shaping: 'potential', shapingScale: 1, countBonus: 0 }, g)!;
    expect(sh.shape(0, 0, 1, false)).toBeCloseTo(0.9 * -2 + 3, 12);
    expect(sh.shape(1, 0, 0, false)).toBeCloseTo(0.9 * -3 + 2, 12);
    expect(sh.shape(2, 1, 3, true)).toBeCloseTo(1 + 1, 12);
  });
});

describe('potential-based shaping leaves the optimal policy unchanged (Ng, Harada & Russell 1999)', () => {
  it('on 40 random maps, value iteration on the shaped model picks the same optimal actions', () => {
    const rng = new Rng(7);
    let compared = 0;
    for (let i = 0; i < 40; i++) {
      const g = compileGrid(randomEnv(rng));
      const scale = 0.5 + 2 * rng.next();
      const plain = optimalActionSets(buildModel(g));
      const shaped = optimalActionSets(buildShapedModel(g, 'potential', scale));
      expect(shaped).toEqual(plain);
      compared += plain.size;
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('shaped Q* is exactly Q* - phi(s)', () => {
    const g = compileGrid(env(['S...', '.#X.', '...G'], { gamma: 0.9, slip: 0.2 }));
    const q = optimalQ(buildModel(g));
    const qs = optimalQ(buildShapedModel(g, 'potential', 1));
    const phi = potentials(g, 1);
    for (const s of buildModel(g).active)
      for (let a = 0; a < 4; a++) expect(qs[s * 4 + a]).toBeCloseTo(q[s * 4 + a] - phi[s], 6);
  });
});

describe('naive shaping changes the optimal policy', () => {
  it('on a corridor, a "closer is better" bonus makes stepping back and forth beat finishing', () => {
    const g = compileGrid(env(['S....G'], { gamma: 0.95 }));
    const naive = checkPolicy(g, 'naive', 1);
    expect(naive.changed).toBeGreaterThan(0);
    expect(naive.reachesGoal).toBe(false);
    const potential = checkPolicy(g, 'potential', 1);
    expect(potential).toEqual({ states: naive.states, changed: 0, reachesGoal: true });
    // The farmed loop: away then back pays +1 every two steps, worth about 1 / (1 - gamma^2) > 1.
    const v = optimalQ(buildShapedModel(g, 'naive', 1));
    expect(Math.max(...v.slice(0, 4))).toBeGreaterThan(1 / (1 - 0.95 ** 2) - 1);
  });

  it('without shaping, the same corridor is solved by walking to the goal', () => {
    const g = compileGrid(env(['S....G'], { gamma: 0.95 }));
    expect(checkPolicy(g, 'none').reachesGoal).toBe(true);
  });
});
