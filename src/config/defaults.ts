import { CONFIG_VERSION, parseConfig, type AgentConfig, type AgentType, type Config } from './schema';

/**
 * The default world's discount. The schema's default gamma is 0.99 (a config that leaves gamma out gets
 * it, as in the README's example); the world a first-time visitor sees discounts more, 0.95, on purpose:
 * the app's first minute (the values, arrows and charts of its 8 x 8 room in the first seconds of
 * training) is tuned on it. This is the one place that sets it.
 */
export const DEFAULT_WORLD_GAMMA = 0.95;

/** The world a first-time visitor sees: an 8 x 8 room with a wall, a pit and a goal in the far corner.
 *  Only the grid, the agent type and the discount are given: every other field is the schema's default
 *  (src/config/schema.ts is the one place defaults are written). */
export const DEFAULT_CONFIG_INPUT = {
  version: CONFIG_VERSION,
  env: {
    grid: ['S.......', '........', '..####..', '.....#..', '..X..#..', '.....#..', '........', '.......G'],
    gamma: DEFAULT_WORLD_GAMMA,
  },
  agent: { type: 'q-learning' },
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
