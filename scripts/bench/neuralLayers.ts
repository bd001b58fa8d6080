/**
 * Where plain JS pays and where tfjs kernels do, in the neural agents' update (src/rl/neural/mlpPass.ts):
 * the output layer's crossover, which sets JS_OUTPUT_MACS. For a 64-64 network (64 one-hot inputs) with
 * 4 outputs (Q-values, logits), 1 (a critic) and 16 (the curiosity predictor, one hidden layer), and
 * batches of 8 to 512 rows, it times one real MlpPass forward + backward (the update's own code, inside
 * tidyOn) with the output layer forced into JS and forced into tfjs, on the wasm backend in Node. Per
 * case: RUNS runs of PASSES passes each, the median pass of each run; printed as the median of the runs
 * (min-max), and the ratio tfjs / JS (above 1: JS is faster). The crossover is the output size
 * (rows x inputs x outputs multiply-adds) where the ratio falls through 1.
 * Run alone: npx tsx scripts/bench/neuralLayers.ts
 */
import { pathToFileURL } from 'node:url';
import { Mlp } from '../../src/rl/neural/mlp';
import { JS_OUTPUT_MACS, MlpPass } from '../../src/rl/neural/mlpPass';
import { CellInputs, type Encoder } from '../../src/rl/neural/observations';
import { setupBackend, tidyOn } from '../../src/rl/neural/tfSetup';
import { Rng } from '../../src/rl/rng';
import { median, spread } from './_stats';

const RUNS = 5;
const PASSES = 150;
const CELLS = 64;
const ROWS = [8, 16, 32, 64, 128, 256, 512];

const oneHot: Encoder = {
  kind: 'one-hot',
  size: CELLS,
  encode(s, out, off) {
    out.fill(0, off, off + CELLS);
    out[off + s] = 1;
  },
};

/** Median ms of one forward + backward of `pass` on `rows` rows, per run. */
function time(pass: MlpPass, rows: number, backend: string): number[] {
  const inputs = pass.net.sizes;
  const outputs = inputs[inputs.length - 1];
  const cells = Int32Array.from({ length: rows }, (_, k) => (k * 7) % CELLS);
  const dOut = Float32Array.from({ length: rows * outputs }, (_, i) => ((i * 7919) % 1000) / 1000 - 0.5);
  const grad = new Float32Array(pass.net.params.length);
  const one = () =>
    tidyOn(backend, () => {
      pass.forward(cells, rows);
      pass.backward(dOut, grad);
    });
  for (let i = 0; i < 30; i++) one();
  const runs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const times: number[] = [];
    for (let i = 0; i < PASSES; i++) {
      const t0 = performance.now();
      one();
      times.push(performance.now() - t0);
    }
    runs.push(median(times));
  }
  return runs;
}

export async function run(): Promise<void> {
  const backend = await setupBackend('wasm');
  console.log(
    `Node ${process.version}, ${backend}; ms per MlpPass forward + backward, median (min-max) of ${RUNS} runs; ` +
      `JS_OUTPUT_MACS = ${JS_OUTPUT_MACS.toLocaleString('en')}`,
  );
  const inputs = new CellInputs(oneHot, CELLS);
  const shapes = [
    { hidden: [64, 64], outputs: 4 },
    { hidden: [64, 64], outputs: 1 },
    { hidden: [64], outputs: 16 },
  ];
  for (const { hidden, outputs } of shapes) {
    const net = new Mlp([CELLS, ...hidden, outputs], new Rng(1));
    const js = new MlpPass(net, inputs, Infinity);
    const tfjs = new MlpPass(net, inputs, 0);
    console.log(`\n${CELLS}-${hidden.join('-')}-${outputs}, output layer in JS vs in tfjs:`);
    for (const rows of ROWS) {
      const macs = rows * hidden[hidden.length - 1] * outputs;
      const a = time(js, rows, backend);
      const b = time(tfjs, rows, backend);
      const ratio = b.map((x, i) => x / a[i]);
      const chosen = macs <= JS_OUTPUT_MACS ? 'JS' : 'tfjs';
      console.log(
        `  rows ${String(rows).padStart(3)} (${macs.toLocaleString('en').padStart(7)} MACs, app: ${chosen.padEnd(4)})` +
          `  JS ${spread(a, 3, ' ms')}  tfjs ${spread(b, 3, ' ms')}  tfjs/JS ${spread(ratio, 2, 'x')}`,
      );
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
