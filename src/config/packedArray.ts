/**
 * The packed arrays and state blocks of a trained run (the file format is agentFile.ts): typed arrays
 * as base64 of their little-endian bytes, with their element type and length. Kept apart from the
 * file's zod schema so the training worker and the metrics (first-load code) carry no zod.
 */
import { FORBIDDEN_KEYS } from './safeJson';

/** Element types of a packed array and their typed-array classes. */
export const DTYPES = {
  f64: Float64Array,
  f32: Float32Array,
  i32: Int32Array,
  u32: Uint32Array,
  u8: Uint8Array,
} as const;
export type Dtype = keyof typeof DTYPES;
export type AnyTypedArray =
  | Float64Array<ArrayBufferLike>
  | Float32Array<ArrayBufferLike>
  | Int32Array<ArrayBufferLike>
  | Uint32Array<ArrayBufferLike>
  | Uint8Array<ArrayBufferLike>;

/** Most elements one array may have (the largest network's weights are ~2.2 million). */
export const MAX_ARRAY_LENGTH = 20_000_000;
/** Most numbers and arrays one block may name. */
export const MAX_BLOCK_ENTRIES = 64;

export interface PackedArray {
  dtype: Dtype;
  length: number;
  /** The elements' bytes, little-endian, in base64. */
  data: string;
}

/** Named numbers (null: none, e.g. no first success yet or no loss yet) and named arrays. */
export interface StateBlock {
  numbers: Record<string, number | null>;
  arrays: Record<string, PackedArray>;
}

/** An agent's learned state (Agent.exportState): its type, counters and tables or weights. */
export interface AgentState extends StateBlock {
  type: string;
}

/** What a trained run is: the agent, the trainer's own counters (steps, visits, the world's random
 *  stream) and the run's metrics summary (RunMetrics.toJSON). */
export interface TrainedState {
  agent: AgentState;
  trainer: StateBlock;
  metrics: StateBlock;
}

// ---------- packing ----------

const NAME = /^[A-Za-z][A-Za-z0-9_.]{0,47}$/;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function bytesOf(a: AnyTypedArray): Uint8Array {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  if (LITTLE_ENDIAN || a.BYTES_PER_ELEMENT === 1) return bytes;
  const out = new Uint8Array(bytes.length);
  const w = a.BYTES_PER_ELEMENT;
  for (let i = 0; i < bytes.length; i += w) for (let k = 0; k < w; k++) out[i + k] = bytes[i + w - 1 - k];
  return out;
}

const CHUNK = 0x8000;

/** A typed array as a PackedArray (`dtype` converts, e.g. a Float64Array stored as f32). */
export function packArray(a: AnyTypedArray | ArrayLike<number>, dtype: Dtype): PackedArray {
  const typed =
    a instanceof DTYPES[dtype] ? (a as AnyTypedArray) : DTYPES[dtype].from(a as ArrayLike<number>);
  const bytes = bytesOf(typed);
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK)
    parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]));
  return { dtype, length: typed.length, data: btoa(parts.join('')) };
}

/** The number of base64 characters (with padding) of n bytes. */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

/** A PackedArray's elements, or a message saying what is wrong with it (never throws). */
export function unpackArray(
  p: PackedArray,
): { ok: true; array: AnyTypedArray } | { ok: false; error: string } {
  const Ctor = DTYPES[p.dtype];
  const bytes = p.length * Ctor.BYTES_PER_ELEMENT;
  if (p.data.length !== base64Length(bytes))
    return {
      ok: false,
      error: `holds ${p.data.length.toLocaleString('en')} base64 characters, ${p.length.toLocaleString('en')} ${p.dtype} numbers need ${base64Length(bytes).toLocaleString('en')} (the file may be cut short)`,
    };
  let binary: string;
  try {
    binary = atob(p.data);
  } catch {
    return { ok: false, error: 'is not valid base64' };
  }
  if (binary.length !== bytes) return { ok: false, error: 'is not valid base64' };
  const buf = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) buf[i] = binary.charCodeAt(i);
  if (!LITTLE_ENDIAN && Ctor.BYTES_PER_ELEMENT > 1) {
    const w = Ctor.BYTES_PER_ELEMENT;
    for (let i = 0; i < bytes; i += w) buf.subarray(i, i + w).reverse();
  }
  return { ok: true, array: new Ctor(buf.buffer) };
}

/** The index of the first NaN or infinite element of a float array, or -1. */
export function firstNonFinite(a: AnyTypedArray): number {
  if (!(a instanceof Float64Array || a instanceof Float32Array)) return -1;
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return i;
  return -1;
}

/** The state with every f64 array stored as f32 (half the size; values keep ~7 significant digits):
 *  for browser storage, where a 50 x 50 Q table must fit. Counts and weights are unchanged. */
export function compactState(state: TrainedState): TrainedState {
  const shrink = (b: StateBlock): StateBlock => {
    const arrays: Record<string, PackedArray> = {};
    for (const [k, p] of Object.entries(b.arrays)) {
      const u = p.dtype === 'f64' ? unpackArray(p) : null;
      arrays[k] = u?.ok ? packArray(u.array, 'f32') : p;
    }
    return { numbers: { ...b.numbers }, arrays };
  };
  return {
    agent: { type: state.agent.type, ...shrink(state.agent) },
    trainer: shrink(state.trainer),
    metrics: shrink(state.metrics),
  };
}

/** Whether a name may appear in a block (the schema and the writers both check it). */
export function isStateName(name: string): boolean {
  return NAME.test(name) && !FORBIDDEN_KEYS.has(name);
}
