// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { defaultAgent, defaultConfig } from '../../src/config/defaults';
import type { AgentConfig } from '../../src/config/schema';
import { compileGrid } from '../../src/rl/grid';
import { createNeuralAgent } from '../../src/rl/neural/createNeuralAgent';
import { Trainer } from '../../src/rl/trainer';

const MESSAGE =
  /run diverged: its loss became (NaN|-?Infinity) after \d+ steps\. Try a smaller learning rate/;

describe('divergence', () => {
  it.each(['dqn', 'actor-critic', 'reinforce'] as const)(
    '%s: a NaN reward stops training with a clear message',
    async (type) => {
      const cfg = { ...defaultAgent(type), learningStarts: 0, batchSize: 1, trainEvery: 1 } as AgentConfig;
      const agent = await createNeuralAgent(cfg, compileGrid(defaultConfig().env), 1);
      agent.start(0);
      const run = () => {
        for (let i = 0; i < 20; i++) agent.step(NaN, 1, false);
        agent.endEpisode();
      };
      expect(run).toThrow(MESSAGE);
      agent.dispose();
    },
  );

  it('a huge learning rate makes actor-critic blow up, reported with the rate to lower', async () => {
    const config = defaultConfig();
    const cfg = { ...defaultAgent('actor-critic'), learningRate: 1e6 } as AgentConfig;
    const t = new Trainer(config, await createNeuralAgent(cfg, compileGrid(config.env), 1));
    expect(() => t.runSteps(5000)).toThrow(MESSAGE);
    expect(() => t.runSteps(5000)).toThrow(/now 1000000, e\.g\. 100000/);
    t.agent.dispose();
  });
});
