/**
 * Version-driven migration of stored or shared configs, run before `parseConfig`.
 *
 * `MIGRATIONS[v]` turns a version-v object into a version-(v+1) object. To add version 3: bump
 * CONFIG_VERSION in schema.ts and append the 2 -> 3 step here (v1ToV2 below is the smallest example).
 * A step must fill in explicitly any default that version 3 changes, because share links omit fields
 * equal to the defaults of their own version (see compactConfig.ts). Steps get a fresh copy and never throw on odd input: they move what
 * they recognise and leave the rest for the schema to report.
 *
 * Version 0 is the pre-release flat shape, kept to prove the path: no `version` field (or `version: 0`),
 * the env fields at the top level, `agent` either a type name or an agent object, and `episodes` and
 * `seed` at the top level:
 *   { "grid": ["S..G"], "gamma": 0.9, "agent": "sarsa", "episodes": 100, "seed": 3 }
 */
import { CONFIG_VERSION, neverThrow, parseConfig, type ParseResult } from './schema';

type Obj = Record<string, unknown>;
type Migration = (old: Obj) => Obj;

const V0_ENV_KEYS = ['grid', 'rewards', 'cellRewards', 'stepReward', 'slip', 'maxSteps', 'gamma'] as const;
const V0_TRAIN_KEYS = ['episodes', 'seed'] as const;

function v0ToV1(old: Obj): Obj {
  const rest: Obj = { ...old };
  delete rest.version;
  const take = (keys: readonly string[]): Obj => {
    const out: Obj = {};
    for (const k of keys)
      if (Object.hasOwn(rest, k)) {
        out[k] = rest[k];
        delete rest[k];
      }
    return out;
  };
  const env = take(V0_ENV_KEYS);
  const train = take(V0_TRAIN_KEYS);
  const agent = rest.agent === undefined ? 'q-learning' : rest.agent;
  delete rest.agent;
  return {
    ...rest,
    version: 1,
    env,
    agent: typeof agent === 'string' ? { type: agent } : agent,
    train,
  };
}

/** Version 2 added `demonstrations` (the person's own episodes, src/config/demonstrations.ts). A version-1
 *  config has none; nothing else changed, so the step only says which version the object now is, and the
 *  schema fills in the empty list. An older app reading a version-2 link says it was made by a newer
 *  app, instead of calling `demonstrations` an unknown key. */
function v1ToV2(old: Obj): Obj {
  return { ...old, version: 2 };
}

/** MIGRATIONS[v] migrates version v to v + 1; its length is always CONFIG_VERSION. */
export const MIGRATIONS: readonly Migration[] = [v0ToV1, v1ToV2];

export type MigrateResult =
  { ok: true; value: unknown; fromVersion: number } | { ok: false; errors: string[] };

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The version an object claims: its `version`, or 0 for the legacy flat shape (a top-level grid). */
export function detectVersion(input: Obj): number | string {
  if (input.version === undefined) return Object.hasOwn(input, 'grid') ? 0 : 'missing';
  const v = input.version;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return 'invalid';
  return v;
}

/** Brings any supported older version up to CONFIG_VERSION. Never throws. */
export function migrate(input: unknown): MigrateResult {
  if (!isObject(input))
    return { ok: false, errors: ['(config): must be an object with version, env, agent and train'] };
  const version = detectVersion(input);
  if (version === 'missing')
    return { ok: false, errors: [`version: missing; a config starts with "version": ${CONFIG_VERSION}`] };
  if (typeof version !== 'number')
    return { ok: false, errors: [`version: must be a whole number from 0 to ${CONFIG_VERSION}`] };
  if (version > CONFIG_VERSION)
    return {
      ok: false,
      errors: [
        `version: this config was made by a newer app (version ${version}); this app reads versions up to ${CONFIG_VERSION}`,
      ],
    };
  let value: Obj = input;
  try {
    for (let v = version; v < CONFIG_VERSION; v++) value = MIGRATIONS[v]({ ...value });
  } catch (e) {
    return { ok: false, errors: [`version: could not upgrade from version ${version} (${String(e)})`] };
  }
  return { ok: true, value, fromVersion: version };
}

/** Migrate, then validate: the one entry point for configs from links, files and storage. Never throws. */
export function parseVersionedConfig(input: unknown): ParseResult {
  return neverThrow('(config)', () => {
    const m = migrate(input);
    return m.ok ? parseConfig(m.value) : m;
  });
}
