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

  it("refuses the issue's 11-second update (hidden 4 x 512, batch 1024, 50 x 50 one-hot) and says why", () => {
    const cfg = { ...defaultAgent('dqn'), hidden: [512, 512, 512, 512], batchSize: 1024 } as NeuralConfig;
    expect(updateCost(cfg, grid).macs).toBeGreaterThan(1e10);
    const msg = updateTooLarge(cfg, grid);
    expect(msg).toMatch(/too big to train responsively/);
    expect(msg).toMatch(/batch size 1024/);
    expect(msg).toMatch(/cannot pause/);
  });

  it('accepts every neural agent with its defaults on the largest world', () => {
    for (const type of ['dqn', 'actor-critic', 'reinforce'] as const) {
      const cfg = defaultAgent(type) as NeuralConfig;
      expect(updateCost(cfg, grid).macs).toBeLessThan(MAX_UPDATE_MACS);
      expect(updateTooLarge(cfg, grid)).toBeNull();
    }
  });

  it('the agent factory refuses such a network before loading anything', async () => {
    const cfg = { ...defaultAgent('actor-critic'), hidden: [512, 512], nSteps: 1000 } as NeuralConfig;
    await expect(createNeuralAgent(cfg, grid, 1)).rejects.toThrow(/too big to train responsively/);
  });
});
