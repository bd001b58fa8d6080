// @vitest-environment node
/**
 * The agents' plain-JS Adam (src/rl/neural/adam.ts) against tfjs's own optimizer, tf.train.adam, with
 * its defaults (beta1 0.9, beta2 0.999, epsilon the float32 backend's 1e-7): the same weights, fed the
 * same gradients, must stay within 1e-5 of each other after one step and after 100.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Adam } from '../../src/rl/neural/adam';
import { setupBackend } from '../../src/rl/neural/tfSetup';
import { Rng } from '../../src/rl/rng';

const TOLERANCE = 1e-5;
const LR = 0.01;

/** Two parameter arrays (a weight matrix and a bias, as an Mlp layer has). */
const SIZES = [48, 6];

function randomArray(rng: Rng, n: number, scale: number): Float32Array {
  return Float32Array.from({ length: n }, () => (2 * rng.next() - 1) * scale);
}

/** The gradient of step t: mixed magnitudes and signs, some zeros, changing from step to step. */
function gradient(rng: Rng, n: number, t: number): Float32Array {
  return Float32Array.from({ length: n }, (_, i) =>
    (i + t) % 7 === 0 ? 0 : (2 * rng.next() - 1) * 10 ** ((i % 5) - 3),
  );
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

/** Runs `steps` Adam steps both ways from the same start; returns the largest weight difference after
 *  each step, and how far the weights moved in all. */
function compare(steps: number): { diffs: number[]; moved: number } {
  const init = new Rng(7);
  const params = SIZES.map((n) => randomArray(init, n, 0.5));
  const start = params.map((p) => p.slice());
  const grads = SIZES.map((n) => new Float32Array(n));
  const ours = new Adam(params, grads, LR);
  const vars = start.map((p, i) => tf.variable(tf.tensor1d(p), true, `adam_test_${steps}_${i}`));
  const theirs = tf.train.adam(LR);
  const rng = new Rng(11);
  const diffs: number[] = [];
  for (let t = 0; t < steps; t++) {
    const g = SIZES.map((n) => gradient(rng, n, t));
    g.forEach((gi, i) => grads[i].set(gi));
    ours.step();
    tf.tidy(() => theirs.applyGradients(vars.map((v, i) => ({ name: v.name, tensor: tf.tensor1d(g[i]) }))));
    diffs.push(Math.max(...vars.map((v, i) => maxDiff(params[i], v.dataSync()))));
  }
  const moved = Math.max(...params.map((p, i) => maxDiff(p, start[i])));
  theirs.dispose();
  tf.dispose(vars);
  return { diffs, moved };
}

describe('Adam (adam.ts) against tf.train.adam', () => {
  beforeAll(async () => {
    await setupBackend('wasm');
  });

  it('takes the same first step', () => {
    const { diffs, moved } = compare(1);
    // The first step moves every weight with a nonzero gradient by about the learning rate.
    expect(moved).toBeGreaterThan(0.5 * LR);
    expect(diffs[0]).toBeLessThan(TOLERANCE);
  });

  it('stays on the same path for 100 steps', () => {
    const { diffs, moved } = compare(100);
    expect(moved).toBeGreaterThan(10 * LR);
    expect(Math.max(...diffs)).toBeLessThan(TOLERANCE);
  });

  it('resumes where it stopped: moments and step count survive a state round trip', async () => {
    const { StateWriter, StateReader } = await import('../../src/rl/agentState');
    const make = () => {
      const p = [Float32Array.from({ length: 5 }, (_, i) => i / 10)];
      const g = [new Float32Array(5)];
      return { p, g, opt: new Adam(p, g, LR) };
    };
    const a = make();
    const rng = new Rng(3);
    for (let t = 0; t < 3; t++) {
      a.g[0].set(gradient(rng, 5, t));
      a.opt.step();
    }
    const w = new StateWriter();
    a.opt.writeState(w);
    const b = make();
    b.p[0].set(a.p[0]);
    const r = new StateReader(w.block, 'adam');
    b.opt.readState(r);
    r.apply();
    const g = gradient(rng, 5, 3);
    a.g[0].set(g);
    b.g[0].set(g);
    a.opt.step();
    b.opt.step();
    expect(Array.from(b.p[0])).toEqual(Array.from(a.p[0]));
  });
});
