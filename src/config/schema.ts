/**
 * The config, version 1: one schema for the share link, saved configs, JSON export and the CLI.
 * `parseConfig` never throws; it returns the valid config or path-pointing messages.
 */
import { z } from 'zod';
import { CELL_CHARS, LIMITS, REWARD_CHARS } from './limits';
import { actorCriticSchema, dqnSchema, reinforceSchema } from './neuralAgents';

export const CONFIG_VERSION = 1;

/** 'must be a number' for a wrong type; zod's own range messages otherwise. */
export const NUMBER = {
  error: (iss: { code: string }) => (iss.code === 'invalid_type' ? 'must be a number' : undefined),
};
const finite = (lo: number, hi: number) => z.number(NUMBER).finite().min(lo).max(hi);
const reward = finite(-LIMITS.maxAbsReward, LIMITS.maxAbsReward);
const prob = finite(0, 1);
const int = (lo: number, hi: number) => z.number(NUMBER).int().min(lo).max(hi);

export const rewardsSchema = z.strictObject({
  G: reward.default(1),
  X: reward.default(-1),
  C: reward.default(-100),
  $: reward.default(0.5),
});

export const cellRewardSchema = z.strictObject({
  x: int(0, LIMITS.maxGridSide - 1),
  y: int(0, LIMITS.maxGridSide - 1),
  reward,
});

const gridRow = z
  .string({ error: 'must be a string of cell characters' })
  .min(1, 'row is empty')
  .max(LIMITS.maxGridSide, `row is longer than ${LIMITS.maxGridSide} cells`);

export const envSchema = z
  .strictObject({
    grid: z
      .array(gridRow, { error: 'must be a list of row strings' })
      .min(1, 'grid has no rows')
      .max(LIMITS.maxGridSide, `grid has more than ${LIMITS.maxGridSide} rows`),
    rewards: rewardsSchema.default({ G: 1, X: -1, C: -100, $: 0.5 }),
    cellRewards: z.array(cellRewardSchema).max(2500).default([]),
    stepReward: reward.default(0),
    slip: prob.default(0),
    maxSteps: int(1, LIMITS.maxSteps).default(200),
    gamma: prob.default(0.99),
  })
  .superRefine((env, ctx) => {
    const width = env.grid[0].length;
    let starts = 0;
    let open = 0;
    env.grid.forEach((row, y) => {
      if (row.length !== width)
        ctx.addIssue({
          code: 'custom',
          path: ['grid', y],
          message: `row has ${row.length} cells, expected ${width} like the first row`,
        });
      for (let x = 0; x < row.length; x++) {
        const ch = row[x];
        if (!(CELL_CHARS as readonly string[]).includes(ch)) {
          ctx.addIssue({
            code: 'custom',
            path: ['grid', y],
            message: `unknown cell '${ch.slice(0, 4)}' at x=${x}; use one of ${CELL_CHARS.join(' ')}`,
          });
          return;
        }
        if (ch === 'S') starts++;
        else if (ch !== '#') open++;
      }
    });
    if (starts !== 1)
      ctx.addIssue({ code: 'custom', path: ['grid'], message: `needs exactly one start S, found ${starts}` });
    if (open === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['grid'],
        message: 'needs at least one open cell besides the start',
      });
    const seen = new Set<number>();
    env.cellRewards.forEach((c, i) => {
      const ch = env.grid[c.y]?.[c.x];
      if (ch === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['cellRewards', i],
          message: `cell (${c.x}, ${c.y}) is outside the ${width} x ${env.grid.length} grid`,
        });
      else if (!(REWARD_CHARS as readonly string[]).includes(ch))
        ctx.addIssue({
          code: 'custom',
          path: ['cellRewards', i],
          message: `cell (${c.x}, ${c.y}) is '${ch}'; a reward override applies only to G, X, C or $ cells`,
        });
      const key = c.y * 64 + c.x;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['cellRewards', i],
          message: `cell (${c.x}, ${c.y}) is listed twice`,
        });
      seen.add(key);
    });
  });

const epsilonFields = {
  epsilon: prob.default(0.1),
  epsilonMin: prob.default(0.01),
  /** Multiplied into epsilon after every episode; 1 keeps it constant. */
  epsilonDecay: finite(0.5, 1).default(1),
};

const tdFields = {
  alpha: finite(0, 1).default(0.5),
  ...epsilonFields,
  /** Optimistic initial value for every Q(s, a). */
  qInit: reward.default(0),
  /** Eligibility-trace decay; 0 is one-step TD. */
  lambda: prob.default(0),
};

export const agentSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('random') }),
    z.strictObject({ type: z.literal('q-learning'), ...tdFields }),
    z.strictObject({ type: z.literal('sarsa'), ...tdFields }),
    z.strictObject({ type: z.literal('expected-sarsa'), ...tdFields }),
    z.strictObject({
      type: z.literal('dyna-q'),
      alpha: finite(0, 1).default(0.5),
      ...epsilonFields,
      qInit: reward.default(0),
      planningSteps: int(0, LIMITS.maxPlanningSteps).default(10),
    }),
    z.strictObject({
      type: z.literal('value-iteration'),
      theta: finite(0, 1).default(1e-6),
      maxSweeps: int(1, 100_000).default(10_000),
    }),
    z.strictObject({
      type: z.literal('policy-iteration'),
      theta: finite(0, 1).default(1e-6),
      maxSweeps: int(1, 100_000).default(10_000),
    }),
    z.strictObject({
      type: z.literal('policy-evaluation'),
      theta: finite(0, 1).default(1e-6),
      maxSweeps: int(1, 100_000).default(10_000),
    }),
    dqnSchema,
    actorCriticSchema,
    reinforceSchema,
  ],
  { error: (iss) => (iss.code === 'invalid_union' ? 'unknown agent type' : undefined) },
);

export const trainSchema = z.strictObject({
  episodes: int(1, LIMITS.maxEpisodes).default(500),
  seed: int(0, LIMITS.maxSeed).default(1),
  /** Reward shaping: none, potential-based (policy-invariant), or naive "closer is better". */
  shaping: z.enum(['none', 'potential', 'naive']).default('none'),
  shapingScale: finite(0, 1000).default(1),
  /** Count-based exploration bonus beta / sqrt(N(s')) - beta (0 on a first visit, towards -beta); 0 is off. */
  countBonus: finite(0, 1000).default(0),
});

export const configSchema = z.strictObject({
  version: z.literal(CONFIG_VERSION, { error: `must be ${CONFIG_VERSION}` }),
  env: envSchema,
  agent: agentSchema,
  train: trainSchema.default({
    episodes: 500,
    seed: 1,
    shaping: 'none',
    shapingScale: 1,
    countBonus: 0,
  }),
});

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type EnvConfig = Config['env'];
export type AgentConfig = Config['agent'];
export type AgentType = AgentConfig['type'];
export type TrainConfig = Config['train'];

export type ParseResult = { ok: true; config: Config } | { ok: false; errors: string[] };

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(config)';
}

/** Validate anything (parsed JSON, a decoded link) into a Config, with messages naming each bad field. */
export function parseConfig(input: unknown): ParseResult {
  const r = configSchema.safeParse(input);
  if (r.success) return { ok: true, config: r.data };
  const errors = r.error.issues.slice(0, 20).map((i) => `${formatPath(i.path)}: ${i.message}`);
  return { ok: false, errors };
}
