/**
 * The trained-agent file, version 1: a config plus the state of a run trained with it, so a teacher
 * can train before class and open the result at once (or go on training). One format for the file, the
 * saved configs' optional agent and the CLI's --save-agent / --load-agent.
 *
 *   { "format": "gridworld-rl-agent", "version": 1, "savedAt": "2024-…Z",
 *     "config": { …a config, of its own version… },
 *     "state": { "agent": { "type": "q-learning", "numbers": {…}, "arrays": {…} },
 *                "trainer": { "numbers": {…}, "arrays": {…} },
 *                "metrics": { "numbers": {…}, "arrays": {…} } } }
 *
 * Every part of the state is a StateBlock: named numbers (finite, or null for "none") and named arrays,
 * each a PackedArray: its element type, its length and its bytes (little-endian) in base64. What the
 * names mean, and which lengths fit which config, is the agents' own business (src/rl/agentState.ts and
 * each agent's exportState / importState); this floor checks what any file must satisfy: the format
 * and version, the size and nesting limits of untrusted JSON, the config, the agent type matching the
 * config's, every array decoding to its stated length, no NaN or infinite value in a float array, and
 * visit counts for exactly the config's cells.
 *
 * Integrity: `checksum` (written since December 2026, optional so older files still open) is a CRC-32 of
 * the state (stateChecksum: every number and every array's dtype, length and base64 text, in a fixed
 * order), so a bit flipped in the base64 data after saving is refused instead of loading other values.
 *
 * Versions: the file has its own `version`, independent of the config's. To add version 2, bump
 * AGENT_FILE_VERSION and append the 1 -> 2 step to AGENT_FILE_MIGRATIONS (same rules as migrate.ts:
 * a step gets a copy, never throws, moves what it recognises); migrateAgentFile is the entry point.
 * `parseAgentFile` never throws.
 */
import { parseVersionedConfig } from './migrate';
import {
  DTYPES,
  firstNonFinite,
  isStateName,
  MAX_ARRAY_LENGTH,
  MAX_BLOCK_ENTRIES,
  unpackArray,
  type Dtype,
  type TrainedState,
} from './packedArray';
import { oneLine, parseJsonSafely, stripBom, type SafeJsonLimits } from './safeJson';
import { formatIssues, MAX_MESSAGE_CHARS, neverThrow, type Config } from './schema';
import { z } from './zod';

export const AGENT_FILE_FORMAT = 'gridworld-rl-agent';
export const AGENT_FILE_VERSION = 1;

/** Untrusted agent files: room for the largest network the agents accept (two 4 x 512 networks on a
 *  one-hot 50 x 50 world, with their Adam moments, in base64: ~45 million characters). */
export const AGENT_FILE_LIMITS: SafeJsonLimits = { maxChars: 80_000_000, maxDepth: 12 };
/** Largest file the page reads (bytes; base64 and JSON are ASCII, so bytes = characters). */
export const MAX_AGENT_FILE_BYTES = AGENT_FILE_LIMITS.maxChars;

export * from './packedArray';

export interface AgentFile {
  format: typeof AGENT_FILE_FORMAT;
  version: typeof AGENT_FILE_VERSION;
  savedAt?: string;
  config: Config;
  state: TrainedState;
  /** stateChecksum(state), when the file has one. */
  checksum?: string;
}

export type AgentFileResult = { ok: true; file: AgentFile } | { ok: false; errors: string[] };

// ---------- migration ----------

type Obj = Record<string, unknown>;
/** AGENT_FILE_MIGRATIONS[v - 1] turns a version-v file into a version-(v + 1) one; its length is
 *  always AGENT_FILE_VERSION - 1 (none yet). */
export const AGENT_FILE_MIGRATIONS: readonly ((old: Obj) => Obj)[] = [];

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Brings an agent file of any supported version up to AGENT_FILE_VERSION. Never throws. */
export function migrateAgentFile(input: unknown): { ok: true; value: Obj } | { ok: false; errors: string[] } {
  if (!isObject(input)) return { ok: false, errors: ['(agent file): must be an object'] };
  if (input.format !== AGENT_FILE_FORMAT)
    return {
      ok: false,
      errors: [
        'env' in input && 'agent' in input
          ? '(agent file): this is a config, not a trained agent (open it with Import JSON)'
          : `format: must be "${AGENT_FILE_FORMAT}" (this is not a trained-agent file)`,
      ],
    };
  const v = input.version;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    return { ok: false, errors: [`version: must be a whole number from 1 to ${AGENT_FILE_VERSION}`] };
  if (v > AGENT_FILE_VERSION)
    return {
      ok: false,
      errors: [
        `version: this agent was saved by a newer app (agent file version ${v}); this app reads versions up to ${AGENT_FILE_VERSION}`,
      ],
    };
  let value: Obj = input;
  try {
    for (let k = v; k < AGENT_FILE_VERSION; k++) value = AGENT_FILE_MIGRATIONS[k - 1]({ ...value });
  } catch (e) {
    return { ok: false, errors: [`version: could not upgrade from version ${v} (${String(e)})`] };
  }
  return { ok: true, value };
}

// ---------- schema ----------

const nameKey = z
  .string()
  .refine((k) => isStateName(k), { error: 'must be a short name of letters, digits, _ and .' });
const bounded = <T extends z.ZodType>(value: T, what: string) =>
  z
    .record(nameKey, value, { error: `must be an object of ${what}` })
    .refine((r) => Object.keys(r).length <= MAX_BLOCK_ENTRIES, {
      error: `names more than ${MAX_BLOCK_ENTRIES} ${what}`,
    });

const packedSchema = z.strictObject({
  dtype: z.enum(Object.keys(DTYPES) as [Dtype, ...Dtype[]], {
    error: `must be one of ${Object.keys(DTYPES).join(', ')}`,
  }),
  length: z.number({ error: 'must be a number' }).int().min(0).max(MAX_ARRAY_LENGTH),
  data: z.string({ error: 'must be a base64 string' }),
});

const blockShape = {
  numbers: bounded(z.number({ error: 'must be a number or null' }).finite().nullable(), 'numbers'),
  arrays: bounded(packedSchema, 'arrays'),
};
const blockSchema = z.strictObject(blockShape);

export const trainedStateSchema = z.strictObject({
  agent: z.strictObject({ type: z.string().max(40), ...blockShape }),
  trainer: blockSchema,
  metrics: blockSchema,
});

const fileSchema = z.strictObject({
  format: z.literal(AGENT_FILE_FORMAT),
  version: z.literal(AGENT_FILE_VERSION),
  savedAt: z.string().max(40).optional(),
  checksum: z
    .string({ error: 'must be a string' })
    .regex(/^crc32:[0-9a-f]{8}$/, 'must be "crc32:" and 8 hex digits')
    .optional(),
  config: z.unknown(),
  state: trainedStateSchema,
});

const fail = (errors: string[]): AgentFileResult => ({ ok: false, errors });

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 over the UTF-16 code units of each string (all of the file's are ASCII), continued. */
function crc32(parts: Iterable<string>): number {
  let c = 0xffffffff;
  for (const text of parts)
    for (let i = 0; i < text.length; i++) {
      const u = text.charCodeAt(i);
      c = CRC_TABLE[(c ^ u) & 255] ^ (c >>> 8);
      if (u > 255) c = CRC_TABLE[(c ^ (u >>> 8)) & 255] ^ (c >>> 8);
    }
  return (c ^ 0xffffffff) >>> 0;
}

/** The state's checksum: its numbers and arrays in a fixed order (names sorted), "crc32:" + 8 hex. */
export function stateChecksum(state: TrainedState): string {
  function* parts(): Generator<string> {
    yield state.agent.type;
    for (const part of ['agent', 'trainer', 'metrics'] as const) {
      const block = state[part];
      for (const name of Object.keys(block.numbers).sort()) yield `\n${part}.${name}=${block.numbers[name]}`;
      for (const name of Object.keys(block.arrays).sort()) {
        const p = block.arrays[name];
        yield `\n${part}.${name}:${p.dtype}:${p.length}:`;
        yield p.data;
      }
    }
  }
  return `crc32:${crc32(parts()).toString(16).padStart(8, '0')}`;
}

/** Checks what the config floor can of a trained state against its config: the agent type, every array
 *  (decodes to its length, finite floats) and the visit counts (one per cell). Null when all is well. */
export function checkTrainedState(state: TrainedState, config: Config): string[] | null {
  const errors: string[] = [];
  if (state.agent.type !== config.agent.type)
    errors.push(
      `state.agent.type: the agent is a ${oneLine(state.agent.type, 40)} but the config describes a ${config.agent.type}`,
    );
  for (const part of ['agent', 'trainer', 'metrics'] as const) {
    for (const [name, p] of Object.entries(state[part].arrays)) {
      const u = unpackArray(p);
      const at = `state.${part}.arrays.${name}`;
      if (!u.ok) errors.push(`${at}: ${u.error}`);
      else {
        const bad = firstNonFinite(u.array);
        if (bad >= 0)
          errors.push(
            `${at}: element ${bad} is ${u.array[bad]} (the training diverged or the file is damaged)`,
          );
      }
      if (errors.length >= 5) return errors;
    }
  }
  const cells = config.env.grid.length * (config.env.grid[0]?.length ?? 0);
  const visits = state.trainer.arrays.visits;
  if (visits && visits.length !== cells)
    errors.push(
      `state.trainer.arrays.visits: counts ${visits.length.toLocaleString('en')} cells, the config's ${config.env.grid[0]?.length ?? 0} x ${config.env.grid.length} grid has ${cells.toLocaleString('en')} (the agent was trained on another grid)`,
    );
  return errors.length ? errors.map((e) => oneLine(e, MAX_MESSAGE_CHARS)) : null;
}

/** Validates a trained state kept apart from a file (a saved config's agent) against its config. */
export function parseTrainedState(
  input: unknown,
  config: Config,
): { ok: true; state: TrainedState } | { ok: false; errors: string[] } {
  return neverThrow('(agent)', () => {
    const r = trainedStateSchema.safeParse(input);
    if (!r.success) return { ok: false as const, errors: formatIssues(r.error.issues, '(agent)') };
    const state = r.data as TrainedState;
    const bad = checkTrainedState(state, config);
    return bad ? { ok: false as const, errors: bad } : { ok: true as const, state };
  });
}

/** Validates a parsed trained-agent file (any supported version). Never throws. */
export function parseAgentFileData(input: unknown): AgentFileResult {
  return neverThrow('(agent file)', () => {
    const m = migrateAgentFile(input);
    if (!m.ok) return m;
    const r = fileSchema.safeParse(m.value);
    if (!r.success) return fail(formatIssues(r.error.issues, '(agent file)'));
    const config = parseVersionedConfig(r.data.config);
    if (!config.ok) return fail(config.errors.map((e) => oneLine(`config.${e}`, MAX_MESSAGE_CHARS)));
    const state = r.data.state as TrainedState;
    const bad = checkTrainedState(state, config.config);
    if (bad) return fail(bad);
    // After the specific checks (which name what is wrong): a change that still decodes.
    if (r.data.checksum !== undefined && stateChecksum(state) !== r.data.checksum)
      return fail([
        'state: the checksum does not match: the file was changed or damaged after it was saved (save the agent again from the run that made it)',
      ]);
    const file: AgentFile = {
      format: AGENT_FILE_FORMAT,
      version: AGENT_FILE_VERSION,
      config: config.config,
      state,
    };
    if (r.data.savedAt !== undefined) file.savedAt = r.data.savedAt;
    if (r.data.checksum !== undefined) file.checksum = r.data.checksum;
    return { ok: true, file };
  });
}

/** Parses the text of a trained-agent file (bounded like every untrusted JSON). Never throws. */
export function parseAgentFile(text: unknown): AgentFileResult {
  if (typeof text !== 'string') return parseAgentFileData(text);
  const trimmed = stripBom(text).trim();
  if (!trimmed) return fail(['file: it is empty']);
  const json = parseJsonSafely(trimmed, AGENT_FILE_LIMITS);
  if (!json.ok) return fail([`file: ${json.error}`]);
  return parseAgentFileData(json.value);
}

/** The file for a config and a trained state, as JSON text (one line: the arrays are long strings). */
export function agentFileToJson(config: Config, state: TrainedState, savedAt = new Date()): string {
  const file: AgentFile = {
    format: AGENT_FILE_FORMAT,
    version: AGENT_FILE_VERSION,
    savedAt: savedAt.toISOString(),
    checksum: stateChecksum(state),
    config,
    state,
  };
  return JSON.stringify(file) + '\n';
}
