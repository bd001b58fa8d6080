/** Pieces the neural agents share: what they add to Agent, argmax, softmax sampling, divergence check. */
import type { Agent, AgentDiagnostics } from '../agent';
import type { Rng } from '../rng';

/** A tfjs agent: an Agent plus what the UI shows about its training. */
export interface NeuralAgent extends Agent {
  /** The tfjs backend its tensors live on: 'wasm', 'webgl' or 'cpu'. */
  readonly backend: string;
  /** Gradient steps taken so far. */
  readonly updates: number;
  /** Loss of the last gradient step (NaN before the first). */
  readonly loss: number;
}

/** What a neural agent reports to the views: its backend and its last loss (null until it is finite). */
export function neuralDiagnostics(agent: Pick<NeuralAgent, 'backend' | 'loss'>): AgentDiagnostics {
  return { backend: agent.backend, loss: Number.isFinite(agent.loss) ? agent.loss : null };
}

/** Index of the largest of v[off .. off + n), counted from off, ties broken by the lowest index: the
 *  exact argmax a network acts and bootstraps on while training (greedy moves: src/rl/greedy.ts). */
export function argmax(v: Float32Array, n = v.length, off = 0): number {
  let best = 0;
  for (let i = 1; i < n; i++) if (v[off + i] > v[off + best]) best = i;
  return best;
}

/** Writes softmax(logits[0 .. n)) into out[off .. off + n). */
export function softmax(logits: Float32Array, n: number, out: Float64Array, off = 0): void {
  let m = -Infinity;
  for (let i = 0; i < n; i++) if (logits[i] > m) m = logits[i];
  let z = 0;
  for (let i = 0; i < n; i++) z += out[off + i] = Math.exp(logits[i] - m);
  for (let i = 0; i < n; i++) out[off + i] /= z;
}

/** Draws an index from softmax(logits[0 .. n)), using `scratch` (length >= n) for the probabilities. */
export function sampleSoftmax(logits: Float32Array, n: number, rng: Rng, scratch: Float64Array): number {
  softmax(logits, n, scratch);
  let u = rng.next();
  for (let i = 0; i < n - 1; i++) {
    u -= scratch[i];
    if (u < 0) return i;
  }
  return n - 1;
}

/** Throws the message the UI and CLI show when training blew up. */
export function checkLoss(loss: number, type: string, learningRate: number, steps: number): void {
  if (Number.isFinite(loss)) return;
  throw new Error(
    `the ${type} run diverged: its loss became ${loss} after ${steps} steps. ` +
      `Try a smaller learning rate (now ${learningRate}, e.g. ${Number((learningRate / 10).toPrecision(2))}).`,
  );
}
