/**
 * Lab documents, validated like the config: a comparison experiment (a base Config, named variants that
 * override parts of its env / agent / train, a seed count and an episode budget), a sparsity sweep
 * (a base Config, goal distances, seeds and a step budget per run) and a thinking budget (variants, each
 * with a knob that spends compute and the values to turn it to). `parseExperiment` / `parseSweep` /
 * `parseBudget` never throw; they return the resolved configs or path-pointing messages.
 */
import { z } from './zod';
import { isLearningAgent } from './agentKinds';
import { BUDGET_KNOBS, KNOB_AGENTS, type BudgetKnob } from './budgetKnobs';
import { oneLine } from './safeJson';
import {
  configSchema,
  formatIssues,
  MAX_MESSAGE_CHARS,
  neverThrow,
  parseConfig,
  type Config,
} from './schema';

export const MAX_VARIANTS = 8;
export const MAX_LAB_SEEDS = 64;
export const MAX_LAB_EPISODES = 20_000;
export const MAX_SWEEP_BUDGET = 2_000_000;

const int = (lo: number, hi: number) => z.number({ error: 'must be a number' }).int().min(lo).max(hi);
const overrides = z.record(z.string(), z.unknown(), { error: 'must be an object of fields to override' });

export const variantSchema = z.strictObject({
  name: z.string({ error: 'must be a string' }).trim().min(1, 'name is empty').max(40, 'name is too long'),
  env: overrides.optional(),
  agent: overrides.optional(),
  train: overrides.optional(),
  /** The variant's own demonstrations (default: the base's), e.g. a ranking for a learned reward. */
  demonstrations: z.array(z.unknown(), { error: 'must be a list of move strings' }).optional(),
});

export const experimentSchema = z.strictObject({
  version: z.literal(1, { error: 'must be 1' }),
  title: z.string().max(80).optional(),
  base: configSchema,
  variants: z
    .array(variantSchema, { error: 'must be a list of variants' })
    .min(1, 'needs at least one variant')
    .max(MAX_VARIANTS, `at most ${MAX_VARIANTS} variants`),
  seeds: int(1, MAX_LAB_SEEDS).default(8),
  /** Episodes per run for every variant (a fair comparison uses one budget); default: base.train.episodes. */
  episodes: int(1, MAX_LAB_EPISODES).optional(),
});

export const sweepSchema = z.strictObject({
  version: z.literal(1, { error: 'must be 1' }),
  base: configSchema,
  /** Shortest-path distances from the start at which the goal is placed. */
  distances: z.array(int(1, 200)).min(1, 'needs at least one distance').max(24, 'at most 24 distances'),
  seeds: int(1, MAX_LAB_SEEDS).default(8),
  /** Environment steps a run may take before it is counted as never having found the goal. */
  budget: int(100, MAX_SWEEP_BUDGET).default(100_000),
});

export { BUDGET_KNOBS, KNOB_AGENTS, type BudgetKnob };

export const MAX_BUDGET_VALUES = 12;

const knobSchema = z.enum(BUDGET_KNOBS, { error: `must be one of ${BUDGET_KNOBS.join(', ')}` });
const knobValues = z
  .array(int(0, 100_000), { error: 'must be a list of whole numbers' })
  .min(1, 'needs at least one value')
  .max(MAX_BUDGET_VALUES, `at most ${MAX_BUDGET_VALUES} values`);

export const budgetVariantSchema = variantSchema.extend({
  /** The variant's own knob and values (default: the document's). */
  knob: knobSchema.optional(),
  values: knobValues.optional(),
});

export const budgetSchema = z.strictObject({
  version: z.literal(1, { error: 'must be 1' }),
  title: z.string().max(80).optional(),
  base: configSchema,
  /** The knob and values of every variant that names none of its own. */
  knob: knobSchema.optional(),
  values: knobValues.optional(),
  variants: z
    .array(budgetVariantSchema, { error: 'must be a list of variants' })
    .min(1, 'needs at least one variant')
    .max(MAX_VARIANTS, `at most ${MAX_VARIANTS} variants`),
  seeds: int(1, MAX_LAB_SEEDS).default(8),
  /** Real episodes per run (default: base.train.episodes). */
  episodes: int(1, MAX_LAB_EPISODES).optional(),
  /** The greedy path is checked after every `solvedEvery`-th episode (1: after each one). */
  solvedEvery: int(1, 1000).default(1),
});

export type VariantSpec = z.output<typeof variantSchema>;
export type BudgetVariantSpec = z.input<typeof budgetVariantSchema>;
export type BudgetInput = z.input<typeof budgetSchema>;
export type ExperimentInput = z.input<typeof experimentSchema>;
export type SweepInput = z.input<typeof sweepSchema>;

export interface Variant {
  name: string;
  config: Config;
}

export interface Experiment {
  title: string;
  base: Config;
  variants: Variant[];
  seeds: number;
  episodes: number;
}

export type SweepSpec = z.output<typeof sweepSchema>;

/** One variant of a thinking budget: its knob, the values, and the resolved config of each value. */
export interface BudgetVariant {
  name: string;
  knob: BudgetKnob;
  values: number[];
  /** configs[i] is the variant at values[i] (seed not yet added). */
  configs: Config[];
}

export interface BudgetSpec {
  title: string;
  variants: BudgetVariant[];
  seeds: number;
  episodes: number;
  solvedEvery: number;
}

export type LabParse<T> = { ok: true; value: T } | { ok: false; errors: string[] };

type Obj = Record<string, unknown>;

/** A message about one variant, on one line and as short as the config's own messages. */
function aboutVariant(v: VariantSpec, message: string): string {
  return oneLine(`variant '${oneLine(v.name, 40)}': ${message}`, MAX_MESSAGE_CHARS);
}

/** The config a variant describes: its overrides laid over the base (a different agent type starts
 *  from that type's defaults instead of the base agent's fields). */
export function applyVariant(base: Config, v: VariantSpec, episodes?: number): LabParse<Config> {
  const env: Obj = { ...base.env, ...v.env };
  if (v.env?.rewards && typeof v.env.rewards === 'object')
    env.rewards = { ...base.env.rewards, ...(v.env.rewards as Obj) };
  const sameType = v.agent?.type === undefined || v.agent.type === base.agent.type;
  const agent: Obj = sameType ? { ...base.agent, ...v.agent } : { ...v.agent };
  const train: Obj = { ...base.train, ...v.train };
  if (episodes !== undefined) train.episodes = episodes;
  const r = parseConfig({
    version: base.version,
    env,
    agent,
    train,
    demonstrations: v.demonstrations ?? base.demonstrations,
  });
  if (!r.ok) return { ok: false, errors: r.errors.map((e) => aboutVariant(v, e)) };
  return { ok: true, value: r.config };
}

export { isLearningAgent };

export function parseExperiment(input: unknown): LabParse<Experiment> {
  return neverThrow('(document)', () => checkExperiment(input));
}

function checkExperiment(input: unknown): LabParse<Experiment> {
  const r = experimentSchema.safeParse(input);
  if (!r.success) return { ok: false, errors: formatIssues(r.error.issues, '(document)') };
  const d = r.data;
  const episodes = d.episodes ?? d.base.train.episodes;
  const errors: string[] = [];
  const variants: Variant[] = [];
  const names = new Set<string>();
  for (const v of d.variants) {
    if (names.has(v.name)) errors.push(aboutVariant(v, 'name: the name is used twice'));
    names.add(v.name);
    const c = applyVariant(d.base, v, episodes);
    if (!c.ok) errors.push(...c.errors);
    else if (!isLearningAgent(c.value.agent.type))
      errors.push(
        aboutVariant(v, `agent.type: ${c.value.agent.type} plans instead of learning; pick a learning agent`),
      );
    else variants.push({ name: v.name, config: c.value });
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { title: d.title ?? '', base: d.base, variants, seeds: d.seeds, episodes } };
}

export function parseSweep(input: unknown): LabParse<SweepSpec> {
  return neverThrow('(document)', () => checkSweep(input));
}

function checkSweep(input: unknown): LabParse<SweepSpec> {
  const r = sweepSchema.safeParse(input);
  if (!r.success) return { ok: false, errors: formatIssues(r.error.issues, '(document)') };
  const type = r.data.base.agent.type;
  if (!isLearningAgent(type))
    return {
      ok: false,
      errors: [`base.agent: the sweep runs learning agents (random, q-learning, dqn, ...), not ${type}`],
    };
  return { ok: true, value: r.data };
}

/** The agent overrides that turn a knob to a value (hidden: every layer of the agent's network). */
function knobOverride(knob: BudgetKnob, value: number, agent: Obj): Obj {
  if (knob !== 'hidden') return { [knob]: value };
  const layers = Array.isArray(agent.hidden) && agent.hidden.length > 0 ? agent.hidden.length : 1;
  return { hidden: new Array<number>(layers).fill(value) };
}

export function parseBudget(input: unknown): LabParse<BudgetSpec> {
  return neverThrow('(document)', () => checkBudget(input));
}

function checkBudget(input: unknown): LabParse<BudgetSpec> {
  const r = budgetSchema.safeParse(input);
  if (!r.success) return { ok: false, errors: formatIssues(r.error.issues, '(document)') };
  const d = r.data;
  const episodes = d.episodes ?? d.base.train.episodes;
  const errors: string[] = [];
  const variants: BudgetVariant[] = [];
  const names = new Set<string>();
  for (const v of d.variants) {
    if (names.has(v.name)) errors.push(aboutVariant(v, 'name: the name is used twice'));
    names.add(v.name);
    const knob = v.knob ?? d.knob;
    const values = v.values ?? d.values;
    if (!knob || !values) {
      errors.push(
        aboutVariant(v, `${knob ? 'values' : 'knob'}: none given (set it on the variant or the document)`),
      );
      continue;
    }
    const twice = values.find((x, i) => values.indexOf(x) !== i);
    if (twice !== undefined) errors.push(aboutVariant(v, `values: ${twice} is listed twice`));
    const plain = applyVariant(d.base, v, episodes);
    if (!plain.ok) {
      errors.push(...plain.errors);
      continue;
    }
    const type = plain.value.agent.type;
    if (!KNOB_AGENTS[knob].includes(type)) {
      errors.push(
        aboutVariant(v, `knob: ${knob} is a knob of ${KNOB_AGENTS[knob].join(' / ')} agents, not of ${type}`),
      );
      continue;
    }
    const configs: Config[] = [];
    for (const value of values) {
      const agent = { ...(v.agent ?? {}), type, ...knobOverride(knob, value, plain.value.agent as Obj) };
      const c = applyVariant(d.base, { ...v, agent }, episodes);
      if (c.ok) configs.push(c.value);
      else errors.push(...c.errors.map((e) => `${e} (at ${knob} ${value})`));
    }
    variants.push({ name: v.name, knob, values, configs });
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: { title: d.title ?? '', variants, seeds: d.seeds, episodes, solvedEvery: d.solvedEvery },
  };
}
