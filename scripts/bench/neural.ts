/**
 * The tfjs agents in Node: milliseconds per gradient step and environment steps per second with learning
 * on, on the wasm and cpu backends. Default 8 x 8 world, default configs (64-64 MLPs, one-hot input;
 * DQN: batch 32, a step every 2 env steps; actor-critic: 8-step rollouts). REINFORCE learns once per
 * episode, so it is timed on an open 8 x 8 room without a goal (the same 64 inputs), where every episode
 * is cut at 200 steps: each update is one 200-sample batch.
 * Next to each agent's update it times a plain `tf.train.adam().minimize()` of the same loss on the same
 * network (weights as tf.Variables, the tape's gradients), so the gain is a ratio measured in one run.
 * The agent's figure includes its environment step and batch building; the reference's only the
 * minimize call (and uploading its batch), so the ratio errs against the agent.
 * Last, the CLI end to end: `tsx src/cli/sim.ts` (what `npm run sim` runs) training DQN for 300 episodes
 * on an open 8 x 8 room (start and goal in opposite corners, step reward -0.01, gamma 0.95, 100 steps),
 * one process per seed, wall time including start-up, and the greedy path each run ends with.
 * Run alone: npx tsx scripts/bench/neural.ts
 */
import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONFIG_VERSION, parseConfig, type Config } from '../../src/config/schema';
import { compileGrid } from '../../src/rl/grid';
import { createNeuralAgent, type NeuralAgent } from '../../src/rl/neural/createNeuralAgent';
import { Rng } from '../../src/rl/rng';
import { Trainer } from '../../src/rl/trainer';
import { glorotUniform } from '../../src/rl/neural/seededInit';
import { setupBackend } from '../../src/rl/neural/tfSetup';
import { median, spread } from './_stats';
import { msPerUpdate, stepsPerSecond, type BackendName, type Measured } from './browser/measure';

type Case = 'dqn' | 'actor-critic' | 'reinforce';

const RUNS = 5;
const UPDATES = 100;
/** The default world's observation size (one-hot over 8 x 8 cells) and the default hidden layers. */
const INPUTS = 64;
const HIDDEN = [64, 64];

function line(label: string, runs: number[], digits: number, unit: string, note = ''): string {
  return `${label.padEnd(44)} ${spread(runs, digits, unit)}${note}`;
}

function measured(label: string, m: Measured, digits: number, unit: string): string {
  return line(label, m.runs, digits, unit, `  [${m.backend}, ${m.runs.length} runs]`);
}

function variables(sizes: number[], rng: Rng, outScale = 1): tf.Variable[] {
  const vars: tf.Variable[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const scale = l + 2 === sizes.length ? outScale : 1;
    vars.push(
      tf.variable(tf.tensor2d(glorotUniform(rng, sizes[l], sizes[l + 1], scale), [sizes[l], sizes[l + 1]])),
    );
    vars.push(tf.variable(tf.zeros([sizes[l + 1]])));
  }
  return vars;
}

function apply(vars: tf.Variable[], x: tf.Tensor2D): tf.Tensor2D {
  let h: tf.Tensor2D = x;
  for (let l = 0; l < vars.length / 2; l++) {
    h = tf.add(tf.matMul(h, vars[2 * l]), vars[2 * l + 1]);
    if (l + 1 < vars.length / 2) h = tf.relu(h);
  }
  return h;
}

/** A random batch: one-hot inputs, a one-hot action mask and one number per sample. */
function batch(rng: Rng, b: number): { xs: Float32Array; masks: Float32Array; ys: Float32Array } {
  const xs = new Float32Array(b * INPUTS);
  const masks = new Float32Array(b * 4);
  const ys = new Float32Array(b);
  for (let k = 0; k < b; k++) {
    xs[k * INPUTS + rng.int(INPUTS)] = 1;
    masks[k * 4 + rng.int(4)] = 1;
    ys[k] = rng.next() * 2 - 1;
  }
  return { xs, masks, ys };
}

/** The same loss as the agent's update, as tfjs ops on tf.Variables (minimized by tf.train.adam). */
function referenceLoss(type: Case, b: number, rng: Rng): { vars: tf.Variable[]; loss: () => tf.Scalar } {
  const { xs, masks, ys } = batch(rng, b);
  if (type === 'dqn') {
    const vars = variables([INPUTS, ...HIDDEN, 4], rng);
    return {
      vars,
      loss: () => {
        const q = tf.sum(tf.mul(apply(vars, tf.tensor2d(xs, [b, INPUTS])), tf.tensor2d(masks, [b, 4])), 1);
        const a = tf.abs(tf.sub(q, tf.tensor1d(ys)));
        const quad = tf.minimum(a, 1);
        return tf.mean(tf.add(tf.mul(tf.square(quad), 0.5), tf.sub(a, quad)));
      },
    };
  }
  const actor = variables([INPUTS, ...HIDDEN, 4], rng, 0.01);
  const critic = variables([INPUTS, ...HIDDEN, 1], rng);
  return {
    vars: [...actor, ...critic],
    loss: () => {
      const x = tf.tensor2d(xs, [b, INPUTS]);
      const logp = tf.logSoftmax(apply(actor, x));
      const logpA = tf.sum(tf.mul(logp, tf.tensor2d(masks, [b, 4])), 1);
      const entropy = tf.neg(tf.sum(tf.mul(tf.exp(logp), logp), 1));
      const v = tf.reshape(apply(critic, x), [b]);
      const g = tf.tensor1d(ys);
      const adv = tf.sub(g, v);
      const policy = tf.neg(tf.mean(tf.add(tf.mul(logpA, adv), tf.mul(entropy, 0.05))));
      return tf.add(policy, tf.mul(tf.mean(tf.square(adv)), 0.5));
    },
  };
}

/** Milliseconds per tf.train.adam().minimize() of the reference loss; per run the median of UPDATES. */
async function referenceMs(type: Case, backend: BackendName, b: number): Promise<Measured> {
  const used = await setupBackend(backend);
  const runs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const { vars, loss } = referenceLoss(type, b, new Rng(r + 1));
    const opt = tf.train.adam(0.002);
    const step = () => tf.tidy(() => opt.minimize(loss, true, vars)?.dataSync()[0]);
    for (let i = 0; i < 20; i++) step();
    const times: number[] = [];
    for (let i = 0; i < UPDATES; i++) {
      const t0 = performance.now();
      step();
      times.push(performance.now() - t0);
    }
    runs.push(median(times));
    opt.dispose();
    tf.dispose(vars);
  }
  return { backend: used, runs };
}

/** REINFORCE's milliseconds per update (one 200-step episode each) in the goal-less room. */
async function reinforceMs(backend: BackendName): Promise<Measured> {
  const r = parseConfig({
    version: CONFIG_VERSION,
    env: { grid: Array.from({ length: 8 }, (_, y) => (y === 0 ? 'S' : '.') + '.......'), maxSteps: 200 },
    agent: { type: 'reinforce', backend },
  });
  if (!r.ok) throw new Error(r.errors.join('; '));
  const config: Config = r.config;
  const runs: number[] = [];
  let used = '';
  for (let k = 0; k < RUNS; k++) {
    const t = new Trainer(config, await createNeuralAgent(config.agent, compileGrid(config.env), k + 1));
    const agent = t.agent as NeuralAgent;
    used = agent.backend;
    for (let i = 0; i < 5; i++) t.runEpisode();
    const times: number[] = [];
    while (times.length < 30) {
      while (t.totalSteps % 200 !== 199) t.step();
      const t0 = performance.now();
      t.step();
      times.push(performance.now() - t0);
    }
    runs.push(median(times));
    agent.dispose();
  }
  return { backend: used, runs };
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OPEN_8X8 = {
  version: CONFIG_VERSION,
  env: {
    grid: Array.from({ length: 8 }, (_, y) => (y === 0 ? 'S.......' : y === 7 ? '.......G' : '........')),
    stepReward: -0.01,
    gamma: 0.95,
    maxSteps: 100,
  },
  agent: { type: 'dqn' },
  train: { episodes: 300 },
};

/** Seconds per CLI run (one process per seed) and the greedy episode's steps of each. */
function cliRuns(seeds: number): { seconds: number[]; greedySteps: number[] } {
  const dir = mkdtempSync(join(tmpdir(), 'neural-bench-'));
  const file = join(dir, 'open8.json');
  writeFileSync(file, JSON.stringify(OPEN_8X8));
  const seconds: number[] = [];
  const greedySteps: number[] = [];
  try {
    for (let seed = 1; seed <= seeds; seed++) {
      const t0 = performance.now();
      const r = spawnSync(
        join(ROOT, 'node_modules/.bin/tsx'),
        ['src/cli/sim.ts', file, '--seed', String(seed)],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      );
      seconds.push((performance.now() - t0) / 1000);
      if (r.status !== 0) throw new Error(`the CLI failed: ${r.stderr.trim()}`);
      greedySteps.push(Number(/greedy: return [^,]+, (\d+) steps/.exec(r.stdout)?.[1] ?? NaN));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { seconds, greedySteps };
}

const CASES: { type: Case; label: string; batch: number }[] = [
  { type: 'dqn', label: 'dqn ms per minibatch (32)', batch: 32 },
  { type: 'actor-critic', label: 'a2c ms per update (8 steps)', batch: 8 },
  { type: 'reinforce', label: 'reinforce ms per update (200 steps)', batch: 200 },
];

export async function run(): Promise<void> {
  console.log(`Node ${process.version}; median (min-max) over runs; default 8 x 8 world and configs`);
  for (const backend of ['wasm', 'cpu'] as BackendName[]) {
    for (const c of CASES) {
      const agent =
        c.type === 'reinforce'
          ? await reinforceMs(backend)
          : await msPerUpdate(c.type, backend, RUNS, UPDATES);
      const ref = await referenceMs(c.type, backend, c.batch);
      console.log(measured(`${backend} ${c.label}`, agent, 2, ' ms'));
      console.log(measured(`${backend}   tf.train.adam().minimize, batch ${c.batch}`, ref, 2, ' ms'));
      const ratios = ref.runs.map((x, i) => x / agent.runs[i]);
      console.log(line(`${backend}   speed-up over minimize (per run)`, ratios, 1, 'x'));
    }
    console.log(measured(`${backend} dqn env steps/s`, await stepsPerSecond('dqn', backend), 0, '/s'));
    console.log(
      measured(`${backend} actor-critic env steps/s`, await stepsPerSecond('actor-critic', backend), 0, '/s'),
    );
  }
  const cli = cliRuns(RUNS);
  console.log(
    line('cli dqn open 8 x 8, 300 episodes, s per seed', cli.seconds, 2, ' s') +
      `  [greedy steps per seed: ${cli.greedySteps.join(', ')}; shortest 14]`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
