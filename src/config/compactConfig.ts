/**
 * The compact form of a config used in share links: every field equal to its schema default is dropped
 * (the schema restores it on decode, so the round trip is exact). The result is still a valid current-version
 * input, so links made before compaction decode the same way.
 */
import { agentSchema, envSchema, trainSchema, type Config } from './schema';

type Obj = Record<string, unknown>;

const isPlainObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return (
      ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]))
    );
  }
  return false;
}

/** `value` without the keys whose values equal those in `defaults` (objects are thinned recursively). */
export function dropDefaults(value: Obj, defaults: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(value)) {
    const d = defaults[k];
    if (d !== undefined && deepEqual(v, d)) continue;
    out[k] = isPlainObject(v) && isPlainObject(d) ? dropDefaults(v, d) : v;
  }
  return out;
}

/** The smallest current-version input that parses back to exactly `config`. */
export function compactConfig(config: Config): Obj {
  const envDefaults = envSchema.safeParse({ grid: config.env.grid });
  const agentDefaults = agentSchema.safeParse({ type: config.agent.type });
  const trainDefaults = trainSchema.parse({});
  return {
    version: config.version,
    env: envDefaults.success
      ? dropDefaults(config.env, { ...envDefaults.data, grid: undefined })
      : config.env,
    agent: agentDefaults.success
      ? { type: config.agent.type, ...dropDefaults(config.agent, agentDefaults.data) }
      : config.agent,
    train: dropDefaults(config.train, trainDefaults),
    // the person's demonstrations travel with the world (none: the key is left out)
    ...(config.demonstrations?.length ? { demonstrations: config.demonstrations } : {}),
  };
}
