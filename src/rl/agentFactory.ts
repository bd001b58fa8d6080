/**
 * Builds any agent, loading TensorFlow.js only when a neural agent is asked for (a dynamic import, so
 * the tabular path and the first page load never carry it). The type check comes from neuralTypes.ts,
 * not the neural schemas, so the training worker's first chunk carries no zod either.
 */
import type { AgentConfig } from '../config/schema';
import { isNeuralType } from '../config/neuralTypes';
import type { Agent } from './agent';
import { createAgent } from './createAgent';
import type { Grid } from './grid';

export async function createAnyAgent(cfg: AgentConfig, grid: Grid, seed: number): Promise<Agent> {
  if (isNeuralType(cfg.type)) {
    const { createNeuralAgent } = await import('./neural/createNeuralAgent');
    return createNeuralAgent(cfg, grid, seed);
  }
  return createAgent(cfg, grid, seed);
}
