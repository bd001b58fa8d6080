import { describe, expect, it } from 'vitest';
import { Trainer } from '../../src/rl/trainer';
import { TrainingSession } from '../../src/worker/trainingSession';
import { makeConfig } from './helpers';

const world = makeConfig({
  grid: ['S....', '.....', '.....', '.....', '....G'],
  env: { stepReward: -1, rewards: { G: 10 } },
  train: { episodes: 300 },
});

function train(best: number | null): TrainingSession {
  const s = new TrainingSession(new Trainer(world));
  s.setTeacherBest(best);
  s.play();
  let t = 0;
  const now = () => t++;
  while (s.running) s.run(100_000, Infinity, now);
  return s;
}

describe('the agent passes you', () => {
  it('reports the first checked episode whose greedy walk earns more than your best', () => {
    const p = train(1).progress(0); // a 10-move episode: -9 + 10
    expect(p.passedAt).not.toBeNull();
    expect(p.passedAt!).toBeGreaterThan(0);
    expect(p.greedyReturn).toBe(3); // the 8-move shortest path: -7 + 10
  });

  it('never passes the shortest path (it can only tie), and says nothing without a best', () => {
    expect(train(3).progress(0).passedAt).toBeNull();
    expect(train(null).progress(0).passedAt).toBeNull();
  });
});
