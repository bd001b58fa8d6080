import { parseConfig, type Config } from '../../src/config/schema';

/** A validated config from a partial one (defaults fill the rest); throws with the messages if invalid. */
export function makeConfig(input: {
  grid: string[];
  env?: Record<string, unknown>;
  agent?: Record<string, unknown>;
  train?: Record<string, unknown>;
}): Config {
  const r = parseConfig({
    version: 1,
    env: { grid: input.grid, ...input.env },
    agent: input.agent ?? { type: 'q-learning' },
    train: input.train ?? {},
  });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.config;
}
