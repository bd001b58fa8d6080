import { describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../../src/config/schema';
import { compileGrid } from '../../src/rl/grid';
import { countBonus, createShaper } from '../../src/rl/shaping';
import { Trainer } from '../../src/rl/trainer';

function config(countBonusBeta: number, seed: number): Config {
  const grid = Array.from({ length: 12 }, (_, y) => (y === 0 ? 'S' + '.'.repeat(11) : '.'.repeat(12)));
  grid[11] = '.'.repeat(11) + 'G';
  const r = parseConfig({
    version: 2,
    env: { grid, maxSteps: 60, gamma: 0.999 },
    agent: { type: 'q-learning', epsilon: 0.1, qInit: 0 },
    train: { episodes: 20, seed, countBonus: countBonusBeta },
  });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.config;
}

describe('count-based exploration bonus', () => {
  it('pays beta / sqrt(N(s2)) - beta: 0 on a first visit, falling towards -beta', () => {
    expect(countBonus(0.5, 1)).toBe(0);
    expect(countBonus(0.5, 4)).toBeCloseTo(-0.25, 12);
    expect(countBonus(2, 100)).toBeCloseTo(-1.8, 12);
    const g = compileGrid(config(0.5, 1).env);
    const sh = createShaper({ shaping: 'none', shapingScale: 1, countBonus: 0.5 }, g)!;
    const got = [1, 2, 3, 4].map(() => sh.shape(0, 0, 1, false));
    expect(got[0]).toBe(0);
    expect(got[1]).toBeCloseTo(0.5 / Math.SQRT2 - 0.5, 12);
    expect(got[3]).toBeCloseTo(-0.25, 12);
    // Counts are per cell: another cell starts fresh, and the env reward is kept.
    expect(sh.shape(1, 1, 2, false)).toBe(1);
  });

  it('is off (no shaper at all) when beta is 0 and no shaping is chosen', () => {
    const g = compileGrid(config(0, 1).env);
    expect(createShaper({ shaping: 'none', shapingScale: 1, countBonus: 0 }, g)).toBeNull();
  });

  it('raises exploration: more distinct cells visited in 20 episodes, over 8 seeds each', () => {
    const distinct = (beta: number) => {
      let total = 0;
      for (let seed = 1; seed <= 8; seed++) {
        const t = new Trainer(config(beta, seed));
        t.train();
        total += t.visits.reduce((n, v) => n + (v > 0 ? 1 : 0), 0);
      }
      return total / 8;
    };
    const plain = distinct(0);
    const bonus = distinct(0.1);
    expect(bonus).toBeGreaterThan(plain * 1.3);
  });
});
