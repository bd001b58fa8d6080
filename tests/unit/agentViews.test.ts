/** What the views read from an agent comes through the Agent interface: its policy and its diagnostics. */
import { describe, expect, it } from 'vitest';
import { defaultAgent, defaultConfig } from '../../src/config/defaults';
import type { AgentConfig } from '../../src/config/schema';
import type { Agent } from '../../src/rl/agent';
import { createAgent } from '../../src/rl/createAgent';
import { compileGrid } from '../../src/rl/grid';
import { neuralDiagnostics, type NeuralAgent } from '../../src/rl/neural/common';
import { agentSeed, Trainer } from '../../src/rl/trainer';
import { greedyArrows, TrainingSession } from '../../src/worker/trainingSession';

function config(agent: AgentConfig) {
  const c = defaultConfig();
  c.agent = agent;
  return c;
}

/** The agent of `agent`'s config, with `extra` members on top (the rest delegated to it). */
function withExtras(
  agent: AgentConfig,
  extra: Partial<Agent>,
): { cfg: ReturnType<typeof config>; agent: Agent } {
  const cfg = config(agent);
  const inner = createAgent(cfg.agent, compileGrid(cfg.env), agentSeed(cfg.train.seed));
  return { cfg, agent: Object.assign(Object.create(inner) as Agent, extra) };
}

describe('the views read agents through the Agent interface', () => {
  it("draws a planner's own policy pi(a|s), not greedy arrows", () => {
    const s = new TrainingSession(new Trainer(config(defaultAgent('policy-evaluation'))));
    s.plan('sweep');
    const frame = s.progress(0).frame;
    const pi = new Float64Array(s.trainer.grid.nStates * 4);
    expect(s.trainer.agent.policy?.(pi)).toBe(true);
    expect(Array.from(frame.policy!)).toEqual(Array.from(pi));
    // Policy evaluation keeps the uniform random walk: a quarter each way, whatever the values say.
    expect(pi[0]).toBe(0.25);
    expect(Array.from(frame.policy!)).not.toEqual(Array.from(greedyArrows(frame.q!)));
  });

  it('draws greedy arrows for an agent without a policy of its own, or one with none to show yet', () => {
    const s = new TrainingSession(new Trainer(config(defaultAgent('q-learning'))));
    for (let i = 0; i < 5; i++) s.trainer.runEpisode();
    expect(s.trainer.agent.policy).toBeUndefined();
    const frame = s.progress(0).frame;
    expect(Array.from(frame.policy!)).toEqual(Array.from(greedyArrows(frame.q!)));

    const { cfg, agent } = withExtras(defaultAgent('q-learning'), { policy: () => false });
    const t = new TrainingSession(new Trainer(cfg, agent));
    for (let i = 0; i < 5; i++) t.trainer.runEpisode();
    const f = t.progress(0).frame;
    expect(Array.from(f.policy!)).toEqual(Array.from(greedyArrows(f.q!)));
  });

  it("reports an agent's backend and loss from its diagnostics, and null without them", () => {
    const plain = new TrainingSession(new Trainer(config(defaultAgent('sarsa'))));
    expect(plain.info.backend).toBeNull();
    expect(plain.progress(0).loss).toBeNull();

    const { cfg, agent } = withExtras(defaultAgent('sarsa'), {
      diagnostics: () => ({ backend: 'cpu', loss: 0.25 }),
    });
    const s = new TrainingSession(new Trainer(cfg, agent));
    expect(s.info.backend).toBe('cpu');
    expect(s.progress(0).loss).toBe(0.25);
  });

  it('a neural agent reports no loss before its first finite one', () => {
    const fake = (loss: number) => ({ backend: 'wasm', loss }) as unknown as NeuralAgent;
    expect(neuralDiagnostics(fake(NaN))).toEqual({ backend: 'wasm', loss: null });
    expect(neuralDiagnostics(fake(Infinity))).toEqual({ backend: 'wasm', loss: null });
    expect(neuralDiagnostics(fake(0.5))).toEqual({ backend: 'wasm', loss: 0.5 });
  });
});
