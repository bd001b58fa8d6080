// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  autoCandidates,
  autoChoice,
  chooseBackend,
  PROBE_MACS,
  probeBackends,
  probeRows,
  probeShape,
  probeWorkload,
  setupBackend,
  type BackendName,
} from '../../src/rl/neural/tfSetup';
import * as tf from '@tensorflow/tfjs-core';

describe("'auto' backend choice", () => {
  it('keeps wasm on near ties and takes a clearly faster backend', () => {
    expect(
      chooseBackend([
        { name: 'wasm', ms: 0.5 },
        { name: 'cpu', ms: 0.45 },
      ]),
    ).toBe('wasm');
    // A big network on a real GPU: WebGL several times faster than wasm.
    expect(
      chooseBackend([
        { name: 'wasm', ms: 40 },
        { name: 'webgl', ms: 6 },
        { name: 'cpu', ms: 300 },
      ]),
    ).toBe('webgl');
    // A small network: WebGL's uploads and read-backs cost more than the arithmetic.
    expect(
      chooseBackend([
        { name: 'wasm', ms: 0.2 },
        { name: 'webgl', ms: 1.5 },
        { name: 'cpu', ms: 1.1 },
      ]),
    ).toBe('wasm');
    expect(
      chooseBackend(
        [
          { name: 'wasm', ms: 1.2 },
          { name: 'cpu', ms: 1 },
        ],
        1.1,
      ),
    ).toBe('cpu');
  });

  it('skips backends that did not run, and says null when none did', () => {
    expect(
      chooseBackend([
        { name: 'wasm', ms: null },
        { name: 'webgl', ms: 3 },
        { name: 'cpu', ms: 2 },
      ]),
    ).toBe('cpu');
    expect(
      chooseBackend([
        { name: 'wasm', ms: NaN },
        { name: 'cpu', ms: 5 },
      ]),
    ).toBe('cpu');
    expect(chooseBackend([{ name: 'wasm', ms: null }])).toBeNull();
    expect(chooseBackend([])).toBeNull();
  });

  it('warms each backend up, then times them in interleaved rounds and keeps the fastest pass', async () => {
    // Pass times per backend, in order: the first is the warm-up; cpu's second pass lands in a burst of load.
    const times: Record<BackendName, number[]> = { wasm: [], webgl: [9, 4, 5, 4.5], cpu: [30, 12, 3, 2.5] };
    const calls: string[] = [];
    const r = await probeBackends(
      ['wasm', 'webgl', 'cpu'],
      async (name) => {
        calls.push(`start ${name}`);
        if (name === 'wasm') throw new Error('no wasm here');
        return true;
      },
      (name) => {
        calls.push(name);
        return times[name].shift()!;
      },
      3,
      0,
      3,
    );
    expect(calls).toEqual([
      'start wasm',
      'start webgl',
      'start cpu',
      ...['webgl', 'cpu'], // warm-ups
      ...['webgl', 'cpu', 'webgl', 'cpu', 'webgl', 'cpu'],
    ]);
    expect(r.timings).toEqual([
      { name: 'wasm', ms: null },
      { name: 'webgl', ms: 4 },
      { name: 'cpu', ms: 2.5 },
    ]);
    expect(r.choice).toBe('cpu');
  });

  it('stops timing a backend far slower than the fastest, and times nothing when only one starts', async () => {
    const calls: BackendName[] = [];
    const slow = await probeBackends(
      ['wasm', 'cpu'],
      async () => true,
      (name) => {
        calls.push(name);
        return name === 'wasm' ? 0.5 : 5;
      },
      3,
      0,
      3,
    );
    expect(calls).toEqual(['wasm', 'cpu', 'wasm', 'cpu', 'wasm', 'wasm']);
    expect(slow.choice).toBe('wasm');
    let passes = 0;
    const alone = await probeBackends(
      ['wasm', 'webgl'],
      async (name) => name === 'wasm',
      () => ++passes,
    );
    expect(alone).toEqual({
      choice: 'wasm',
      timings: [
        { name: 'wasm', ms: null },
        { name: 'webgl', ms: null },
      ],
    });
    expect(passes).toBe(0);
  });

  it('drops a backend whose pass fails, and chooses among the others', async () => {
    const r = await probeBackends(
      ['wasm', 'cpu'],
      async () => true,
      (name) => {
        if (name === 'wasm') throw new Error('kernel failed');
        return 1;
      },
    );
    expect(r.timings).toEqual([
      { name: 'wasm', ms: null },
      { name: 'cpu', ms: 1 },
    ]);
    expect(r.choice).toBe('cpu');
    const none = await probeBackends(
      ['wasm'],
      async () => false,
      () => 1,
    );
    expect(none).toEqual({ choice: null, timings: [{ name: 'wasm', ms: null }] });
  });

  it('weighs webgl only where a WebGL context can be made (never in Node), and never cpu', () => {
    expect(autoCandidates()).toEqual(['wasm']);
    expect(autoCandidates(false)).toEqual(['wasm']);
    expect(autoCandidates(true)).toEqual(['wasm', 'webgl']);
  });

  it("probes each agent's update shape, large ones on fewer rows", () => {
    const dqn = { type: 'dqn' as const, hidden: [64, 64], batchSize: 32, doubleDqn: true };
    expect(probeShape(dqn, 100)).toEqual({ hidden: [64, 64], outputs: [4], rows: 64, gradRows: 32 });
    expect(probeShape({ ...dqn, doubleDqn: false }, 100)).toMatchObject({ rows: 32, gradRows: 32 });
    expect(probeShape({ type: 'actor-critic', hidden: [32], nSteps: 8 }, 100)).toEqual({
      hidden: [32],
      outputs: [4, 1],
      rows: 8,
      gradRows: 8,
    });
    expect(probeShape({ type: 'reinforce', hidden: [32], baseline: false }, 250)).toMatchObject({
      outputs: [4],
      rows: 250,
    });
    expect(probeShape({ type: 'reinforce', hidden: [32], baseline: true }, 250).outputs).toEqual([4, 1]);
    expect(probeRows({ hidden: [64, 64], outputs: [4], rows: 64, gradRows: 32 })).toEqual({
      rows: 64,
      gradRows: 32,
    });
    const big = probeRows({ hidden: [512, 512, 512, 512], outputs: [4], rows: 1024, gradRows: 512 });
    expect(big.rows * 512 * 512).toBeLessThanOrEqual(PROBE_MACS);
    expect(big.rows).toBeGreaterThan(0);
    expect(big.gradRows).toBeLessThanOrEqual(big.rows);
  });

  it('times the real update: MlpPass forward and backward, its tfjs kernels counted, no tensor left', async () => {
    expect(await setupBackend('wasm')).toBe('wasm');
    // 64-64 DQN, Double DQN on a batch of 32: the hidden-to-hidden layer in tfjs, the output in JS.
    const dqn = probeWorkload({ hidden: [64, 64], outputs: [4], rows: 64, gradRows: 32 });
    expect(dqn.kernels).toBe(1);
    // Actor and critic, 3 hidden layers each, on a 512-step episode: hidden layers and outputs in tfjs.
    expect(probeWorkload({ hidden: [64, 64, 64], outputs: [4, 1], rows: 512, gradRows: 512 }).kernels).toBe(
      6,
    );
    // One hidden layer on a small batch (the "DQN, wider" rung of 64 units): no tfjs kernel at all; at
    // 256 units the output layer is worth a kernel.
    expect(probeWorkload({ hidden: [64], outputs: [4], rows: 64, gradRows: 32 }).kernels).toBe(0);
    expect(probeWorkload({ hidden: [256], outputs: [4], rows: 64, gradRows: 32 }).kernels).toBe(1);
    // Probed on fewer rows than the update's, a big shape still runs its output layer in tfjs as the
    // update does (here: the critic's too, 512 x 64 x 1 > 25,000).
    const big = probeWorkload({ hidden: [64, 64, 64], outputs: [4, 1], rows: 4096, gradRows: 4096 });
    const before = tf.memory().numTensors;
    const kernels = async (w: typeof dqn) =>
      (await tf.profile(() => w.run('wasm'))).kernels.map((k) => k.name);
    // The kernels MlpPass launches for the 64-64 DQN: one fused matMul forward, then matMuls backward.
    expect((await kernels(dqn)).filter((k) => k === '_FusedMatMul')).toHaveLength(1);
    expect((await kernels(big)).filter((k) => k === '_FusedMatMul')).toHaveLength(6);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("in Node: 'auto' is wasm (nothing else to weigh), decided once per shape for the process", async () => {
    const shape = { hidden: [24, 24], outputs: [4], rows: 16, gradRows: 16 };
    expect(autoChoice(shape)).toBeUndefined();
    expect(await setupBackend('auto', shape)).toBe('wasm');
    const decided = autoChoice(shape)!;
    expect(decided).toEqual({ choice: 'wasm', timings: [{ name: 'wasm', ms: null }] });
    await setupBackend('cpu');
    // Asked again: the kept choice, made current again.
    expect(await setupBackend('auto', shape)).toBe('wasm');
    expect(autoChoice(shape)).toBe(decided);
  });

  it("the default DQN's update is plain JS (a CellPass): its probe shape says so, and 'auto' times nothing", async () => {
    const dqn = { type: 'dqn' as const, hidden: [64, 64], batchSize: 32, doubleDqn: true };
    const shape = probeShape(dqn, 100, 64);
    expect(shape.plainJs).toBe(true);
    expect(probeWorkload(shape).kernels).toBe(0);
    expect(probeShape({ ...dqn, hidden: [256, 256] }, 100, 64).plainJs).toBeUndefined();
    expect(await setupBackend('auto', shape)).toBe('wasm');
    expect(autoChoice(shape)).toEqual({ choice: 'wasm', timings: [{ name: 'wasm', ms: null }] });
  });

  it("'auto' times nothing for an update without tfjs kernels: wasm", async () => {
    const shape = { hidden: [128], outputs: [4], rows: 32, gradRows: 32 };
    expect(await setupBackend('auto', shape)).toBe('wasm');
    expect(autoChoice(shape)).toEqual({ choice: 'wasm', timings: [{ name: 'wasm', ms: null }] });
  });
});
