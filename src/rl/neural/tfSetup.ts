/**
 * Loads TensorFlow.js and picks its backend. Imported only through createNeuralAgent (itself loaded by a
 * dynamic import), so the tabular path never carries tfjs. Only tfjs's core and its backends are
 * imported (the ops MlpPass runs: fused matMul, matMul, transpose, slice, sum, mul, step): the wasm
 * backend statically (the usual choice), cpu and webgl by dynamic import the first time they are asked
 * for, so a page that never uses them never fetches them.
 *
 * - 'auto': measured. The first time a network of a given shape asks for it, the backends it weighs
 *   (autoCandidates: wasm, and webgl where a hardware WebGL context can be made, so never in Node or on
 *   a software renderer, where 'auto' is wasm with nothing to time) each run a few real updates of that
 *   shape (probeWorkload: an MlpPass forward and backward on an Mlp of the agent's hidden layers and
 *   outputs, as an update runs it; large shapes on fewer rows), interleaved, each backend's fastest kept,
 *   and the fastest wins, wasm (the most predictable) unless another is clearly faster (chooseBackend);
 *   cpu if neither starts. A shape whose update runs no tfjs kernel at all is not timed (the backends
 *   could only differ by noise), so it takes wasm: DQN on a CellPass (the default 64-64 DQN on any grid:
 *   cellPass.ts; probeShape's plainJs), and an MlpPass with one hidden layer on a small batch
 *   (mlpPass.ts). So the probe never times a workload the update does not run. (DQN's curiosity
 *   predictor, a small MlpPass of its own, is left out of the probe.)
 *   The choice is cached in this module per shape, so for the life of the worker (or Node process)
 *   that shape is never probed again; nothing is persisted.
 * - 'wasm': the WebAssembly backend (single-threaded: threaded wasm breaks in minified builds),
 *   falling back to 'cpu'. Its .wasm files come from our build in the browser (`?url` imports in
 *   wasmUrls.ts) and from node_modules in Node (a file path prefix).
 * - 'webgl': the WebGL backend where available, else wasm, else cpu.
 * - 'cpu': plain JavaScript kernels.
 * The backend is global to tfjs; `activeBackend()` says which one is in use.
 */
import * as tf from '@tensorflow/tfjs-core';
// Registers the wasm backend and its kernels.
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { BackendChoice } from '../../config/neuralAgents';
import { Rng } from '../rng';
import { Mlp } from './mlp';
import { cellPassFits } from './cellPass';
import { JS_OUTPUT_MACS, MlpPass, tfjsLayers } from './mlpPass';
import { CellInputs, type Encoder } from './observations';

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

/** Registers a backend's kernels: cpu and webgl are imported on first use. */
async function loadBackend(name: BackendName): Promise<void> {
  if (name === 'wasm') await configureWasm();
  else if (name === 'cpu') await import('@tensorflow/tfjs-backend-cpu');
  else await import('@tensorflow/tfjs-backend-webgl');
}

async function trySetBackend(name: BackendName): Promise<boolean> {
  if (tf.getBackend() === name) return true;
  try {
    await loadBackend(name);
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

/** One update of an agent's networks, as the probe runs it. */
export interface ProbeShape {
  /** Units per hidden layer. */
  hidden: number[];
  /** Output units of each network an update trains: [4] for DQN's Q-network, [4, 1] for a policy and
   *  its critic (or baseline), [4] for REINFORCE without a baseline. */
  outputs: number[];
  /** Rows each network's forward pass evaluates, and the first gradRows of them its backward pass
   *  takes (Double DQN evaluates its minibatch's next states too). */
  rows: number;
  gradRows: number;
  /** Set when the update runs in plain JS whatever the backend (DQN on a CellPass, cellPass.ts): then
   *  there is nothing to time and 'auto' takes wasm without a probe. */
  plainJs?: true;
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

/** The update the probe runs for an agent: its hidden layers, its networks' outputs, and its update's
 *  rows (DQN's minibatch, and its next states for Double DQN; A2C's rollout; REINFORCE's longest
 *  episode). The curiosity predictor's own small update is left out. */
export function probeShape(
  cfg:
    | { type: 'dqn'; hidden: number[]; batchSize: number; doubleDqn: boolean }
    | { type: 'actor-critic'; hidden: number[]; nSteps: number }
    | { type: 'reinforce'; hidden: number[]; baseline: boolean },
  maxSteps: number,
  /** The grid's cells, when known: a DQN update whose pass is a CellPass on them runs no kernel. */
  cells?: number,
): ProbeShape {
  if (cfg.type === 'dqn') {
    const rows = cfg.batchSize * (cfg.doubleDqn ? 2 : 1);
    const shape: ProbeShape = { hidden: cfg.hidden, outputs: [4], rows, gradRows: cfg.batchSize };
    if (cells !== undefined && cellPassFits([cells, ...cfg.hidden, 4], rows, cells)) shape.plainJs = true;
    return shape;
  }
  const rows = cfg.type === 'actor-critic' ? cfg.nSteps : maxSteps;
  const critic = cfg.type === 'actor-critic' || cfg.baseline;
  return { hidden: cfg.hidden, outputs: critic ? [4, 1] : [4], rows, gradRows: rows };
}

/** The probe's rows (and gradient rows), scaled down so that no tfjs matMul exceeds PROBE_MACS. */
export function probeRows(shape: ProbeShape): { rows: number; gradRows: number } {
  const sizes = [...shape.hidden, Math.max(...shape.outputs)];
  let widest = 1;
  for (let l = 0; l + 1 < sizes.length; l++) widest = Math.max(widest, sizes[l] * sizes[l + 1]);
  const rows = Math.max(1, Math.min(shape.rows, Math.floor(PROBE_MACS / widest)));
  const gradRows = Math.max(1, Math.round((rows * shape.gradRows) / shape.rows));
  return { rows, gradRows };
}

/** Cells (one-hot inputs) of the probe's networks: their first layer runs in JS, the same on every
 *  backend, so its width does not change the choice. */
const PROBE_CELLS = 64;
const PROBE_ENCODER: Encoder = {
  kind: 'one-hot',
  size: PROBE_CELLS,
  encode(s, out, off) {
    out.fill(0, off, off + PROBE_CELLS);
    out[off + s] = 1;
  },
};

/**
 * The probe's workload: a real update of the shape's networks, i.e. each network's MlpPass forward on
 * `rows` cells and backward on the first gradRows (the same layers in JS and in tfjs as in training,
 * also when probeRows scales a big shape down),
 * without the loss and Adam (plain JS, the same on every backend). `kernels`: how many of the
 * networks' layers run as tfjs kernels (0: the backend cannot matter).
 */
export function probeWorkload(shape: ProbeShape): { kernels: number; run(backend: string): void } {
  const { rows, gradRows } = probeRows(shape);
  const inputs = new CellInputs(PROBE_ENCODER, PROBE_CELLS);
  const rng = new Rng(1);
  const nets = shape.outputs.map((o) => new Mlp([PROBE_CELLS, ...shape.hidden, o], rng));
  // On fewer rows than the update's, the output layer's JS / tfjs limit scales along, so that the probe
  // runs the same layers in tfjs as the update does.
  const jsOutputMacs = (JS_OUTPUT_MACS * rows) / shape.rows;
  const passes = nets.map((net) => new MlpPass(net, inputs, jsOutputMacs));
  const grads = nets.map((net) => new Float32Array(net.params.length));
  const dOuts = shape.outputs.map((o) =>
    Float32Array.from({ length: gradRows * o }, (_, i) => ((i * 7919) % 1000) / 1000 - 0.5),
  );
  const cells = Int32Array.from({ length: rows }, (_, k) => (k * 7) % PROBE_CELLS);
  let kernels = 0;
  if (!shape.plainJs) for (const net of nets) kernels += tfjsLayers(net.sizes, shape.rows);
  return {
    kernels,
    run: (backend) =>
      tidyOn(backend, () => {
        for (let i = 0; i < passes.length; i++) {
          passes[i].forward(cells, rows, gradRows);
          passes[i].backward(dOuts[i], grads[i]);
        }
      }),
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
const DEFAULT_SHAPE: ProbeShape = { hidden: [64, 64], outputs: [4], rows: 64, gradRows: 64 };

const shapeKey = (s: ProbeShape) => {
  const { rows, gradRows } = probeRows(s);
  return `${s.hidden.join('x')}:${s.outputs.join(',')}:${rows}/${gradRows}${s.plainJs ? ':js' : ''}`;
};

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
  const work = probeWorkload(shape);
  // No tfjs kernel in this update (a plain-JS CellPass, or an MlpPass whose layers all run in JS):
  // nothing to time, the most predictable backend (probeBackends times no lone candidate).
  const candidates: BackendName[] = work.kernels > 0 ? autoCandidates() : ['wasm'];
  const probed = await probeBackends(candidates, trySetBackend, (name) => {
    const t = performance.now();
    work.run(name);
    return performance.now() - t;
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

/** Runs `fn` (one update's tfjs work) on `backend` inside tf.tidy, so no tensor outlives it. */
export function tidyOn<T extends number | void>(backend: string, fn: () => T): T {
  switchBackend(backend);
  return tf.tidy(fn) as T;
}

/** The tfjs backend in use now ('wasm', 'webgl' or 'cpu'). */
export function activeBackend(): string {
  return tf.getBackend();
}
