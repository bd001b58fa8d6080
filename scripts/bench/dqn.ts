/**
 * DQN's speed (issue 20, item 2): training seconds per seed of the default DQN on the open 8 x 8 room
 * (start and goal in opposite corners, step reward -0.01, gamma 0.95, 100 steps, 300 episodes), timed
 * in-process from the trainer's creation to the last episode (the wasm backend loaded beforehand), with
 * each seed's greedy walk length (shortest 14); and the CLI's wall time for
 * `npm run lab -- compare deep-needle --seeds 8` (its process start included).
 * Reference figures (issue 20, 2026-12-07, 2 cores): 8 x 8 1.9-2.6 s per seed (target under 1 s,
 * median of 3), a lean tfjs-wasm reference build 1.2 s; deep needle 8 seeds 7.4 s idle (target 5 s).
 * Run alone: npx tsx scripts/bench/dqn.ts [--no-cli] [--seeds N]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONFIG_VERSION, parseConfig, type Config } from '../../src/config/schema';
import { createTrainer } from '../../src/rl/trainer';
import { spread } from './_stats';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const OPEN_8X8 = {
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

export function open8x8(seed: number): Config {
  const parsed = parseConfig({ ...OPEN_8X8, train: { ...OPEN_8X8.train, seed } });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.config;
}

/** Trains one seed of the open 8 x 8 run: its training seconds and its greedy walk's steps. */
export async function train8x8(
  seed: number,
): Promise<{ seconds: number; cpu: number; greedySteps: number; reached: boolean }> {
  const config = open8x8(seed);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const t = await createTrainer(config);
  try {
    for (let e = 0; e < config.train.episodes; e++) t.runEpisode();
    const seconds = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    const g = t.greedyEpisode();
    return { seconds, cpu: (c.user + c.system) / 1e6, greedySteps: g.steps, reached: g.success };
  } finally {
    t.agent.dispose();
  }
}

function line(label: string, xs: number[], digits: number, unit: string, note: string): string {
  return `${label.padEnd(46)} ${spread(xs, digits, unit)}  ${note}`;
}

/** CPU seconds of this process's waited-for children so far (Linux; NaN elsewhere). */
function childrenCpu(): number {
  try {
    const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(f[13]) + Number(f[14])) / 100; // cutime, cstime (fields 16, 17), in 1/100 s
  } catch {
    return NaN;
  }
}

const REF = ''.padEnd(46);

/** One `npm run lab -- compare deep-needle --seeds 8` (4 variants x 8 seeds, its process start
 *  included): wall seconds and the CPU seconds it used (all its threads). */
export function deepNeedleCli(): { wall: number; cpu: number } {
  const c0 = childrenCpu();
  const t0 = performance.now();
  const r = spawnSync('npm', ['run', '--silent', 'lab', '--', 'compare', 'deep-needle', '--seeds', '8'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const wall = (performance.now() - t0) / 1000;
  const cpu = childrenCpu() - c0;
  if (r.status !== 0) throw new Error(`the CLI failed: ${(r.stderr || r.stdout).trim().slice(-400)}`);
  return { wall, cpu };
}

export async function run(args: string[] = process.argv.slice(2)): Promise<void> {
  const seedsAt = args.indexOf('--seeds');
  const seeds = seedsAt >= 0 ? Number(args[seedsAt + 1]) : 3;
  // Load the backend once (a throwaway short run), so no seed pays for it.
  const warm = open8x8(99);
  const w = await createTrainer({ ...warm, train: { ...warm.train, episodes: 1 } });
  w.runEpisode();
  w.agent.dispose();
  const seconds: number[] = [];
  const cpu: number[] = [];
  const steps: string[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const r = await train8x8(seed);
    seconds.push(r.seconds);
    cpu.push(r.cpu);
    steps.push(r.reached ? String(r.greedySteps) : `${r.greedySteps} (goal not reached)`);
  }
  const note = `[seeds 1-${seeds}; greedy steps ${steps.join(', ')}; shortest 14]`;
  console.log(line('dqn open 8 x 8, 300 episodes, s per seed', seconds, 2, ' s', note));
  console.log(line('  the same, CPU s per seed', cpu, 2, ' s', '[less sensitive to a loaded machine]'));
  console.log(
    `${REF} reference: 1.9-2.6 s per seed; REINFORCEjs median 14 s; lean tfjs-wasm build 1.2 s; target < 1 s (median)`,
  );
  if (args.includes('--no-cli')) return;
  const { wall, cpu: used } = deepNeedleCli();
  console.log(
    line(
      'cli lab compare deep-needle --seeds 8, wall s',
      [wall],
      2,
      ' s',
      `[one run; CPU ${used.toFixed(2)} s]`,
    ),
  );
  console.log(`${REF} reference: 7.4 s idle (28.9 s beside a browser); target <= 5 s idle`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
