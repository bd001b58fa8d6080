/**
 * Measures the figures the preset captions quote ("7 of 8 seeds", "98% success", "on 10/10 seeds") by
 * running each preset's Lab document (its comparison or thinking budget, at the preset's seeds) and
 * writes them to src/config/presetResults.ts, from which src/config/presets.ts builds the captions.
 * tests/unit/presetCaptions.test.ts re-runs the cheap parts and compares them with the file;
 * `npm run bench -- captions` re-runs all of it (DQN's presets take minutes).
 *
 *   npx tsx scripts/record-captions.ts            (rewrites src/config/presetResults.ts)
 *   npx tsx scripts/record-captions.ts --check    (only compares; exit status 1 on a difference)
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBudget, type BudgetSpec } from '../src/config/experiment';
import { presetBudget, presetBudgetInput, presetExperiment } from '../src/config/presetExperiments';
import { getPreset } from '../src/config/presets';
import { CONFIG_VERSION, parseConfig } from '../src/config/schema';
import {
  PRESET_RESULTS,
  type BudgetFigures,
  type ComparisonFigures,
  type PresetResults,
} from '../src/config/presetResults';
import { runBudget, type BudgetResult } from '../src/rl/lab/budget';
import { runComparison, type ComparisonResult } from '../src/rl/lab/compare';
import { Trainer } from '../src/rl/trainer';

/** Per variant: seeds, seeds that never succeeded, the first-success episodes found (sorted), their
 *  median (censored seeds counted as later than any) and the success rate over the last 10%. */
export function comparisonFigures(r: ComparisonResult): ComparisonFigures {
  return r.variants.map((v) => ({
    name: v.name,
    seeds: v.seeds,
    never: v.firstEpisode.censored,
    first: v.firstEpisode.found,
    median: v.firstEpisode.median,
    finalSuccess: v.finalSuccessRate,
  }));
}

/** Per (variant, value): seeds, seeds never solved, the solved-episode median and latest, the success
 *  rate over all episodes and the mean compute per run. */
export function budgetFigures(r: BudgetResult): BudgetFigures {
  return r.points.map((p) => ({
    variant: p.variant,
    value: p.value,
    seeds: p.seeds,
    unsolved: p.solvedEpisode.censored,
    solvedMedian: p.solvedEpisode.median,
    solvedMax: p.solvedEpisode.max,
    success: p.successRate,
    compute: p.computeSteps,
  }));
}

/** A preset's thinking budget restricted to some variants and values (the reduced runs). */
export function budgetSubset(id: string, values: Record<string, number[]>): BudgetSpec {
  const input = presetBudgetInput(getPreset(id)!)!;
  const variants = input.variants
    .filter((v) => values[v.name])
    .map((v) => ({ ...v, values: values[v.name] }));
  const r = parseBudget({ ...input, variants });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value;
}

export async function measureComparison(id: string): Promise<ComparisonFigures> {
  return comparisonFigures(await runComparison(presetExperiment(getPreset(id)!)!));
}

export async function measureBudget(
  id: string,
  spec = presetBudget(getPreset(id)!)!,
): Promise<BudgetFigures> {
  return budgetFigures(await runBudget(spec));
}

/** The expected length of a uniform random walk from the start of a preset's world to a goal (what
 *  an agent that has seen no reward does, whatever it thinks): policy evaluation of the uniform random
 *  policy at -1 a move, undiscounted, rounded to 0.1 step. */
export function randomWalkSteps(id: string): number {
  const env = getPreset(id)!.config.env;
  const minusOne = Object.fromEntries(Object.keys(env.rewards).map((k) => [k, -1]));
  const r = parseConfig({
    version: CONFIG_VERSION,
    env: { ...env, rewards: minusOne, stepReward: -1, slip: 0, gamma: 1 },
    agent: { type: 'policy-evaluation', theta: 1e-9, maxSweeps: 100_000 },
  });
  if (!r.ok) throw new Error(r.errors.join('; '));
  const t = new Trainer(r.config);
  t.train();
  const v = new Float64Array(t.grid.nStates);
  t.agent.values(v);
  return Math.round(-v[t.grid.start] * 10) / 10;
}

/** Every recorded figure, measured afresh. */
export async function measureAll(log: (line: string) => void = () => {}): Promise<PresetResults> {
  const timed = async <T>(id: string, f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await f();
    log(`${id}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return out;
  };
  return {
    'deep-needle': await timed('deep-needle', () => measureComparison('deep-needle')),
    'dyna-maze': await timed('dyna-maze', () => measureBudget('dyna-maze')),
    'dyna-maze-random-walk': randomWalkSteps('dyna-maze'),
    'search-wall': await timed('search-wall', () => measureBudget('search-wall')),
    'bigger-or-longer': await timed('bigger-or-longer', () => measureBudget('bigger-or-longer')),
  };
}

const HEADER = `/**
 * The figures the preset captions quote, measured by running each preset's Lab document at its seeds
 * (scripts/record-captions.ts wrote this file: do not edit it by hand). src/config/presets.ts builds the
 * captions from them; tests/unit/presetCaptions.test.ts re-runs the cheap parts and
 * \`npm run bench -- captions\` all of it, each comparing with these.
 */
`;

/** The figures' types live in src/config/presetResultTypes.ts (written once); the data file imports them. */
const TYPES = `
import type { PresetResults } from './presetResultTypes';

export type * from './presetResultTypes';
`;

/** The file's text: one line per preset (generated data, kept as written). */
export function presetResultsSource(r: PresetResults): string {
  const lines = Object.entries(r).map(([id, figures]) => `  '${id}': ${JSON.stringify(figures)},`);
  return `${HEADER}${TYPES}\n// prettier-ignore\nexport const PRESET_RESULTS: PresetResults = {\n${lines.join('\n')}\n};\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  const fresh = await measureAll((line) => console.error(line));
  if (!check) {
    const file = join(dirname(fileURLToPath(import.meta.url)), '../src/config/presetResults.ts');
    writeFileSync(file, presetResultsSource(fresh));
    console.log(`wrote ${file}`);
  } else {
    const same = JSON.stringify(fresh) === JSON.stringify(PRESET_RESULTS);
    console.log(same ? 'the recorded caption figures equal a fresh run' : 'the caption figures differ');
    if (!same) process.exitCode = 1;
  }
}
