/**
 * Builds a TensorFlow.js agent: loads tfjs, makes the configured backend current (async: wasm compiles),
 * then constructs the agent, which from then on trains synchronously (cpu / wasm / webgl via dataSync).
 */
import type { AgentConfig } from '../../config/schema';
import type { Grid } from '../grid';
import { ActorCriticAgent } from './actorCritic';
import type { NeuralAgent } from './common';
import { DqnAgent } from './dqn';
import { ReinforceAgent } from './reinforce';
import { probeShape, setupBackend } from './tfSetup';
import { updateTooLarge } from './updateCost';

export type { NeuralAgent } from './common';
export { activeBackend } from './tfSetup';

export async function createNeuralAgent(cfg: AgentConfig, grid: Grid, seed: number): Promise<NeuralAgent> {
  if (cfg.type !== 'dqn' && cfg.type !== 'actor-critic' && cfg.type !== 'reinforce')
    throw new Error(`'${cfg.type}' is not a TensorFlow.js agent`);
  const tooLarge = updateTooLarge(cfg, grid);
  if (tooLarge) throw new Error(tooLarge);
  const backend = await setupBackend(cfg.backend, probeShape(cfg, grid.maxSteps, grid.nStates));
  if (cfg.type === 'dqn') return new DqnAgent(cfg, grid, seed, backend);
  if (cfg.type === 'actor-critic') return new ActorCriticAgent(cfg, grid, seed, backend);
  return new ReinforceAgent(cfg, grid, seed, backend);
}
