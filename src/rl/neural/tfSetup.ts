/**
 * Loads TensorFlow.js and picks its backend. Imported only through createNeuralAgent (itself loaded by a
 * dynamic import), so the tabular path never carries tfjs.
 *
 * - 'auto' and 'wasm': the WebAssembly backend (single-threaded: threaded wasm breaks in minified builds),
 *   falling back to 'cpu'. Its .wasm files come from our build in the browser (`?url` imports in
 *   wasmUrls.ts) and from node_modules in Node (a file path prefix).
 * - 'webgl': the WebGL backend where available, else wasm, else cpu.
 * - 'cpu': plain JavaScript kernels.
 * The backend is global to tfjs; `activeBackend()` says which one is in use.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { BackendChoice } from '../../config/neuralAgents';

let wasmConfigured = false;

function inNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === 'string';
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

async function trySetBackend(name: 'wasm' | 'webgl' | 'cpu'): Promise<boolean> {
  if (tf.getBackend() === name) return true;
  try {
    if (name === 'wasm') await configureWasm();
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

async function pick(choice: BackendChoice): Promise<string> {
  tf.enableProdMode();
  const order: ('wasm' | 'webgl' | 'cpu')[] =
    choice === 'webgl' ? ['webgl', 'wasm', 'cpu'] : choice === 'cpu' ? ['cpu'] : ['wasm', 'cpu'];
  for (const name of order) if (await trySetBackend(name)) return name;
  throw new Error('no TensorFlow.js backend could start (tried ' + order.join(', ') + ')');
}

let queue: Promise<unknown> = Promise.resolve();

/** Makes the asked-for backend (or the best fallback) current; resolves to the one in use. Calls are
 *  serialised, so two runs created at once never initialise a backend twice. */
export function setupBackend(choice: BackendChoice): Promise<string> {
  const next = queue.then(() => pick(choice));
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
