/**
 * The lab's documents a preset describes (its comparison, sparsity sweep and thinking budget), parsed
 * with the experiment schemas: the only place a preset's Lab document is built (the page's Lab,
 * src/store/labActions.ts, and the CLI, src/cli/lab.ts, both start from these). Apart from presets.ts,
 * so the playground's lesson picker does not carry the experiment parsers.
 */
import type { Config } from './schema';
import {
  parseBudget,
  parseExperiment,
  parseSweep,
  type BudgetInput,
  type BudgetSpec,
  type Experiment,
  type VariantSpec,
} from './experiment';
import type { Preset } from './presets';

/** The comparison document a preset describes, unparsed (null for presets without variants); without
 *  `seeds` it leaves the count to the document's default. */
export function presetExperimentInput(
  p: Preset,
  seeds?: number,
): { version: 1; title: string; base: Config; variants: VariantSpec[]; seeds?: number } | null {
  if (!p.variants) return null;
  const input = { version: 1 as const, title: p.title, base: p.config, variants: p.variants };
  return seeds === undefined ? input : { ...input, seeds };
}

/** The comparison a preset describes (null for presets without variants). */
export function presetExperiment(p: Preset, seeds = p.seeds ?? 8): Experiment | null {
  const input = presetExperimentInput(p, seeds);
  if (!input) return null;
  const r = parseExperiment(input);
  if (!r.ok) throw new Error(`preset '${p.id}' comparison is invalid: ${r.errors.join('; ')}`);
  return r.value;
}

/** The sparsity-sweep document of a preset's world with `config`'s agent, unparsed: the preset's own
 *  distances and budget when it has them (undefined otherwise). */
export function presetSweepInput(
  p: Preset,
  config: Config = p.config,
): { version: 1; base: Config; distances: number[] | undefined; budget: number | undefined } {
  return { version: 1, base: config, distances: p.sweepDistances, budget: p.sweepBudget };
}

/** The sparsity sweep of a preset's world with the given (learning) agent config. */
export function presetSweep(
  p: Preset,
  distances: number[],
  seeds = 8,
  config: Config = p.config,
  budget = p.sweepBudget ?? 50_000,
): ReturnType<typeof parseSweep> {
  return parseSweep({ ...presetSweepInput(p, config), distances, seeds, budget });
}

/** The thinking-budget document a preset describes (null for presets without one). */
export function presetBudgetInput(p: Preset, seeds = p.seeds ?? 8): BudgetInput | null {
  if (!p.budget) return null;
  return { version: 1, title: p.title, base: p.config, ...p.budget, seeds };
}

/** The thinking budget a preset describes, resolved (null for presets without one). */
export function presetBudget(p: Preset, seeds = p.seeds ?? 8): BudgetSpec | null {
  const input = presetBudgetInput(p, seeds);
  if (!input) return null;
  const r = parseBudget(input);
  if (!r.ok) throw new Error(`preset '${p.id}' thinking budget is invalid: ${r.errors.join('; ')}`);
  return r.value;
}
