/**
 * Loads TensorFlow.js and picks its backend. Imported only through createNeuralAgent (itself loaded by a
 * dynamic import), so the tabular path never carries tfjs.
 *
 * - 'auto': measured. The first time a network of a given shape asks for it, the backends it weighs
 *   (autoCandidates: wasm, and webgl where a hardware WebGL context can be made, so never in Node or on
 *   a software renderer, where 'auto' is wasm with nothing to time) each run a few update-like passes of that shape, interleaved, each
 *   backend's fastest kept (probePass: the tfjs layers of an MlpPass forward and backward, uploads and
 *   read-backs included; large shapes are probed on fewer rows), and the fastest wins, wasm (the most
 *   predictable) unless another is clearly faster (chooseBackend); cpu if neither starts. The choice
 *   is cached in this module per shape, so for the life of the worker (or Node process) that shape is
 *   never probed again; nothing is persisted.
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

/** Renderers that draw WebGL on the CPU: never faster than wasm, and their shader compiles alone take
 *  hundreds of ms (headless Chromium's SwiftShader: a 64-64 pass 7.6 ms against wasm's 0.3). */
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** Whether this context can make a hardware WebGL context (no Node, no OffscreenCanvas / document, or
 *  a software renderer: no). */
export function webglPossible(): boolean {
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
    const gl = (canvas?.getContext('webgl2') ?? canvas?.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return !SOFTWARE_GL.test(renderer);
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
 *  on fewer rows (a 4 x 512 pass at 2^18 takes ~3 ms on wasm). */
export const PROBE_MACS = 1 << 18;
/** Timed rounds (one pass per backend each): at least PROBE_MIN_ROUNDS, then more up to PROBE_ROUNDS
 *  while PROBE_MS have not gone by. */
const PROBE_MIN_ROUNDS = 3;
const PROBE_ROUNDS = 6;
const PROBE_MS = 60;
/** A backend this many times slower than the fastest after a round is timed no more. */
const PROBE_DROP = 4;
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

/** A probe pass's inputs for a shape, and a function timing one pass on the current backend. */
function passTimer(shape: ProbeShape): () => number {
  const { sizes, rows } = probeLayers(shape);
  let n = rows * Math.max(...sizes);
  for (let l = 0; l + 1 < sizes.length; l++) n = Math.max(n, sizes[l] * sizes[l + 1]);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = ((i * 7919) % 1000) / 1000 - 0.5;
  return () => {
    const t = performance.now();
    probePass(sizes, rows, data);
    return performance.now() - t;
  };
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

/**
 * The backends 'auto' measures here, most predictable first: wasm, and webgl where a hardware WebGL
 * context can be made (webglPossible). Not cpu: its plain-JS kernels measured 3-8 times slower than wasm at every probed size (a
 * 64-64 pass 1.1-2.4 ms against 0.3-0.6; 4 x 512 units, 38 ms against 9) and their first use alone
 * costs ~250 ms of JIT warm-up, so timing them never changed the choice and took most of the budget;
 * cpu is the fallback when neither starts.
 */
export function autoCandidates(webgl = webglPossible()): BackendName[] {
  return webgl ? ['wasm', 'webgl'] : ['wasm'];
}

/**
 * Starts each candidate (`start`: false or a throw where it cannot); if only one starts it is the
 * choice, untimed. Otherwise runs one untimed warm-up pass on each (shader compiles and the like), then
 * rounds of one timed pass per backend, interleaved so that a burst of load from elsewhere falls on all
 * of them alike, and keeps each backend's fastest pass (load only ever adds time). Runs `minRounds`
 * rounds, then more up to `rounds` while `budgetMs` have not gone by; after each round a backend more
 * than PROBE_DROP times slower than the fastest is timed no more. A backend whose pass throws counts as
 * unavailable.
 */
export async function probeBackends(
  candidates: readonly BackendName[],
  start: (name: BackendName) => Promise<boolean>,
  pass: (name: BackendName) => number,
  rounds = PROBE_ROUNDS,
  budgetMs = PROBE_MS,
  minRounds = PROBE_MIN_ROUNDS,
): Promise<{ choice: BackendName | null; timings: ProbeTiming[] }> {
  const best = new Map<BackendName, number>();
  const live: BackendName[] = [];
  const attempt = (name: BackendName): number | null => {
    try {
      return pass(name);
    } catch {
      live.splice(live.indexOf(name), 1);
      best.delete(name);
      return null;
    }
  };
  for (const name of candidates) {
    let ok: boolean;
    try {
      ok = await start(name);
    } catch {
      ok = false;
    }
    if (ok) live.push(name);
  }
  const untimed = () => candidates.map((name) => ({ name, ms: null }));
  if (live.length < 2) return { choice: live[0] ?? null, timings: untimed() };
  for (const name of [...live]) attempt(name);
  const timing = new Set(live);
  const t0 = performance.now();
  for (let r = 0; r < rounds && timing.size > 0; r++) {
    if (r >= minRounds && performance.now() - t0 > budgetMs) break;
    for (const name of live) {
      if (!timing.has(name)) continue;
      const ms = attempt(name);
      if (ms === null) timing.delete(name);
      else best.set(name, Math.min(ms, best.get(name) ?? Infinity));
    }
    const fastest = Math.min(...best.values());
    for (const name of timing) if (best.get(name)! > PROBE_DROP * fastest) timing.delete(name);
  }
  const timings = candidates.map((name) => ({ name, ms: best.get(name) ?? null }));
  return { choice: chooseBackend(timings), timings };
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
  const timed = passTimer(shape);
  const candidates = autoCandidates();
  const probed = await probeBackends(candidates, trySetBackend, (name) => {
    switchBackend(name);
    return timed();
  });
  let choice = probed.choice;
  if (!choice || !(await trySetBackend(choice))) choice = (await trySetBackend('cpu')) ? 'cpu' : null;
  if (!choice)
    throw new Error(`no TensorFlow.js backend could start (tried ${[...candidates, 'cpu'].join(', ')})`);
  autoChoices.set(key, { choice, timings: probed.timings });
  return choice;
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
