import { describe, expect, it } from 'vitest';
import { Trainer } from '../../src/rl/trainer';
import { episodesOf, makeConfig } from './helpers';

const world = ['S.....', '.##...', '...#..', '.X.#..', '.....G'];

function run(
  type: string,
  seed: number,
  extra: Record<string, unknown> = {},
  train: Record<string, unknown> = {},
) {
  const t = new Trainer(
    makeConfig({
      grid: world,
      env: { slip: 0.1, maxSteps: 100 },
      agent: { type, ...extra },
      train: { episodes: 60, seed, ...train },
    }),
  );
  t.train();
  return episodesOf(t);
}

describe('determinism', () => {
  for (const type of ['random', 'q-learning', 'sarsa', 'expected-sarsa', 'dyna-q']) {
    it(`${type}: the same config and seed give identical episodes; another seed differs`, () => {
      const a = run(type, 5);
      expect(run(type, 5)).toEqual(a);
      expect(run(type, 6)).not.toEqual(a);
    });
  }
  it('Q(lambda) with count bonus and shaping is deterministic too', () => {
    const extra = { lambda: 0.8 };
    const train = { shaping: 'potential', countBonus: 0.1 };
    const a = run('q-learning', 3, extra, train);
    expect(run('q-learning', 3, extra, train)).toEqual(a);
    expect(run('q-learning', 3, extra)).not.toEqual(a);
  });
});
