/**
 * Records, for every tabular TD agent on a few small worlds and seeds, what Trainer.runEpisode() gives:
 * each episode's return, steps and success, and a hash of the final Q table. The fixture it writes
 * (tests/unit/fixtures/tabular-recorded.json) was made before the tabular fast path, so
 * tests/unit/tabularRecorded.test.ts proves that the same seed still gives the same episodes.
 *
 *   npx tsx scripts/record-tabular.ts          (rewrites the fixture: only when behaviour is meant to change)
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_VERSION, parseConfig, type Config } from '../src/config/schema';
import { Trainer } from '../src/rl/trainer';

export const EPISODES = 200;
export const SEEDS = [1, 7];

/** FNV-1a (32-bit) over the bytes of a Float64Array: equal only when every double is bit-identical. */
export function fnv64(a: Float64Array): string {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export const WORLDS: Record<string, object> = {
  // open room with a pit and a bonus, slippery floor
  slip: {
    grid: ['S.....', '.#..X.', '.#....', '...$#.', '.X....', '.....G'],
    slip: 0.2,
    stepReward: -0.01,
    maxSteps: 80,
    gamma: 0.95,
  },
  // Sutton & Barto's cliff walk, shortened
  cliff: {
    grid: ['........', '........', 'SCCCCCCG'],
    stepReward: -1,
    maxSteps: 100,
    gamma: 1,
  },
  // sparse reward, walls, time limit often hit
  sparse: {
    grid: ['S..#......', '...#..#...', '......#...', '.####.#.#.', '........#G'],
    maxSteps: 60,
    gamma: 0.99,
  },
};

/** Agent and training options (shaping, count bonus) per case. */
export const AGENTS: Record<string, { agent: object; train?: object }> = {
  'q-learning': { agent: { type: 'q-learning', epsilon: 0.2, alpha: 0.3 } },
  'q-learning lambda': {
    agent: { type: 'q-learning', epsilon: 0.2, alpha: 0.2, lambda: 0.8, epsilonDecay: 0.99 },
  },
  'q-learning potential': {
    agent: { type: 'q-learning', epsilon: 0.1, alpha: 0.5 },
    train: { shaping: 'potential', shapingScale: 0.5 },
  },
  sarsa: { agent: { type: 'sarsa', epsilon: 0.15, alpha: 0.4, qInit: 0.5 } },
  'sarsa lambda count bonus': {
    agent: { type: 'sarsa', epsilon: 0.1, alpha: 0.2, lambda: 0.9 },
    train: { countBonus: 0.3 },
  },
  'expected-sarsa': { agent: { type: 'expected-sarsa', epsilon: 0.2, alpha: 0.5, epsilonDecay: 0.98 } },
  'expected-sarsa lambda naive': {
    agent: { type: 'expected-sarsa', epsilon: 0.1, alpha: 0.3, lambda: 0.7 },
    train: { shaping: 'naive', shapingScale: 0.1 },
  },
  'dyna-q': { agent: { type: 'dyna-q', epsilon: 0.1, alpha: 0.5, planningSteps: 5 } },
  'dyna-q count bonus': {
    agent: { type: 'dyna-q', epsilon: 0.2, alpha: 0.3, planningSteps: 3, qInit: 1 },
    train: { countBonus: 0.5, shaping: 'potential' },
  },
};

export interface RecordedRun {
  world: string;
  agent: string;
  seed: number;
  config: Config;
  returns: number[];
  steps: number[];
  /** One '0' or '1' per episode. */
  success: string;
  totalSteps: number;
  qHash: string;
}

export function configFor(world: string, agent: string, seed: number): Config {
  const a = AGENTS[agent];
  const r = parseConfig({
    version: CONFIG_VERSION,
    env: WORLDS[world],
    agent: a.agent,
    train: { seed, episodes: EPISODES, ...a.train },
  });
  if (!r.ok) throw new Error(`${world} / ${agent}: ${r.errors.join('; ')}`);
  return r.config;
}

/** One recorded run, through the trainer's whole-episode path (the CLI's and the lab's). */
export function record(config: Config): Omit<RecordedRun, 'world' | 'agent' | 'seed' | 'config'> {
  const t = new Trainer(config);
  const returns: number[] = [];
  const steps: number[] = [];
  let success = '';
  for (let i = 0; i < config.train.episodes; i++) {
    const e = t.runEpisode();
    returns.push(e.return);
    steps.push(e.steps);
    success += e.success ? '1' : '0';
  }
  const q = new Float64Array(t.grid.nStates * 4);
  t.agent.qValues(q);
  return { returns, steps, success, totalSteps: t.totalSteps, qHash: fnv64(q) };
}

function main(): void {
  const runs: RecordedRun[] = [];
  for (const world of Object.keys(WORLDS))
    for (const agent of Object.keys(AGENTS))
      for (const seed of SEEDS) {
        const config = configFor(world, agent, seed);
        runs.push({ world, agent, seed, config, ...record(config) });
      }
  const out = join(dirname(fileURLToPath(import.meta.url)), '../tests/unit/fixtures/tabular-recorded.json');
  writeFileSync(out, JSON.stringify({ episodes: EPISODES, runs }) + '\n');
  console.log(`${runs.length} runs written to ${out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
