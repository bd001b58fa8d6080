/**
 * The lab's documents a preset describes (its comparison, sparsity sweep and thinking budget), parsed
 * with the experiment schemas. Apart from presets.ts, so the playground's lesson picker does not carry
 * the experiment parsers.
 */
import type { Config } from './schema';
import {
  parseBudget,
  parseExperiment,
  parseSweep,
  type BudgetInput,
  type BudgetSpec,
  type Experiment,
} from './experiment';
import type { Preset } from './presets';

/** The comparison a preset describes (null for presets without variants). */
export function presetExperiment(p: Preset, seeds = p.seeds ?? 8): Experiment | null {
  if (!p.variants) return null;
  const r = parseExperiment({ version: 1, title: p.title, base: p.config, variants: p.variants, seeds });
  if (!r.ok) throw new Error(`preset '${p.id}' comparison is invalid: ${r.errors.join('; ')}`);
  return r.value;
}

/** The sparsity sweep of a preset's world with the given (learning) agent config. */
export function presetSweep(
  p: Preset,
  distances: number[],
  seeds = 8,
  config: Config = p.config,
  budget = p.sweepBudget ?? 50_000,
): ReturnType<typeof parseSweep> {
  return parseSweep({ version: 1, base: config, distances, seeds, budget });
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
