/**
 * Simulated steps per second of the mcts agent (steps taken inside its searches: tree descents and
 * rollouts) on an open 20 x 20 world with a far sparse goal, through the trainer as a run uses it.
 * Goal: at least 5M simulated steps per second. Timed in this process's CPU time (process.cpuUsage), so
 * what others run on a shared machine does not count; wall-clock rates are printed next to it.
 */
import { CONFIG_VERSION, parseConfig, type Config } from '../../src/config/schema';
import { MctsAgent } from '../../src/rl/agents/mcts';
import { Trainer } from '../../src/rl/trainer';
import { median, spread } from './_stats';

const GOAL = 5e6;
const REAL_STEPS = 400;
const REPEATS = 5;

function open20(): string[] {
  return Array.from({ length: 20 }, (_, y) =>
    Array.from({ length: 20 }, (_, x) => (x === 0 && y === 0 ? 'S' : x === 19 && y === 19 ? 'G' : '.')).join(
      '',
    ),
  );
}

const CASES: { name: string; env?: object; agent?: object; train?: object }[] = [
  { name: 'defaults (200 sims, rollouts of 50, reuse)' },
  { name: 'fresh tree every move', agent: { reuseTree: false } },
  { name: 'slip 0.2', env: { slip: 0.2 } },
  { name: 'potential shaping', train: { shaping: 'potential' } },
  { name: 'count bonus 0.1', train: { countBonus: 0.1 } },
  { name: 'learned leaf values', agent: { leafValue: 'learned' } },
];

function config(c: (typeof CASES)[number], seed: number): Config {
  const r = parseConfig({
    version: CONFIG_VERSION,
    env: { grid: open20(), maxSteps: 200, ...c.env },
    agent: { type: 'mcts', ...c.agent },
    train: { seed, ...c.train },
  });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.config;
}

export async function run(): Promise<void> {
  console.log(
    `open 20 x 20 world, goal 38 steps away, ${REAL_STEPS} real steps per run; simulated steps per CPU second ` +
      `and per wall second, median (min-max) of ${REPEATS} runs`,
  );
  let worst = Infinity;
  for (const c of CASES) {
    const cpu: number[] = [];
    const wall: number[] = [];
    for (let k = 0; k < REPEATS + 1; k++) {
      const t = new Trainer(config(c, k + 1));
      const agent = t.agent as MctsAgent;
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      t.runSteps(REAL_STEPS);
      const used = process.cpuUsage(c0);
      const ms = performance.now() - t0;
      if (k === 0) continue; // the first run warms up the JIT
      cpu.push((agent.simulatedSteps / (used.user + used.system)) * 1e6);
      wall.push((agent.simulatedSteps / ms) * 1000);
    }
    worst = Math.min(worst, median(cpu));
    const m = (xs: number[]) => xs.map((x) => x / 1e6);
    console.log(`${c.name.padEnd(44)} ${spread(m(cpu), 1, 'M/CPU s')}   wall ${spread(m(wall), 1, 'M/s')}`);
  }
  const verdict = worst >= GOAL ? 'meets' : 'MISSES';
  console.log(`slowest median ${(worst / 1e6).toFixed(1)}M/CPU s: ${verdict} the goal of ${GOAL / 1e6}M/s`);
}
