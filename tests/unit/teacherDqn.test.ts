// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CONFIG_VERSION, parseConfig } from '../../src/config/schema';
import { createTrainer } from '../../src/rl/trainer';
import type { ReplayBuffer } from '../../src/rl/neural/replayBuffer';

const GRID = ['S....', '###..', '.....', 'G....'];
const TEACHER = 'RRRRDDDLLLL';

async function trainer(demoBuffer: boolean) {
  const r = parseConfig({
    version: CONFIG_VERSION,
    env: { grid: GRID, maxSteps: 30 },
    agent: {
      type: 'dqn',
      backend: 'cpu',
      observation: 'one-hot',
      hidden: [16],
      replaySize: 100,
      learningStarts: 20,
      demoBuffer,
    },
    train: { episodes: 1 },
    demonstrations: [TEACHER, TEACHER],
  });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return createTrainer(r.config);
}

describe('DQN keeps the demonstrations in its replay memory for good (demoBuffer)', () => {
  it('pins them in the first slots, and the ring of its own steps never overwrites them', async () => {
    const t = await trainer(true);
    try {
      const replay = (t.agent as unknown as { replay: ReplayBuffer }).replay;
      const n = t.demos.n;
      expect(n).toBe(2 * TEACHER.length);
      expect(replay.pinned).toBe(n);
      const kept = () =>
        [...replay.s.subarray(0, n)].map((s, k) => [s, replay.a[k], replay.s2[k], replay.done[k]]);
      const before = kept();
      expect(before).toEqual([...t.demos.s].map((s, k) => [s, t.demos.a[k], t.demos.s2[k], t.demos.done[k]]));
      t.runSteps(300); // three times round the 100-slot ring
      expect(replay.size).toBe(100);
      expect(kept()).toEqual(before);
      const off = await trainer(false);
      expect((off.agent as unknown as { replay: ReplayBuffer }).replay.pinned).toBe(0);
      off.agent.dispose();
    } finally {
      t.agent.dispose();
    }
  });
});
