/** Builds the agent a config names. The one place that maps `agent.type` to a class. */
import type { AgentConfig } from '../config/schema';
import type { Agent } from './agent';
import type { Grid } from './grid';
import { buildModel } from './model';
import { Rng } from './rng';
import { DynaQAgent } from './agents/dynaQ';
import { ExpectedSarsaAgent } from './agents/expectedSarsa';
import { MctsAgent } from './agents/mcts';
import { PolicyEvaluationAgent } from './agents/policyEvaluation';
import { PolicyIterationAgent } from './agents/policyIteration';
import { QLearningAgent } from './agents/qLearning';
import { RandomAgent } from './agents/random';
import { SarsaAgent } from './agents/sarsa';
import { ValueIterationAgent } from './agents/valueIteration';
import { ImitationAgent } from './teacher/imitation';

export function createAgent(cfg: AgentConfig, grid: Grid, seed: number): Agent {
  const rng = new Rng(seed);
  const n = grid.nStates;
  switch (cfg.type) {
    case 'random':
      return new RandomAgent(rng);
    case 'q-learning':
      return new QLearningAgent(n, grid.gamma, cfg, rng);
    case 'sarsa':
      return new SarsaAgent(n, grid.gamma, cfg, rng);
    case 'expected-sarsa':
      return new ExpectedSarsaAgent(n, grid.gamma, cfg, rng);
    case 'dyna-q':
      return new DynaQAgent(n, grid.gamma, cfg, rng, cfg.planningSteps);
    case 'value-iteration':
      return new ValueIterationAgent(buildModel(grid), cfg);
    case 'policy-iteration':
      return new PolicyIterationAgent(buildModel(grid), cfg);
    case 'policy-evaluation':
      return new PolicyEvaluationAgent(buildModel(grid), cfg);
    case 'imitation':
      return new ImitationAgent(n, rng);
    case 'mcts':
      return new MctsAgent(grid, cfg, rng);
    default:
      throw new Error(`agent '${cfg.type}' needs TensorFlow.js: build it with createAnyAgent`);
  }
}
