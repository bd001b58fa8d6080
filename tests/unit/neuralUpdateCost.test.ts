// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { defaultAgent } from '../../src/config/defaults';
import type { NeuralConfig } from '../../src/config/neuralAgents';
import { compileGrid } from '../../src/rl/grid';
import { createNeuralAgent } from '../../src/rl/neural/createNeuralAgent';
import { forwardMacs, MAX_UPDATE_MACS, updateCost, updateTooLarge } from '../../src/rl/neural/updateCost';
import { makeConfig } from './helpers';

const big = makeConfig({
  grid: ['S' + '.'.repeat(49), ...Array.from({ length: 48 }, () => '.'.repeat(50)), '.'.repeat(49) + 'G'],
});
const grid = compileGrid(big.env);

describe('neural update cost', () => {
  it('counts the multiply-adds of an MLP', () => {
    expect(forwardMacs(10, [4, 3], 2)).toBe(10 * 4 + 4 * 3 + 3 * 2);
  });

  it('counts only the nonzero inputs of the first layer (one for one-hot)', () => {
    const cfg = { ...defaultAgent('dqn'), hidden: [512, 512, 512, 512], batchSize: 1024 } as NeuralConfig;
    // The 11-second update: now 4 billion multiply-adds (0.27 s measured), accepted.
    expect(updateCost(cfg, grid).perSample).toBe(5 * forwardMacs(1, [512, 512, 512, 512], 4));
    expect(updateTooLarge(cfg, grid)).toBeNull();
  });

  it('refuses an update that would take seconds, and says why and what to change', () => {
    // REINFORCE learns from a whole episode at once: 100,000-step episodes through 3 x 512.
    const cfg = { ...defaultAgent('reinforce'), hidden: [512, 512, 512] } as NeuralConfig;
    const longEpisodes = compileGrid({ ...big.env, maxSteps: 100_000 });
    expect(updateCost(cfg, longEpisodes).macs).toBeGreaterThan(MAX_UPDATE_MACS);
    const msg = updateTooLarge(cfg, longEpisodes);
    expect(msg).toMatch(/too big to train responsively/);
    expect(msg).toMatch(/longest episode \(max steps\) 100000/);
    expect(msg).toMatch(/cannot pause/);
    // The largest DQN the schema allows (4 x 512, batch 1024) stays under the limit.
    const dqn = { ...defaultAgent('dqn'), hidden: [512, 512, 512, 512], batchSize: 1024 } as NeuralConfig;
    expect(updateCost(dqn, grid).macs).toBeLessThan(MAX_UPDATE_MACS);
  });

  it('accepts every neural agent with its defaults on the largest world', () => {
    for (const type of ['dqn', 'actor-critic', 'reinforce'] as const) {
      const cfg = defaultAgent(type) as NeuralConfig;
      expect(updateCost(cfg, grid).macs).toBeLessThan(MAX_UPDATE_MACS);
      expect(updateTooLarge(cfg, grid)).toBeNull();
    }
  });

  it('the agent factory refuses such a network before loading anything', async () => {
    const cfg = { ...defaultAgent('reinforce'), hidden: [512, 512, 512] } as NeuralConfig;
    const longEpisodes = compileGrid({ ...big.env, maxSteps: 100_000 });
    expect(updateTooLarge(cfg, longEpisodes)).toMatch(/longest episode/);
    await expect(createNeuralAgent(cfg, longEpisodes, 1)).rejects.toThrow(/too big to train responsively/);
  });
});
