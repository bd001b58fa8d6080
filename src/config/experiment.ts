/**
 * Lab documents, validated like the config: a comparison experiment (a base Config, named variants that
 * override parts of its env / agent / train, a seed count and an episode budget), a sparsity sweep
 * (a base Config, goal distances, seeds and a step budget per run) and a thinking budget (variants, each
 * with a knob that spends compute and the values to turn it to). `parseExperiment` / `parseSweep` /
 * `parseBudget` never throw; they return the resolved configs or path-pointing messages.
 */
import { z } from './zod';
import { numberIn } from './limits';
import { isLearningAgent } from './agentKinds';
import { BUDGET_KNOBS, KNOB_AGENTS, type BudgetKnob } from './budgetKnobs';
import { migrate } from './migrate';
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

const int = (lo: number, hi: number) => z.number(numberIn(lo, hi)).int().min(lo).max(hi);
const overrides = z.record(z.string(), z.unknown(), { error: 'must be an object of fields to override' });

export const variantSchema = z.strictObject({
  name: z.string({ error: 'must be a string' }).trim().min(1, 'name is empty').max(40, 'name is too long'),
  env: overrides.optional(),
  agent: overrides.optional(),
  train: overrides.optional(),
  /** The variant's own demonstrations (default: the base's), e.g. a ranking for a learned reward. */
  demonstrations: z.array(z.unknown(), { error: 'must be a list of move strings' }).optional(),
});

/** A lab document's base config: of any version the app reads (migrated first, like a link or a file),
 *  so an experiment written for an older config version still runs. */
const baseSchema = z.preprocess((v) => {
  const m = migrate(v);
  return m.ok ? m.value : v;
}, configSchema);

/** The fields a lab document with variants opens with. */
const documentHead = {
  version: z.literal(1, { error: 'must be 1' }),
  title: z.string().max(80).optional(),
  base: baseSchema,
};

/** A document's list of variants (each checked by `variant`). */
const variantList = <V extends z.ZodType>(variant: V) =>
  z
    .array(variant, { error: 'must be a list of variants' })
    .min(1, 'needs at least one variant')
    .max(MAX_VARIANTS, `at most ${MAX_VARIANTS} variants`);

const labSeeds = int(1, MAX_LAB_SEEDS).default(8);

export const experimentSchema = z.strictObject({
  ...documentHead,
  variants: variantList(variantSchema),
  seeds: labSeeds,
  /** Episodes per run for every variant (a fair comparison uses one budget); default: base.train.episodes. */
  episodes: int(1, MAX_LAB_EPISODES).optional(),
});

export const sweepSchema = z.strictObject({
  version: z.literal(1, { error: 'must be 1' }),
  base: baseSchema,
  /** Shortest-path distances from the start at which the goal is placed. */
  distances: z.array(int(1, 200)).min(1, 'needs at least one distance').max(24, 'at most 24 distances'),
  seeds: labSeeds,
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
  ...documentHead,
  /** The knob and values of every variant that names none of its own. */
  knob: knobSchema.optional(),
  values: knobValues.optional(),
  variants: variantList(budgetVariantSchema),
  seeds: labSeeds,
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
  if (episodes !== undefined && v.train?.episodes !== undefined && v.train.episodes !== episodes)
    return {
      ok: false,
      errors: [
        aboutVariant(
          v,
          `train.episodes: every variant runs the same ${episodes} episodes (a fair comparison); set "episodes" at the top of the document instead of in a variant`,
        ),
      ],
    };
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

/** A lab document through its schema (the messages name each bad field), then through `check`; never
 *  throws. */
function parseDocument<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  check: (d: z.output<S>) => LabParse<T>,
): LabParse<T> {
  return neverThrow('(document)', () => {
    const r = schema.safeParse(input);
    if (!r.success) return { ok: false, errors: formatIssues(r.error.issues, '(document)') };
    return check(r.data);
  });
}

export function parseExperiment(input: unknown): LabParse<Experiment> {
  return parseDocument(experimentSchema, input, checkExperiment);
}

function checkExperiment(d: z.output<typeof experimentSchema>): LabParse<Experiment> {
  const episodes = d.episodes ?? d.base.train.episodes;
  const variants = checkVariants(d.variants, (v, errors): Variant | undefined => {
    const c = applyVariant(d.base, v, episodes);
    if (!c.ok) errors.push(...c.errors);
    else if (!isLearningAgent(c.value.agent.type))
      errors.push(
        aboutVariant(v, `agent.type: ${c.value.agent.type} plans instead of learning; pick a learning agent`),
      );
    else return { name: v.name, config: c.value };
  });
  if (!variants.ok) return variants;
  return {
    ok: true,
    value: { title: d.title ?? '', base: d.base, variants: variants.value, seeds: d.seeds, episodes },
  };
}

/** A lab document's variants, each through `check` (which adds its own messages to `errors` and
 *  returns the variant, or nothing when it does not stand), in order; a name used twice is an error. */
function checkVariants<S extends VariantSpec, V>(
  specs: readonly S[],
  check: (v: S, errors: string[]) => V | undefined,
): LabParse<V[]> {
  const errors: string[] = [];
  const variants: V[] = [];
  const names = new Set<string>();
  for (const v of specs) {
    if (names.has(v.name)) errors.push(aboutVariant(v, 'name: the name is used twice'));
    names.add(v.name);
    const out = check(v, errors);
    if (out !== undefined) variants.push(out);
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: variants };
}

export function parseSweep(input: unknown): LabParse<SweepSpec> {
  return parseDocument(sweepSchema, input, checkSweep);
}

function checkSweep(d: SweepSpec): LabParse<SweepSpec> {
  const type = d.base.agent.type;
  if (!isLearningAgent(type))
    return {
      ok: false,
      errors: [`base.agent: the sweep runs learning agents (random, q-learning, dqn, ...), not ${type}`],
    };
  return { ok: true, value: d };
}

/** The agent overrides that turn a knob to a value (hidden: every layer of the agent's network). */
function knobOverride(knob: BudgetKnob, value: number, agent: Obj): Obj {
  if (knob !== 'hidden') return { [knob]: value };
  const layers = Array.isArray(agent.hidden) && agent.hidden.length > 0 ? agent.hidden.length : 1;
  return { hidden: new Array<number>(layers).fill(value) };
}

export function parseBudget(input: unknown): LabParse<BudgetSpec> {
  return parseDocument(budgetSchema, input, checkBudget);
}

function checkBudget(d: z.output<typeof budgetSchema>): LabParse<BudgetSpec> {
  const episodes = d.episodes ?? d.base.train.episodes;
  const variants = checkVariants(d.variants, (v, errors): BudgetVariant | undefined => {
    const knob = v.knob ?? d.knob;
    const values = v.values ?? d.values;
    if (!knob || !values) {
      errors.push(
        aboutVariant(v, `${knob ? 'values' : 'knob'}: none given (set it on the variant or the document)`),
      );
      return;
    }
    const twice = values.find((x, i) => values.indexOf(x) !== i);
    if (twice !== undefined) errors.push(aboutVariant(v, `values: ${twice} is listed twice`));
    const plain = applyVariant(d.base, v, episodes);
    if (!plain.ok) {
      errors.push(...plain.errors);
      return;
    }
    const type = plain.value.agent.type;
    if (!KNOB_AGENTS[knob].includes(type)) {
      errors.push(
        aboutVariant(v, `knob: ${knob} is a knob of ${KNOB_AGENTS[knob].join(' / ')} agents, not of ${type}`),
      );
      return;
    }
    const configs: Config[] = [];
    for (const value of values) {
      const agent = { ...(v.agent ?? {}), type, ...knobOverride(knob, value, plain.value.agent as Obj) };
      const c = applyVariant(d.base, { ...v, agent }, episodes);
      if (c.ok) configs.push(c.value);
      else errors.push(...c.errors.map((e) => `${e} (at ${knob} ${value})`));
    }
    return { name: v.name, knob, values, configs };
  });
  if (!variants.ok) return variants;
  const { seeds, solvedEvery } = d;
  return {
    ok: true,
    value: { title: d.title ?? '', variants: variants.value, seeds, episodes, solvedEvery },
  };
}
