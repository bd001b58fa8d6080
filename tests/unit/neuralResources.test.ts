// @vitest-environment node
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { defaultAgent, defaultConfig } from '../../src/config/defaults';
import type { AgentConfig } from '../../src/config/schema';
import { createAnyAgent } from '../../src/rl/agentFactory';
import { compileGrid } from '../../src/rl/grid';
import { activeBackend, createNeuralAgent, type NeuralAgent } from '../../src/rl/neural/createNeuralAgent';
import { Trainer } from '../../src/rl/trainer';

function agentConfig(type: 'dqn' | 'actor-critic' | 'reinforce', extra: object = {}): AgentConfig {
  return { ...defaultAgent(type), ...extra } as AgentConfig;
}

describe('tfjs backends in Node', () => {
  it("'auto' runs on wasm, loaded from node_modules", async () => {
    const agent = (await createAnyAgent(
      agentConfig('dqn'),
      compileGrid(defaultConfig().env),
      1,
    )) as NeuralAgent;
    expect(agent.backend).toBe('wasm');
    expect(activeBackend()).toBe('wasm');
    agent.dispose();
  });

  it("'cpu' runs on cpu, and 'webgl' falls back to wasm where there is no WebGL", async () => {
    const grid = compileGrid(defaultConfig().env);
    const cpu = await createNeuralAgent(agentConfig('actor-critic', { backend: 'cpu' }), grid, 1);
    expect(cpu.backend).toBe('cpu');
    cpu.dispose();
    const webgl = await createNeuralAgent(agentConfig('reinforce', { backend: 'webgl' }), grid, 1);
    expect(webgl.backend).toBe('wasm');
    webgl.dispose();
  });
});

describe('agents on different backends in one process', () => {
  it('each trains on its own backend, and interleaving does not change a run', async () => {
    const config = defaultConfig();
    const grid = compileGrid(config.env);
    const make = async (backend: string) =>
      new Trainer(
        config,
        // 128-128: an update that runs tfjs kernels (the default 64-64 takes cellPass.ts, all plain JS).
        await createNeuralAgent(
          // batch 16: 32 rows a pass, over cellPassFits's 17 for this network
          agentConfig('dqn', { backend, learningStarts: 20, batchSize: 16, hidden: [128, 128] }),
          grid,
          7,
        ),
      );
    const solo = await make('cpu');
    solo.runSteps(80);
    const a = await make('cpu');
    const b = await make('wasm');
    for (let i = 0; i < 4; i++) {
      a.runSteps(20);
      expect(activeBackend()).toBe('cpu');
      b.runSteps(20);
      expect(activeBackend()).toBe('wasm');
    }
    const q = (t: Trainer) => {
      const out = new Float64Array(grid.nStates * 4);
      t.agent.qValues(out);
      return Array.from(out);
    };
    expect(q(a)).toEqual(q(solo));
    for (const t of [solo, a, b]) t.agent.dispose();
  });
});

describe.each(['dqn', 'actor-critic', 'reinforce'] as const)('%s tensors', (type) => {
  it('stay at the baseline while training (no tensor outlives an update) and after dispose()', async () => {
    const config = defaultConfig();
    const grid = compileGrid(config.env);
    const baseline = tf.memory().numTensors;
    const agent = await createNeuralAgent(agentConfig(type, { learningStarts: 100 }), grid, 1);
    const t = new Trainer(config, agent);
    const counts: number[] = [];
    // DQN and actor-critic: 1,000 steps (900 DQN updates, 9 target syncs), a tensor kept by any of them
    // shows; REINFORCE learns once per episode, so it gets 3,000 steps (a dozen episodes and more).
    const steps = type === 'reinforce' ? 750 : 250;
    for (let i = 0; i < 4; i++) {
      t.runSteps(steps);
      agent.qValues(new Float64Array(grid.nStates * 4));
      agent.values(new Float64Array(grid.nStates));
      counts.push(tf.memory().numTensors);
    }
    expect(agent.updates).toBeGreaterThan(10);
    expect(counts).toEqual(counts.map(() => baseline));
    agent.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
