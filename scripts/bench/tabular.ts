/** Environment steps per second of the tabular agents on a sparse 20 x 20 grid (learning on). */
import { parseConfig } from '../../src/config/schema';
import { Trainer } from '../../src/rl/trainer';
import { spread } from './_stats';

function sparse20(): string[] {
  const rows: string[] = [];
  for (let y = 0; y < 20; y++) {
    let r = '';
    for (let x = 0; x < 20; x++)
      r += x === 0 && y === 0 ? 'S' : x === 19 && y === 19 ? 'G' : (x * 7 + y * 13) % 17 === 0 ? '#' : '.';
    rows.push(r);
  }
  return rows;
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
  console.log(
    `sparse 20 x 20 grid, ${STEPS.toLocaleString('en-US')} steps per run, median (min-max) of ${REPEATS} runs`,
  );
  for (const [name, agent] of Object.entries(AGENTS)) {
    const r = parseConfig({
      version: 1,
      env: { grid: sparse20(), maxSteps: 400 },
      agent,
      train: { seed: 1 },
    });
    if (!r.ok) throw new Error(r.errors.join('; '));
    const rates: number[] = [];
    const steps = name.startsWith('dyna') ? STEPS / 10 : STEPS;
    for (let k = 0; k < REPEATS + 1; k++) {
      const t = new Trainer({ ...r.config, train: { ...r.config.train, seed: k + 1 } });
      const t0 = performance.now();
      t.runSteps(steps);
      const ms = performance.now() - t0;
      if (k > 0) rates.push((steps / ms) * 1000); // the first run warms up the JIT
    }
    console.log(
      `${name.padEnd(24)} ${spread(
        rates.map((x) => x / 1e6),
        2,
        'M steps/s',
      )}`,
    );
  }
}
