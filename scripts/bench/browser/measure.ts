/**
 * Timings of the tfjs agents, shared by the Node bench (../neural.ts) and the browser bench's worker
 * (worker.ts): the real training path on the default 8 x 8 world with each agent's default config.
 */
import { defaultAgent, defaultConfig } from '../../../src/config/defaults';
import type { AgentConfig } from '../../../src/config/schema';
import { compileGrid } from '../../../src/rl/grid';
import { createNeuralAgent, type NeuralAgent } from '../../../src/rl/neural/createNeuralAgent';
import { Trainer } from '../../../src/rl/trainer';
import { median } from '../_stats';

export type NeuralType = 'dqn' | 'actor-critic';
export type BackendName = 'wasm' | 'webgl' | 'cpu';

/** Per-run figures and the backend that actually ran (a missing one falls back). */
export interface Measured {
  backend: string;
  runs: number[];
}

async function trainer(type: NeuralType, backend: BackendName, seed: number): Promise<Trainer> {
  const config = defaultConfig();
  const agent: AgentConfig = { ...defaultAgent(type), backend } as AgentConfig;
  config.agent = agent;
  return new Trainer(config, await createNeuralAgent(agent, compileGrid(config.env), seed));
}

/**
 * Milliseconds per gradient step (DQN: one batch-32 minibatch; actor-critic: one 8-step rollout),
 * timed around the environment steps that trigger one, so it includes building the batch, the JS
 * targets and refreshing the acting copy of the weights. Per run: the median of `updates` steps.
 */
export async function msPerUpdate(
  type: NeuralType,
  backend: BackendName,
  runs = 5,
  updates = 100,
): Promise<Measured> {
  const out: number[] = [];
  let used = '';
  for (let r = 0; r < runs; r++) {
    const t = await trainer(type, backend, r + 1);
    const agent = t.agent as NeuralAgent;
    used = agent.backend;
    while (agent.updates < 20) t.step(); // warm-up: kernels compiled, optimizer moments created
    const times: number[] = [];
    while (times.length < updates) {
      const before = agent.updates;
      const t0 = performance.now();
      t.step();
      const dt = performance.now() - t0;
      if (agent.updates > before) times.push(dt);
    }
    out.push(median(times));
    agent.dispose();
  }
  return { backend: used, runs: out };
}

/** Environment steps per second with learning on, after a warm-up past learningStarts. */
export async function stepsPerSecond(
  type: NeuralType,
  backend: BackendName,
  runs = 3,
  steps = 2000,
): Promise<Measured> {
  const out: number[] = [];
  let used = '';
  for (let r = 0; r < runs; r++) {
    const t = await trainer(type, backend, r + 1);
    used = (t.agent as NeuralAgent).backend;
    t.runSteps(500);
    const t0 = performance.now();
    t.runSteps(steps);
    out.push((steps * 1000) / (performance.now() - t0));
    t.agent.dispose();
  }
  return { backend: used, runs: out };
}
