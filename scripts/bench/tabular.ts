/**
 * Tabular training speed.
 * 1. The issue-20 figure: Q-learning on a sparse 50 x 50 world through the trainer's whole-episode path
 *    (what the CLI and the lab run: Trainer.runEpisode() in a loop), as a ratio to a hand-written
 *    typed-array kernel doing the same epsilon-greedy steps with the same updates and the same random
 *    draws on the compiled model (rawQLearning below). The two take turns every SLICE episodes, so
 *    both see the same machine load; the kernel's Q table must equal the trainer's bit for bit
 *    (checked every round).
 * 2. Environment steps per second of every tabular agent on a sparse 20 x 20 grid (learning on).
 */
import { CONFIG_VERSION, parseConfig, type Config } from '../../src/config/schema';
import { compileGrid } from '../../src/rl/grid';
import { Rng } from '../../src/rl/rng';
import { agentSeed, Trainer } from '../../src/rl/trainer';
import { spread } from './_stats';

function sparse(n: number): string[] {
  const rows: string[] = [];
  for (let y = 0; y < n; y++) {
    let r = '';
    for (let x = 0; x < n; x++)
      r +=
        x === 0 && y === 0 ? 'S' : x === n - 1 && y === n - 1 ? 'G' : (x * 7 + y * 13) % 17 === 0 ? '#' : '.';
    rows.push(r);
  }
  return rows;
}

function config(grid: string[], maxSteps: number, agent: object, episodes = 500, seed = 1): Config {
  const r = parseConfig({ version: CONFIG_VERSION, env: { grid, maxSteps }, agent, train: { seed, episodes } });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.config;
}

/** Epsilon-greedy in Q(s, .) with random tie-breaking: the agent's rule (tabular.ts), the same draws. */
function act(q: Float64Array, b: number, eps: number, rng: Rng): number {
  if (eps > 0 && rng.next() < eps) return Math.floor(rng.next() * 4);
  let best = q[b];
  let n = 1;
  let pick = 0;
  for (let k = 1; k < 4; k++) {
    const v = q[b + k];
    if (v > best) {
      best = v;
      pick = k;
      n = 1;
    } else if (v === best) {
      n++;
      if (Math.floor(rng.next() * n) === 0) pick = k;
    }
  }
  return pick;
}

/** One episode of Q-learning on the compiled model's arrays (no slip: the sparse world has none). */
function rawEpisode(
  q: Float64Array,
  nextState: Int32Array,
  moveReward: Float64Array,
  moveDone: Uint8Array,
  start: number,
  maxSteps: number,
  gamma: number,
  alpha: number,
  eps: number,
  rng: Rng,
): number {
  let s = start;
  let a = act(q, s * 4, eps, rng);
  for (let t = 1; ; t++) {
    const i = s * 4 + a;
    const r = moveReward[i];
    const done = moveDone[i] === 1;
    const s2 = nextState[i];
    const b2 = s2 * 4;
    const target = done ? r : r + gamma * Math.max(q[b2], q[b2 + 1], q[b2 + 2], q[b2 + 3]);
    q[i] += alpha * (target - q[i]);
    a = act(q, b2, eps, rng); // drawn at the end of an episode too, as the agent does
    if (done || t >= maxSteps) return t;
    s = s2;
  }
}

/**
 * The reference: Q-learning with epsilon-greedy on the compiled grid's typed arrays, a flat Float64Array
 * Q, one function per episode, nothing else (no trail, visits or metrics). `run(n)` trains n more
 * episodes and returns the steps they took.
 */
function rawQLearning(cfg: Config): { q: Float64Array; run(episodes: number): number } {
  if (cfg.agent.type !== 'q-learning') throw new Error('q-learning only');
  const g = compileGrid(cfg.env);
  const { alpha, epsilon: eps0, epsilonMin, epsilonDecay, qInit } = cfg.agent;
  const q = new Float64Array(g.nStates * 4).fill(qInit);
  const rng = new Rng(agentSeed(cfg.train.seed));
  let eps = eps0;
  return {
    q,
    run(episodes: number): number {
      let total = 0;
      for (let ep = 0; ep < episodes; ep++) {
        total += rawEpisode(
          q,
          g.nextState,
          g.moveReward,
          g.moveDone,
          g.start,
          g.maxSteps,
          g.gamma,
          alpha,
          eps,
          rng,
        );
        if (epsilonDecay < 1) eps = Math.max(Math.min(epsilonMin, eps0), eps * epsilonDecay);
      }
      return total;
    },
  };
}

/** The CLI's loop (src/cli/runSeeds.ts): a fresh trainer, runEpisode() per episode, its result read. */
function trainerRun(cfg: Config): { q(): Float64Array; run(episodes: number): number } {
  const t = new Trainer(cfg);
  return {
    q() {
      const q = new Float64Array(t.grid.nStates * 4);
      t.agent.qValues(q);
      return q;
    },
    run(episodes: number): number {
      let sum = 0;
      for (let i = 0; i < episodes; i++) sum += t.runEpisode().steps;
      return sum;
    },
  };
}

/** Issue 20's reference (2026-12-07, before the tabular fast path, 2 cores): 0.48-0.58. */
export const REFERENCE = '0.48-0.58';
/** REINFORCEjs's TDAgent on the same work, as a ratio to the same kernel (issue 20). */
export const REINFORCEJS = '0.24-0.36';

/** Episodes per slice: within a round the kernel and the trainer take turns a slice at a time, so both
 *  see the same machine load (the machine is shared); each round's ratio sums its slices' times. */
const SLICE = 1000;

/** The trainer's speed as a ratio to the raw kernel's, per round (and both rates, M steps/s). */
export async function ratioToKernel(
  episodes = 40_000,
  rounds = 5,
): Promise<{ ratios: number[]; kRates: number[]; tRates: number[] }> {
  const cfg = config(sparse(50), 1000, { type: 'q-learning', epsilon: 0.1 }, episodes);
  const ratios: number[] = [];
  const kRates: number[] = [];
  const tRates: number[] = [];
  for (let k = 0; k <= rounds; k++) {
    const kernel = rawQLearning(cfg);
    const trainer = trainerRun(cfg);
    let kMs = 0;
    let tMs = 0;
    let kSteps = 0;
    let tSteps = 0;
    for (let done = 0; done < episodes; done += SLICE) {
      const n = Math.min(SLICE, episodes - done);
      const first = ((done / SLICE) & 1) === 0;
      for (const which of first ? [0, 1] : [1, 0]) {
        const t0 = performance.now();
        if (which === 0) kSteps += kernel.run(n);
        else tSteps += trainer.run(n);
        const ms = performance.now() - t0;
        if (which === 0) kMs += ms;
        else tMs += ms;
      }
    }
    const q = trainer.q();
    if (kSteps !== tSteps || kernel.q.some((v, i) => !Object.is(v, q[i])))
      throw new Error('the kernel and the trainer disagree: the reference is not doing the same work');
    if (k === 0) continue; // warm-up
    ratios.push(kMs / tMs);
    kRates.push(kSteps / kMs / 1e3);
    tRates.push(tSteps / tMs / 1e3);
  }
  return { ratios, kRates, tRates };
}

export async function printRatioToKernel(episodes = 40_000, rounds = 5): Promise<void> {
  console.log(
    `Q-learning, sparse 50 x 50, ${episodes.toLocaleString('en-US')} episodes through Trainer.runEpisode() vs a raw typed-array kernel, taking turns every ${SLICE} episodes, ${rounds} rounds (+1 warm-up)`,
  );
  const { ratios, kRates, tRates } = await ratioToKernel(episodes, rounds);
  console.log(`  raw kernel           ${spread(kRates, 1, 'M steps/s')}`);
  console.log(`  trainer              ${spread(tRates, 1, 'M steps/s')}`);
  console.log(
    `  trainer / kernel     ${spread(ratios, 2)}   (issue 20 before: ${REFERENCE}; REINFORCEjs ${REINFORCEJS}; goal >= 0.80)`,
  );
}

const AGENTS: Record<string, object> = {
  random: { type: 'random' },
  'q-learning': { type: 'q-learning', epsilon: 0.1 },
  sarsa: { type: 'sarsa', epsilon: 0.1 },
  'expected-sarsa': { type: 'expected-sarsa', epsilon: 0.1 },
  'q-learning lambda 0.9': { type: 'q-learning', epsilon: 0.1, lambda: 0.9 },
  'dyna-q n=10': { type: 'dyna-q', epsilon: 0.1, planningSteps: 10 },
};

const STEPS = 2_000_000;
const REPEATS = 5;

export async function run(): Promise<void> {
  await printRatioToKernel();
  console.log(
    `\nsparse 20 x 20 grid, ~${STEPS.toLocaleString('en-US')} steps per run, step by step (Trainer.runSteps: the worker's path) and whole episodes (Trainer.runEpisode: the CLI's and the lab's), median (min-max) of ${REPEATS} runs`,
  );
  for (const [name, agent] of Object.entries(AGENTS)) {
    const c = config(sparse(20), 400, agent);
    const perStep: number[] = [];
    const perEpisode: number[] = [];
    const steps = name.startsWith('dyna') ? STEPS / 10 : STEPS;
    for (let k = 0; k < REPEATS + 1; k++) {
      const cfg = { ...c, train: { ...c.train, seed: k + 1 } };
      const t = new Trainer(cfg);
      let t0 = performance.now();
      t.runSteps(steps);
      const ms = performance.now() - t0;
      const u = new Trainer(cfg);
      t0 = performance.now();
      while (u.totalSteps < steps) u.runEpisode();
      const ms2 = performance.now() - t0;
      if (k === 0) continue; // the first run warms up the JIT
      perStep.push(steps / ms / 1e3);
      perEpisode.push(u.totalSteps / ms2 / 1e3);
    }
    console.log(
      `${name.padEnd(24)} step ${spread(perStep, 2, 'M steps/s')}   episodes ${spread(perEpisode, 2, 'M steps/s')}`,
    );
  }
}

/** `npx tsx scripts/bench/tabular.ts [episodes] [rounds]`: only the ratio. */
if (process.argv[1]?.endsWith('tabular.ts')) {
  await ratioToKernel(Number(process.argv[2] ?? 40_000), Number(process.argv[3] ?? 5));
}
