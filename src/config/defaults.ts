import { parseConfig, type AgentConfig, type AgentType, type Config } from './schema';

/** The world a first-time visitor sees: an 8 x 8 room with a wall, a pit and a goal in the far corner. */
export const DEFAULT_CONFIG_INPUT = {
  version: 1,
  env: {
    grid: ['S.......', '........', '..####..', '.....#..', '..X..#..', '.....#..', '........', '.......G'],
    rewards: { G: 1, X: -1, C: -100, $: 0.5 },
    cellRewards: [],
    stepReward: 0,
    slip: 0,
    maxSteps: 200,
    gamma: 0.95,
  },
  agent: {
    type: 'q-learning',
    alpha: 0.5,
    epsilon: 0.1,
    epsilonMin: 0.01,
    epsilonDecay: 1,
    qInit: 0,
    lambda: 0,
  },
  train: { episodes: 500, seed: 1, shaping: 'none', shapingScale: 1, countBonus: 0 },
} as const;

function mustParse(input: unknown): Config {
  const r = parseConfig(input);
  if (!r.ok) throw new Error(`built-in config is invalid: ${r.errors.join('; ')}`);
  return r.config;
}

export const DEFAULT_CONFIG: Config = mustParse(DEFAULT_CONFIG_INPUT);

/** A fresh copy of the default config. */
export function defaultConfig(): Config {
  return structuredClone(DEFAULT_CONFIG);
}

/** The agent config of a type with every hyperparameter at its default. */
export function defaultAgent(type: AgentType): AgentConfig {
  return mustParse({ ...DEFAULT_CONFIG_INPUT, agent: { type } }).agent;
}
