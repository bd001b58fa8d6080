// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { NeuralConfig } from '../../src/config/neuralAgents';
import { parseConfig } from '../../src/config/schema';
import { compileGrid } from '../../src/rl/grid';
import {
  forwardMacs,
  longestCallMacs,
  longestCallMs,
  MAX_UPDATE_MACS,
  updateCost,
} from '../../src/rl/neural/updateCost';
import { HEARTBEAT_TIMEOUT_MS } from '../../src/worker/protocol';

describe('the longest call a network makes', () => {
  it('is the largest of an update, a table read and a greedy episode, and is allowed for', () => {
    const row = (y: number) =>
      Array.from({ length: 50 }, (_, x) => (x + y === 0 ? 'S' : x === 49 && y === 49 ? 'G' : '.')).join('');
    const r = parseConfig({
      version: 2,
      env: { grid: Array.from({ length: 50 }, (_, y) => row(y)), maxSteps: 5000 },
      agent: {
        type: 'dqn',
        hidden: [512, 512, 512, 512],
        batchSize: 1024,
        trainEvery: 1,
        learningStarts: 1024,
      },
    });
    if (!r.ok) throw new Error(r.errors.join('; '));
    const grid = compileGrid(r.config.env);
    const cfg = r.config.agent as NeuralConfig;
    const fwd = forwardMacs(1, [512, 512, 512, 512], 4);
    expect(updateCost(cfg, grid).macs).toBeLessThanOrEqual(MAX_UPDATE_MACS);
    expect(longestCallMacs(cfg, grid)).toBe(Math.max(updateCost(cfg, grid).macs, 5000 * fwd));
    // The largest accepted network gets more than the default heartbeat timeout.
    expect(longestCallMs(cfg, grid)).toBeGreaterThan(HEARTBEAT_TIMEOUT_MS);
  });
});
