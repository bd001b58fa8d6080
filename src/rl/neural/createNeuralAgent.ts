/** Placeholder until the TensorFlow.js agents land: refuses with a clear message. */
import type { AgentConfig } from '../../config/schema';
import type { Agent } from '../agent';
import type { Grid } from '../grid';

export async function createNeuralAgent(cfg: AgentConfig, _grid: Grid, _seed: number): Promise<Agent> {
  throw new Error(`the ${cfg.type} agent is not available yet`);
}
