/**
 * Writing and reading the state blocks of a trained run (the format is src/config/agentFile.ts): the
 * agents' exportState / importState, the trainer's and the metrics' use these, so every array is packed
 * the same way and every mismatch reads the same. A reader checks each array's type and length against
 * the array it restores into (the freshly built agent for the config is the one authority on shapes),
 * refuses NaN and infinite floats, and throws an AgentStateError naming the field; nothing is changed
 * unless the whole block fits (readers collect first, then `apply`).
 *
 * What "continue training" means: a run exported between episodes and imported into an agent built for
 * the same config continues exactly as if it had never stopped (same seed: the same next episodes),
 * because the blocks hold everything that outlives an episode: tables or weights, Adam's moments and
 * step count, counters (epsilon schedule, steps, updates), the replay buffer, Dyna-Q's model, the
 * random streams (agent and world). What lives only within an episode (eligibility traces, the search
 * tree, a policy-gradient rollout, the trainer's trail) is not kept: a run exported mid-episode resumes
 * at the start of a fresh episode.
 */
import {
  DTYPES,
  firstNonFinite,
  isStateName,
  packArray,
  unpackArray,
  type AgentState,
  type AnyTypedArray,
  type Dtype,
  type StateBlock,
} from '../config/packedArray';
import type { Rng } from './rng';

export type { AgentState, StateBlock, TrainedState } from '../config/packedArray';

/** A state block that does not fit the agent (or trainer) it is loaded into. */
export class AgentStateError extends Error {
  override name = 'AgentStateError';
}

/** The dtype a typed array packs as (Float64 stays f64: tables are saved exactly). */
function dtypeOf(a: AnyTypedArray): Dtype {
  for (const [k, C] of Object.entries(DTYPES)) if (a instanceof C) return k as Dtype;
  throw new AgentStateError('unsupported array type');
}

export class StateWriter {
  readonly block: StateBlock = { numbers: {}, arrays: {} };
  constructor(private readonly prefix = '') {}

  private key(name: string): string {
    const k = this.prefix + name;
    if (!isStateName(k)) throw new AgentStateError(`'${k}' is not a state name`);
    return k;
  }

  /** A number (NaN and infinities are written as null, e.g. no loss yet). */
  num(name: string, v: number | null): this {
    this.block.numbers[this.key(name)] = v !== null && Number.isFinite(v) ? v : null;
    return this;
  }

  arr(name: string, a: AnyTypedArray, dtype: Dtype = dtypeOf(a)): this {
    this.block.arrays[this.key(name)] = packArray(a, dtype);
    return this;
  }

  rng(name: string, rng: Rng): this {
    return this.arr(name, Uint32Array.from(rng.getState()), 'u32');
  }

  /** A writer into the same block whose names start with `prefix.` (a part: an optimizer, a network). */
  child(prefix: string): StateWriter {
    const w = new StateWriter(`${this.prefix}${prefix}.`);
    (w as { block: StateBlock }).block = this.block;
    return w;
  }
}

export interface NumberRule {
  min?: number;
  max?: number;
  int?: boolean;
  /** null is allowed (and returned). */
  nullable?: boolean;
}

export class StateReader {
  private readonly writes: (() => void)[] = [];
  constructor(
    private readonly block: StateBlock,
    /** What the block is, for messages ("the q-learning agent"). */
    private readonly what: string,
    private readonly prefix = '',
  ) {}

  fail(name: string, why: string): never {
    throw new AgentStateError(`${this.what}: ${this.prefix}${name} ${why}`);
  }

  has(name: string): boolean {
    return (
      Object.hasOwn(this.block.arrays, this.prefix + name) ||
      Object.hasOwn(this.block.numbers, this.prefix + name)
    );
  }

  num(name: string, rule: NumberRule & { nullable: true }): number | null;
  num(name: string, rule?: NumberRule): number;
  num(name: string, rule: NumberRule = {}): number | null {
    const k = this.prefix + name;
    if (!Object.hasOwn(this.block.numbers, k)) this.fail(name, 'is missing');
    const v = this.block.numbers[k];
    if (v === null) {
      if (rule.nullable) return null;
      this.fail(name, 'must be a number');
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(name, 'must be a finite number');
    if (rule.int && !Number.isInteger(v)) this.fail(name, 'must be a whole number');
    if (rule.min !== undefined && v < rule.min) this.fail(name, `must be at least ${rule.min} (is ${v})`);
    if (rule.max !== undefined && v > rule.max) this.fail(name, `must be at most ${rule.max} (is ${v})`);
    return v;
  }

  /** The decoded array `name`, checked to be of `target`'s type and `length` (default target's). */
  read<T extends AnyTypedArray>(name: string, target: T, length = target.length): T {
    const k = this.prefix + name;
    const p = Object.hasOwn(this.block.arrays, k) ? this.block.arrays[k] : undefined;
    if (!p) this.fail(name, 'is missing');
    const want = dtypeOf(target);
    if (p.dtype !== want && !(want === 'f64' && p.dtype === 'f32'))
      this.fail(name, `holds ${p.dtype} numbers, ${want} are needed`);
    if (p.length !== length)
      this.fail(
        name,
        `has ${p.length.toLocaleString('en')} numbers, the agent this config describes needs ${length.toLocaleString('en')}`,
      );
    const u = unpackArray(p);
    if (!u.ok) this.fail(name, u.error);
    const bad = firstNonFinite(u.array);
    if (bad >= 0) this.fail(name, `has ${u.array[bad]} at ${bad}`);
    return (
      u.array instanceof target.constructor
        ? u.array
        : (target.constructor as typeof Float64Array).from(u.array)
    ) as T;
  }

  /** Reads `name` into `target` (all of it) when the block is applied. */
  into(name: string, target: AnyTypedArray): this {
    const a = this.read(name, target);
    this.writes.push(() => target.set(a));
    return this;
  }

  /** Reads array `name` of up to target.length elements, `length` of them, into target's front. */
  prefixInto(name: string, target: AnyTypedArray, length: number): this {
    const a = this.read(name, target, length);
    this.writes.push(() => target.set(a));
    return this;
  }

  rng(name: string, rng: Rng): this {
    const s = this.read(name, new Uint32Array(4));
    if ((s[0] | s[1] | s[2] | s[3]) === 0) this.fail(name, 'is not a random generator state');
    this.writes.push(() => rng.setState(s));
    return this;
  }

  /** Queues a change made once every read has succeeded. */
  then(write: () => void): this {
    this.writes.push(write);
    return this;
  }

  /** A reader of the part `prefix.` of the same block, whose writes join this one's. */
  child(prefix: string): StateReader {
    const r = new StateReader(this.block, this.what, `${this.prefix}${prefix}.`);
    (r as unknown as { writes: (() => void)[] }).writes = this.writes;
    return r;
  }

  /** Makes every queued change (call once all reads are done). */
  apply(): void {
    for (const w of this.writes) w();
    this.writes.length = 0;
  }
}

/** Checks that a state is for an agent of `type`. */
export function readerFor(state: AgentState, type: string): StateReader {
  if (!state || typeof state !== 'object' || !state.numbers || !state.arrays)
    throw new AgentStateError(`the saved ${type} agent is not an agent state`);
  if (state.type !== type)
    throw new AgentStateError(`the saved agent is a ${String(state.type).slice(0, 40)}, not a ${type}`);
  return new StateReader(state, `the saved ${type} agent`);
}

/** A writer for an agent of `type`; `done()` gives its AgentState. */
export function writerFor(type: string): { w: StateWriter; done(): AgentState } {
  const w = new StateWriter();
  return { w, done: () => ({ type, ...w.block }) };
}
