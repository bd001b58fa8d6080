// @vitest-environment node
/**
 * The hand-written updates against tfjs's gradient tape: MlpPass (JS first layer, fused kernels, the
 * backward pass written out) with the per-sample losses of losses.ts must give the gradients that
 * tf.grads computes for the same loss written as plain tfjs ops (the agents' former tfjs graphs).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ObservationKind } from '../../src/config/neuralAgents';
import { parseConfig } from '../../src/config/schema';
import { compileGrid, isActive, N_ACTIONS, type Grid } from '../../src/rl/grid';
import { tdTargets } from '../../src/rl/neural/dqn';
import { huberTd, meanSquaredError, policyGradient } from '../../src/rl/neural/losses';
import { Mlp } from '../../src/rl/neural/mlp';
import { JS_OUTPUT_MACS, MlpPass } from '../../src/rl/neural/mlpPass';
import { CellInputs, createEncoder } from '../../src/rl/neural/observations';
import { setupBackend, tidyOn } from '../../src/rl/neural/tfSetup';
import { Rng } from '../../src/rl/rng';

const TOLERANCE = 1e-5;

function grid(): Grid {
  const r = parseConfig({
    version: 2,
    env: { grid: ['S..#..', '.X....', '..#..$', '....#.', '.C...G'] },
    agent: { type: 'random' },
  });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return compileGrid(r.config.env);
}

const g = grid();
const active = Array.from({ length: g.nStates }, (_, s) => s).filter((s) => isActive(g, s));

/** A network with every weight and bias random, so that some ReLUs are on and some off per sample. */
function randomNet(sizes: number[], rng: Rng): Mlp {
  const net = new Mlp(sizes, rng);
  for (let i = 0; i < net.params.length; i++) net.params[i] += (rng.next() - 0.5) * 0.4;
  return net;
}

/** The batch forward pass as plain tfjs ops, on weights given as tensors (what the tape differentiates). */
function apply(params: tf.Tensor[], x: tf.Tensor2D): tf.Tensor2D {
  let h: tf.Tensor2D = x;
  for (let l = 0; l < params.length / 2; l++) {
    h = tf.add(tf.matMul(h, params[2 * l]), params[2 * l + 1]);
    if (l + 1 < params.length / 2) h = tf.relu(h);
  }
  return h;
}

function tensors(net: Mlp): tf.Tensor[] {
  return net.weights.map((w, i) => tf.tensor(w, net.shapes[i]));
}

/** Dense observations of the cells, [cells.length, size]. */
function observations(inputs: CellInputs, kind: ObservationKind, cells: ArrayLike<number>): tf.Tensor2D {
  const enc = createEncoder(kind, g);
  const xs = new Float32Array(cells.length * enc.size);
  for (let k = 0; k < cells.length; k++) enc.encode(cells[k], xs, k * enc.size);
  return tf.tensor2d(xs, [cells.length, inputs.size]);
}

function randomCells(rng: Rng, b: number): Int32Array {
  return Int32Array.from({ length: b }, () => active[rng.int(active.length)]);
}

/** Largest gap between the two gradients, relative to the largest tape gradient of the same tensor. */
function expectClose(net: Mlp, grad: Float32Array, tape: tf.Tensor[]): void {
  expect(tape.length).toBe(net.weights.length);
  let off = 0;
  tape.forEach((t, i) => {
    const want = t.dataSync();
    const got = grad.subarray(off, (off += want.length));
    let scale = 0;
    let gap = 0;
    for (let k = 0; k < want.length; k++) {
      scale = Math.max(scale, Math.abs(want[k]));
      gap = Math.max(gap, Math.abs(got[k] - want[k]));
    }
    expect(scale, `tensor ${i} has a gradient`).toBeGreaterThan(0);
    expect(gap / scale, `tensor ${i} (${net.shapes[i].join(' x ')})`).toBeLessThan(TOLERANCE);
  });
}

function huberTape(d: tf.Tensor): tf.Scalar {
  const a = tf.abs(d);
  const quad = tf.minimum(a, 1);
  return tf.mean(tf.add(tf.mul(tf.square(quad), 0.5), tf.sub(a, quad)));
}

/** Networks and batch sizes: small batches run the output layer in JS, large ones in tfjs. */
const NETS: { kind: ObservationKind; hidden: number[]; batch: number }[] = [
  { kind: 'one-hot', hidden: [64, 64], batch: 32 },
  { kind: 'one-hot', hidden: [64, 64], batch: 160 },
  { kind: 'local-view', hidden: [32, 16, 8], batch: 24 },
  { kind: 'local-view', hidden: [32, 16, 8], batch: 900 },
  { kind: 'xy', hidden: [24], batch: 20 },
  { kind: 'xy', hidden: [128], batch: 100 },
];

it('the cases cover both forms of the output layer', () => {
  const macs = NETS.map(({ hidden, batch }) => batch * hidden[hidden.length - 1] * N_ACTIONS);
  expect(macs.some((m) => m <= JS_OUTPUT_MACS)).toBe(true);
  expect(macs.filter((m) => m > JS_OUTPUT_MACS).length).toBeGreaterThanOrEqual(3);
});

describe.each(['wasm', 'cpu'])('gradients on %s match the tape', (backendName) => {
  let backend = '';
  beforeAll(async () => {
    backend = await setupBackend(backendName as 'wasm' | 'cpu');
    expect(backend).toBe(backendName);
  });

  describe.each(NETS)('$kind, hidden $hidden, batch $batch', ({ kind, hidden, batch }) => {
    const inputs = new CellInputs(createEncoder(kind, g), g.nStates);

    it.each([true, false])('DQN: Huber loss of TD targets (double DQN: %s)', (double) => {
      const rng = new Rng(double ? 1 : 2);
      const net = randomNet([inputs.size, ...hidden, N_ACTIONS], rng);
      const target = randomNet(net.sizes as number[], rng);
      const b = batch;
      const cells = randomCells(rng, b);
      const next = randomCells(rng, b);
      const actions = Uint8Array.from({ length: b }, () => rng.int(N_ACTIONS));
      // Rewards wide enough that some errors fall in the Huber loss's linear part.
      const rewards = Float64Array.from({ length: b }, () => (rng.next() - 0.5) * 6);
      const done = Uint8Array.from({ length: b }, () => (rng.next() < 0.25 ? 1 : 0));
      const gamma = 0.9;
      const rows = new Int32Array(2 * b);
      rows.set(cells);
      rows.set(next, b);
      const pass = new MlpPass(net, inputs);
      const grad = new Float32Array(net.params.length);
      const ys = new Float32Array(b);
      const dq = new Float32Array(b * N_ACTIONS);
      const targetQ = new Float32Array(g.nStates * N_ACTIONS);
      for (const s of active) targetQ.set(target.forward(inputs, s), s * N_ACTIONS);
      const loss = tidyOn(backend, () => {
        const q = pass.forward(rows, double ? 2 * b : b, b);
        tdTargets(b, rewards, done, next, gamma, targetQ, double ? q : null, ys);
        const l = huberTd(q, N_ACTIONS, actions, ys, b, dq);
        pass.backward(dq, grad);
        return l;
      });

      tf.tidy(() => {
        // The targets as tfjs computes them: a' from the online network, its value from the target one.
        const qNext = apply(tensors(net), observations(inputs, kind, next)).arraySync();
        const qTarget = apply(tensors(target), observations(inputs, kind, next)).arraySync();
        const want = Array.from({ length: b }, (_, k) => {
          if (done[k]) return rewards[k];
          const row = double ? qNext[k] : qTarget[k];
          const a = row.indexOf(Math.max(...row));
          return rewards[k] + gamma * qTarget[k][a];
        });
        ys.forEach((y, k) => expect(y).toBeCloseTo(want[k], 4));
        let linear = 0;
        const x = observations(inputs, kind, cells);
        const mask = tf.cast(tf.oneHot(tf.tensor1d(actions, 'int32'), N_ACTIONS), 'float32');
        const f = (...p: tf.Tensor[]) =>
          huberTape(tf.sub(tf.sum(tf.mul(apply(p, x), mask), 1), tf.tensor1d(ys)));
        const { value, grads } = tf.valueAndGrads(f)(tensors(net));
        expect(Math.abs(loss - value.dataSync()[0])).toBeLessThan(TOLERANCE * Math.abs(loss));
        expectClose(net, grad, grads);
        const qa = tf.sum(tf.mul(apply(tensors(net), x), mask), 1).dataSync();
        for (let k = 0; k < b; k++) if (Math.abs(qa[k] - ys[k]) > 1) linear++;
        expect(linear).toBeGreaterThan(0);
        expect(linear).toBeLessThan(b);
      });
    });

    it.each([
      { name: 'A2C (entropy, critic with value term)', critic: true, entropy: 0.05, valueCoef: 0.5 },
      { name: 'REINFORCE with a baseline, strong entropy', critic: true, entropy: 0.8, valueCoef: 0.5 },
      { name: 'REINFORCE without a baseline', critic: false, entropy: 0.05, valueCoef: 0 },
    ])('$name', ({ critic, entropy, valueCoef }) => {
      const rng = new Rng(critic ? 3 + entropy : 4);
      const actor = randomNet([inputs.size, ...hidden, N_ACTIONS], rng);
      const value = critic ? randomNet([inputs.size, ...hidden, 1], rng) : null;
      const b = batch;
      const cells = randomCells(rng, b);
      const actions = Uint8Array.from({ length: b }, () => rng.int(N_ACTIONS));
      const returns = Float64Array.from({ length: b }, () => (rng.next() - 0.3) * 4);
      const actorPass = new MlpPass(actor, inputs);
      const criticPass = value ? new MlpPass(value, inputs) : null;
      const actorGrad = new Float32Array(actor.params.length);
      const criticGrad = new Float32Array(value ? value.params.length : 0);
      const dLogits = new Float32Array(b * N_ACTIONS);
      const dValues = new Float32Array(b);
      let advantages: number[] = [];
      const loss = tidyOn(backend, () => {
        const logits = actorPass.forward(cells, b);
        const values = criticPass ? criticPass.forward(cells, b) : null;
        advantages = Array.from(returns, (G, k) => G - (values ? values[k] : 0));
        const l = policyGradient(
          logits,
          N_ACTIONS,
          values,
          actions,
          returns,
          b,
          entropy,
          valueCoef,
          dLogits,
          criticPass ? dValues : null,
        );
        actorPass.backward(dLogits, actorGrad);
        criticPass?.backward(dValues, criticGrad);
        return l;
      });

      tf.tidy(() => {
        const x = observations(inputs, kind, cells);
        const mask = tf.cast(tf.oneHot(tf.tensor1d(actions, 'int32'), N_ACTIONS), 'float32');
        const nActor = actor.weights.length;
        // The advantage is a constant of the loss (no gradient into V through it).
        const advantage = tf.tensor1d(advantages);
        const f = (...p: tf.Tensor[]) => {
          const logp = tf.logSoftmax(apply(p.slice(0, nActor), x));
          const logpA = tf.sum(tf.mul(logp, mask), 1);
          const h = tf.neg(tf.sum(tf.mul(tf.exp(logp), logp), 1));
          const policyLoss = tf.neg<tf.Scalar>(tf.mean(tf.add(tf.mul(logpA, advantage), tf.mul(h, entropy))));
          if (p.length === nActor) return policyLoss;
          const v = tf.reshape(apply(p.slice(nActor), x), [b]);
          const valueLoss = tf.mean(tf.square(tf.sub(tf.tensor1d(Float32Array.from(returns)), v)));
          return tf.add<tf.Scalar>(policyLoss, tf.mul(valueLoss, valueCoef));
        };
        const params = [...tensors(actor), ...(value ? tensors(value) : [])];
        const { value: tapeLoss, grads } = tf.valueAndGrads(f)(params);
        expect(Math.abs(loss - tapeLoss.dataSync()[0])).toBeLessThan(TOLERANCE * Math.abs(loss));
        expectClose(actor, actorGrad, grads.slice(0, nActor));
        if (value) expectClose(value, criticGrad, grads.slice(nActor));
      });
    });

    it('curiosity predictor: mean squared error to a fixed network', () => {
      const rng = new Rng(5);
      const predictor = randomNet([inputs.size, ...hidden, 16], rng);
      const fixed = randomNet([inputs.size, ...hidden, 16], rng);
      const b = batch;
      const cells = randomCells(rng, b);
      const ys = new Float32Array(b * 16);
      for (let k = 0; k < b; k++) ys.set(fixed.forward(inputs, cells[k]), k * 16);
      const pass = new MlpPass(predictor, inputs);
      const grad = new Float32Array(predictor.params.length);
      const dOut = new Float32Array(b * 16);
      const loss = tidyOn(backend, () => {
        const l = meanSquaredError(pass.forward(cells, b), ys, b * 16, dOut);
        pass.backward(dOut, grad);
        return l;
      });
      tf.tidy(() => {
        const x = observations(inputs, kind, cells);
        const y = tf.tensor2d(ys, [b, 16]);
        const f = (...p: tf.Tensor[]) => tf.mean(tf.square(tf.sub(apply(p, x), y)));
        const { value, grads } = tf.valueAndGrads(f)(tensors(predictor));
        expect(Math.abs(loss - value.dataSync()[0])).toBeLessThan(TOLERANCE * Math.abs(loss));
        expectClose(predictor, grad, grads);
      });
    });
  });
});

describe('a pass', () => {
  it('leaves no tensor behind', async () => {
    const backend = await setupBackend('wasm');
    const inputs = new CellInputs(createEncoder('one-hot', g), g.nStates);
    const net = randomNet([inputs.size, 16, 16, N_ACTIONS], new Rng(6));
    const pass = new MlpPass(net, inputs);
    const before = tf.memory().numTensors;
    tidyOn(backend, () => {
      const q = pass.forward(Int32Array.of(0, 1, 2, 3), 4, 2);
      pass.backward(q.subarray(0, 8), new Float32Array(net.params.length));
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});
