/**
 * Loads TensorFlow.js and picks its backend. Imported only through createNeuralAgent (itself loaded by a
 * dynamic import), so the tabular path never carries tfjs.
 *
 * - 'auto': measured. The first time a network of a given shape asks for it, each backend that can
 *   start here (wasm and cpu; webgl only where a WebGL context can be made, so never in Node) runs a
 *   few update-like passes of that shape (probeUpdate: the tfjs layers of an MlpPass forward and
 *   backward, uploads and read-backs included; very large shapes are probed on fewer rows, so a probe
 *   stays within tens of ms), and the fastest wins, wasm (the most predictable) unless another is
 *   clearly faster (chooseBackend). The choice is cached in this module per shape, so for the life of
 *   the worker (or Node process) that shape is never probed again; nothing is persisted.
 * - 'wasm': the WebAssembly backend (single-threaded: threaded wasm breaks in minified builds),
 *   falling back to 'cpu'. Its .wasm files come from our build in the browser (`?url` imports in
 *   wasmUrls.ts) and from node_modules in Node (a file path prefix).
 * - 'webgl': the WebGL backend where available, else wasm, else cpu.
 * - 'cpu': plain JavaScript kernels.
 * The backend is global to tfjs; `activeBackend()` says which one is in use.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { BackendChoice } from '../../config/neuralAgents';

export type BackendName = 'wasm' | 'webgl' | 'cpu';

let wasmConfigured = false;

function inNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === 'string';
}

/** Whether this context can make a WebGL context at all (no Node, no OffscreenCanvas / document: no). */
function webglPossible(): boolean {
  if (inNode()) return false;
  try {
    const g = globalThis as {
      OffscreenCanvas?: new (w: number, h: number) => { getContext(k: string): unknown };
      document?: { createElement(t: string): { getContext(k: string): unknown } };
    };
    const canvas = g.OffscreenCanvas
      ? new g.OffscreenCanvas(1, 1)
      : g.document
        ? g.document.createElement('canvas')
        : null;
    return !!canvas && !!(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/** Directory of the .wasm files inside node_modules, as a file path ending in '/'. */
async function nodeWasmDir(): Promise<string> {
  const moduleName = 'node:module';
  const { createRequire } = (await import(/* @vite-ignore */ moduleName)) as {
    createRequire(from: string): { resolve(id: string): string };
  };
  const pkg = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json');
  return pkg.slice(0, -'package.json'.length) + 'dist/';
}

async function configureWasm(): Promise<void> {
  if (wasmConfigured) return;
  if (inNode()) setWasmPaths(await nodeWasmDir());
  else setWasmPaths((await import('./wasmUrls')).WASM_FILES);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  wasmConfigured = true;
}

async function trySetBackend(name: BackendName): Promise<boolean> {
  if (tf.getBackend() === name) return true;
  try {
    if (name === 'wasm') await configureWasm();
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

/** The tfjs part of one update of a network, as the probe runs it. */
export interface ProbeShape {
  /** Units per hidden layer. */
  hidden: number[];
  /** Output units (4 Q-values or logits). */
  outputs: number;
  /** Rows of one update's batch. */
  rows: number;
}

/** Largest matMul (rows x inputs x outputs multiply-adds) a probe pass runs; bigger shapes are probed
 *  on fewer rows (at 2^20, a pass on plain-JS kernels takes ~10 ms). */
export const PROBE_MACS = 1 << 20;
/** Timed passes per backend at most, and the time after which a backend's timing stops early. */
const PROBE_PASSES = 5;
const PROBE_MS = 60;
/** How much faster than wasm another backend must be to be chosen. */
export const PROBE_MARGIN = 1.25;

/** The shape the probe runs for an agent: its hidden layers, 4 outputs, and its update's rows (DQN's
 *  minibatch, and its next states for Double DQN; A2C's rollout; REINFORCE's longest episode). */
export function probeShape(
  cfg:
    | { type: 'dqn'; hidden: number[]; batchSize: number; doubleDqn: boolean }
    | { type: 'actor-critic'; hidden: number[]; nSteps: number }
    | { type: 'reinforce'; hidden: number[] },
  maxSteps: number,
): ProbeShape {
  const rows =
    cfg.type === 'dqn'
      ? cfg.batchSize * (cfg.doubleDqn ? 2 : 1)
      : cfg.type === 'actor-critic'
        ? cfg.nSteps
        : maxSteps;
  return { hidden: cfg.hidden, outputs: 4, rows };
}

/** The probe's layers (hidden to hidden, then to the outputs: the first layer runs in JS in MlpPass)
 *  and its rows, capped so that no matMul exceeds PROBE_MACS. */
export function probeLayers(shape: ProbeShape): { sizes: number[]; rows: number } {
  const sizes = [...shape.hidden, shape.outputs];
  let widest = 1;
  for (let l = 0; l + 1 < sizes.length; l++) widest = Math.max(widest, sizes[l] * sizes[l + 1]);
  const rows = Math.max(1, Math.min(shape.rows, Math.floor(PROBE_MACS / widest)));
  return { sizes, rows };
}

/** One update-like pass on the current backend: upload, forward through the layers, read back, then
 *  each layer's weight gradient and the gradient below it, read back as MlpPass does. */
function probePass(sizes: number[], rows: number, data: Float32Array): void {
  tf.tidy(() => {
    const hs: tf.Tensor2D[] = [];
    const ws: tf.Tensor2D[] = [];
    let h = tf.tensor2d(data.subarray(0, rows * sizes[0]), [rows, sizes[0]]);
    for (let l = 0; l + 1 < sizes.length; l++) {
      const w = tf.tensor2d(data.subarray(0, sizes[l] * sizes[l + 1]), [sizes[l], sizes[l + 1]]);
      const bias = tf.tensor1d(data.subarray(0, sizes[l + 1]));
      hs.push(h);
      ws.push(w);
      const activation = l + 2 < sizes.length ? 'relu' : 'linear';
      h = tf.fused.matMul({ a: h, b: w, bias, activation }) as tf.Tensor2D;
    }
    h.dataSync();
    const top = sizes.length - 1;
    let dz = tf.tensor2d(data.subarray(0, rows * sizes[top]), [rows, sizes[top]]);
    for (let l = top - 1; l >= 0; l--) {
      tf.matMul(tf.transpose(hs[l]), dz).dataSync();
      const dh = tf.matMul(dz, tf.transpose(ws[l]));
      if (l === 0) dh.dataSync();
      else dz = tf.mul(dh, tf.step(hs[l]));
    }
  });
}

/** Milliseconds per probe pass on the current backend: one untimed warm-up (shader compiles and the
 *  like), then the median of up to PROBE_PASSES timed passes, fewer once PROBE_MS have gone by. */
function timePasses(shape: ProbeShape): number {
  const { sizes, rows } = probeLayers(shape);
  let n = rows * Math.max(...sizes);
  for (let l = 0; l + 1 < sizes.length; l++) n = Math.max(n, sizes[l] * sizes[l + 1]);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = ((i * 7919) % 1000) / 1000 - 0.5;
  probePass(sizes, rows, data);
  const times: number[] = [];
  const t0 = performance.now();
  while (times.length < PROBE_PASSES && (times.length === 0 || performance.now() - t0 < PROBE_MS)) {
    const t = performance.now();
    probePass(sizes, rows, data);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export interface ProbeTiming {
  name: BackendName;
  /** Milliseconds per pass; null where the backend did not start or failed. */
  ms: number | null;
}

/** The backend to use given probe timings: the fastest, except that wasm stays unless the fastest is
 *  more than PROBE_MARGIN times faster (near ties go to the most predictable backend). Null when none
 *  was measured. */
export function chooseBackend(timings: readonly ProbeTiming[], margin = PROBE_MARGIN): BackendName | null {
  let best: ProbeTiming | null = null;
  for (const t of timings)
    if (t.ms !== null && Number.isFinite(t.ms) && (best === null || t.ms < best.ms!)) best = t;
  if (!best) return null;
  const wasm = timings.find((t) => t.name === 'wasm' && t.ms !== null && Number.isFinite(t.ms));
  if (wasm && wasm.ms! <= margin * best.ms!) return 'wasm';
  return best.name;
}

/** The backends 'auto' considers here, most predictable first. */
export function autoCandidates(webgl = webglPossible()): BackendName[] {
  return webgl ? ['wasm', 'webgl', 'cpu'] : ['wasm', 'cpu'];
}

/** Measures each candidate with `measure` (null: it could not run) and chooses among them. */
export async function probeBackends(
  candidates: readonly BackendName[],
  measure: (name: BackendName) => Promise<number | null>,
): Promise<{ choice: BackendName | null; timings: ProbeTiming[] }> {
  const timings: ProbeTiming[] = [];
  for (const name of candidates) {
    let ms: number | null;
    try {
      ms = await measure(name);
    } catch {
      ms = null;
    }
    timings.push({ name, ms });
  }
  return { choice: chooseBackend(timings), timings };
}

/** The backend to probe on: started and current, then timed (null where it cannot start). */
async function measureOn(name: BackendName, shape: ProbeShape): Promise<number | null> {
  if (!(await trySetBackend(name))) return null;
  return timePasses(shape);
}

/** 'auto' choices made so far in this worker / process, per probed shape, with their timings. */
const autoChoices = new Map<string, { choice: BackendName; timings: ProbeTiming[] }>();
/** The default shape probed when the caller gives none (a 64-64 network on a minibatch of 64). */
const DEFAULT_SHAPE: ProbeShape = { hidden: [64, 64], outputs: 4, rows: 64 };

const shapeKey = (s: ProbeShape) => `${s.hidden.join('x')}:${s.outputs}:${probeLayers(s).rows}`;

/** What 'auto' chose for a shape in this worker / process, and the timings it chose from (undefined
 *  before that shape was probed). */
export function autoChoice(
  shape: ProbeShape = DEFAULT_SHAPE,
): { choice: BackendName; timings: ProbeTiming[] } | undefined {
  return autoChoices.get(shapeKey(shape));
}

async function pickAuto(shape: ProbeShape): Promise<string> {
  const key = shapeKey(shape);
  const known = autoChoices.get(key);
  if (known && (await trySetBackend(known.choice))) return known.choice;
  const probed = await probeBackends(autoCandidates(), (name) => measureOn(name, shape));
  if (!probed.choice || !(await trySetBackend(probed.choice)))
    throw new Error('no TensorFlow.js backend could start (tried ' + autoCandidates().join(', ') + ')');
  autoChoices.set(key, { choice: probed.choice, timings: probed.timings });
  return probed.choice;
}

async function pick(choice: BackendChoice, shape: ProbeShape): Promise<string> {
  tf.enableProdMode();
  if (choice === 'auto') return pickAuto(shape);
  const order: BackendName[] =
    choice === 'webgl' ? ['webgl', 'wasm', 'cpu'] : choice === 'cpu' ? ['cpu'] : ['wasm', 'cpu'];
  for (const name of order) if (await trySetBackend(name)) return name;
  throw new Error('no TensorFlow.js backend could start (tried ' + order.join(', ') + ')');
}

let queue: Promise<unknown> = Promise.resolve();

/** Makes the asked-for backend (or the best fallback; for 'auto', the one measured fastest for this
 *  network shape) current; resolves to the one in use. Calls are serialised, so two runs created at
 *  once never initialise a backend (or probe) twice. */
export function setupBackend(choice: BackendChoice, shape: ProbeShape = DEFAULT_SHAPE): Promise<string> {
  const next = queue.then(() => pick(choice, shape));
  queue = next.catch(() => undefined);
  return next;
}

/** Makes a backend that setupBackend already started current again. Synchronous: for a registered
 *  backend tf.setBackend switches before its first await. Lets agents on different backends share a
 *  worker (they hold no tensors between updates). */
export function switchBackend(name: string): void {
  if (tf.getBackend() !== name) void tf.setBackend(name);
}

/** The tfjs backend in use now ('wasm', 'webgl' or 'cpu'). */
export function activeBackend(): string {
  return tf.getBackend();
}
