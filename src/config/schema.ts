/**
 * The config, version 2: one schema for the share link, saved configs, JSON export and the CLI.
 * `parseConfig` never throws; it returns the valid config or path-pointing messages.
 */
import { z } from './zod';
import { CELL_CHARS, LIMITS, REWARD_CHARS } from './limits';
import { oneLine } from './safeJson';
import { actorCriticSchema, dqnSchema, reinforceSchema } from './neuralAgents';
import { mctsSchema } from './searchAgents';
import { demonstrationsSchema } from './demonstrations';

export const CONFIG_VERSION = 2;

/** A number field's slider, where the schema's own range does not suit one: a sensible range inside it
 *  (the number box still takes any value the schema allows), a step, a logarithmic scale. */
export interface SliderMeta {
  min?: number;
  max?: number;
  step?: number;
  /** Logarithmic (for ranges over several orders of magnitude; min must be > 0). */
  log?: boolean;
}

// What a field's `.meta()` holds: the settings form renders every field that has a label
// (src/ui/common/schemaBounds.ts reads the rest of the field, range, default and kind, from the schema).
declare module 'zod' {
  interface GlobalMeta {
    /** The field's form label, or an agent type's name in the picker. */
    label?: string;
    /** Plain words: what the field (or agent) does. */
    tooltip?: string;
    /** A number's slider where the schema's range does not suit one; false: the number box only. */
    slider?: SliderMeta | false;
    /** An enum's option labels, by value. */
    options?: Record<string, string>;
    /** An agent type's group in the picker ('Tabular', 'Planning', 'Neural', ...). */
    group?: string;
  }
}

/** 'must be a number' for a wrong type; zod's own range messages otherwise. */
export const NUMBER = {
  error: (iss: { code: string }) => (iss.code === 'invalid_type' ? 'must be a number' : undefined),
};
const finite = (lo: number, hi: number) => z.number(NUMBER).finite().min(lo).max(hi);
const reward = finite(-LIMITS.maxAbsReward, LIMITS.maxAbsReward);
const prob = finite(0, 1);
const int = (lo: number, hi: number) => z.number(NUMBER).int().min(lo).max(hi);

const rewardSlider = { min: -10, max: 10, step: 0.1 };
export const rewardsSchema = z.strictObject({
  G: reward.default(1).meta({
    label: 'Goal reward',
    tooltip: 'Paid for reaching a goal; the episode ends.',
    slider: rewardSlider,
  }),
  X: reward.default(-1).meta({
    label: 'Pit reward',
    tooltip: 'Paid for falling into a pit; the episode ends.',
    slider: rewardSlider,
  }),
  C: reward.default(-100).meta({
    label: 'Cliff reward',
    tooltip: 'Paid for stepping onto a cliff; the agent is sent back to the start and the episode goes on.',
    slider: { min: -200, max: 10, step: 1 },
  }),
  $: reward.default(0.5).meta({
    label: 'Bonus reward',
    tooltip: 'Paid every time the agent steps onto a bonus cell (it stays there, so it can be farmed).',
    slider: rewardSlider,
  }),
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
    rewards: rewardsSchema.default(() => rewardsSchema.parse({})),
    cellRewards: z.array(cellRewardSchema).max(2500).default([]),
    stepReward: reward.default(0).meta({
      label: 'Step reward',
      tooltip:
        'Reward for every move onto an empty cell (or into a wall). A small negative value, like -0.01, makes the agent hurry.',
      slider: { min: -1, max: 1 },
    }),
    slip: prob.default(0).meta({
      label: 'Slip',
      tooltip:
        'Chance that a move goes sideways instead (half to each side): a slippery floor. 0 is fully predictable.',
    }),
    maxSteps: int(1, LIMITS.maxSteps)
      .default(200)
      .meta({
        label: 'Max steps',
        tooltip: 'An episode that has not ended after this many steps is cut off and starts again.',
        slider: { min: 10, max: 10_000, log: true },
      }),
    gamma: prob.default(0.99).meta({
      label: 'Discount γ',
      tooltip:
        'How much a reward one step later is worth now. Near 1 the agent plans far ahead; near 0 it only cares about the next reward.',
      slider: { step: 0.001 },
    }),
  })
  .superRefine((env, ctx) => {
    // zod runs this refinement after checks that do not abort (an empty grid, an empty or too long row,
    // too many rows, a cell index out of range), so it reads only what is well formed and leaves the
    // rest to the messages those checks already gave.
    const add = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const grid: unknown = env.grid;
    if (!Array.isArray(grid) || grid.length === 0 || grid.length > LIMITS.maxGridSide) return;
    const rowOk = (row: unknown) =>
      typeof row === 'string' && row.length > 0 && row.length <= LIMITS.maxGridSide;
    if (!grid.every(rowOk)) return;
    const rows = grid as string[];
    const width = rows[0].length;
    let starts = 0;
    let open = 0;
    let ragged = false;
    rows.forEach((row, y) => {
      if (row.length !== width) {
        ragged = true;
        add(['grid', y], `row has ${row.length} cells, expected ${width} like the first row`);
      }
      for (let x = 0; x < row.length; x++) {
        const ch = row[x];
        if (!(CELL_CHARS as readonly string[]).includes(ch)) {
          const shown = String.fromCodePoint(row.codePointAt(x) ?? 0xfffd);
          add(['grid', y], `unknown cell '${shown}' at x=${x}; use one of ${CELL_CHARS.join(' ')}`);
          return;
        }
        if (ch === 'S') starts++;
        else if (ch !== '#') open++;
      }
    });
    if (starts !== 1) add(['grid'], `needs exactly one start S, found ${starts}`);
    if (open === 0) add(['grid'], 'needs at least one open cell besides the start');
    const cellRewards: unknown = env.cellRewards;
    if (ragged || !Array.isArray(cellRewards)) return;
    const seen = new Set<string>();
    cellRewards.forEach((c: unknown, i) => {
      if (typeof c !== 'object' || c === null) return;
      const { x, y } = c as { x: unknown; y: unknown };
      if (!Number.isInteger(x) || !Number.isInteger(y)) return;
      const ch = rows[y as number]?.[x as number];
      if (ch === undefined)
        add(['cellRewards', i], `cell (${x}, ${y}) is outside the ${width} x ${rows.length} grid`);
      else if (!(REWARD_CHARS as readonly string[]).includes(ch))
        add(
          ['cellRewards', i],
          `cell (${x}, ${y}) is '${ch}'; a reward override applies only to G, X, C or $ cells`,
        );
      const key = `${x},${y}`;
      if (seen.has(key)) add(['cellRewards', i], `cell (${x}, ${y}) is listed twice`);
      seen.add(key);
    });
  });

const alpha = finite(0, 1).default(0.5).meta({
  label: 'Learning rate α',
  tooltip:
    'How far each update moves a value toward the new estimate. 1 forgets the past at once; small values learn slowly but steadily.',
});

const epsilonFields = {
  epsilon: prob.default(0.1).meta({
    label: 'Exploration ε',
    tooltip:
      'Chance of trying a random move instead of the best known one. More exploration finds far goals; less exploits what is known.',
  }),
  epsilonMin: prob.default(0.01).meta({
    label: 'Minimum ε',
    tooltip: 'Exploration never decays below this.',
  }),
  /** Multiplied into epsilon after every episode; 1 keeps it constant. */
  epsilonDecay: finite(0.5, 1)
    .default(1)
    .meta({
      label: 'ε decay per episode',
      tooltip:
        'ε is multiplied by this after every episode. 1 keeps exploration constant; 0.99 halves it in about 70 episodes.',
      slider: { min: 0.9, max: 1, step: 0.001 },
    }),
};

/** Optimistic initial value for every Q(s, a). */
const qInit = reward.default(0).meta({
  label: 'Initial Q',
  tooltip:
    'Starting value of every move. Optimistic (high) values make the agent try everything at least once.',
  slider: { min: -10, max: 10, step: 0.1 },
});

/** Passes over the demonstrations' transitions through the agent's own update (src/rl/trainer.ts). */
const demoReplay = int(0, 100)
  .default(0)
  .meta({
    label: 'Demonstration replay',
    tooltip:
      "Passes over your demonstrations' moves, through this agent's own update, once before training and again after every episode; then it learns from its own episodes as usual. 0 is off.",
    slider: { max: 10 },
  });

const tdFields = {
  alpha,
  ...epsilonFields,
  qInit,
  /** Eligibility-trace decay; 0 is one-step TD. */
  lambda: prob.default(0).meta({
    label: 'Trace decay λ',
    tooltip:
      'Eligibility traces: how much credit earlier steps of the episode get for a reward. 0 updates only the last step.',
  }),
  demoReplay,
};

const planningFields = {
  theta: finite(0, 1)
    .default(1e-6)
    .meta({
      label: 'Tolerance θ',
      tooltip: 'Sweeps stop when no value changes by more than this.',
      slider: { min: 1e-10, max: 0.1, log: true },
    }),
  maxSweeps: int(1, 100_000)
    .default(10_000)
    .meta({
      label: 'Max sweeps',
      tooltip: 'Safety cap on the number of sweeps when solving.',
      slider: { log: true },
    }),
};

export const agentSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('random') }).meta({
      label: 'Random',
      group: 'Tabular',
      tooltip: 'Picks moves at random and never learns: a baseline.',
    }),
    z.strictObject({ type: z.literal('q-learning'), ...tdFields }).meta({
      label: 'Q-learning',
      group: 'Tabular',
      tooltip:
        'Learns the value of each move in each cell from experience, assuming it will act greedily later (off-policy).',
    }),
    z.strictObject({ type: z.literal('sarsa'), ...tdFields }).meta({
      label: 'SARSA',
      group: 'Tabular',
      tooltip:
        'Like Q-learning, but learns the value of the moves it actually takes, exploration included (on-policy): safer near cliffs.',
    }),
    z.strictObject({ type: z.literal('expected-sarsa'), ...tdFields }).meta({
      label: 'Expected SARSA',
      group: 'Tabular',
      tooltip: 'SARSA that averages over the moves it might take next: steadier updates.',
    }),
    z
      .strictObject({
        type: z.literal('dyna-q'),
        alpha,
        ...epsilonFields,
        qInit,
        planningSteps: int(0, LIMITS.maxPlanningSteps)
          .default(10)
          .meta({
            label: 'Planning steps',
            tooltip:
              'Remembered steps replayed after each real step. More planning learns from fewer real steps.',
            slider: { max: 100 },
          }),
        demoReplay,
      })
      .meta({
        label: 'Dyna-Q',
        group: 'Tabular',
        tooltip:
          'Q-learning plus a learned model of the world: after every real step it replays remembered steps to learn faster.',
      }),
    z.strictObject({ type: z.literal('value-iteration'), ...planningFields }).meta({
      label: 'Value iteration',
      group: 'Planning',
      tooltip:
        'Knows the rules of the world and computes the best value of every cell by repeated sweeps, without walking.',
    }),
    z.strictObject({ type: z.literal('policy-iteration'), ...planningFields }).meta({
      label: 'Policy iteration',
      group: 'Planning',
      tooltip:
        'Alternates evaluating the current policy (sweeps) and improving it (greedy arrows) until the policy stops changing.',
    }),
    z.strictObject({ type: z.literal('policy-evaluation'), ...planningFields }).meta({
      label: 'Policy evaluation',
      group: 'Planning',
      tooltip:
        'Computes how good every cell is for a random walker (the textbook example); arrows show the greedy choice.',
    }),
    z.strictObject({ type: z.literal('imitation') }).meta({
      label: 'Imitation',
      group: 'Tabular',
      tooltip:
        'Behaviour cloning: copies your demonstrations, the move you made most often in each cell (a fixed random move where you never went). It never learns from reward, so it is never better than you.',
    }),
    dqnSchema,
    actorCriticSchema,
    reinforceSchema,
    mctsSchema,
  ],
  { error: (iss) => (iss.code === 'invalid_union' ? 'unknown agent type' : undefined) },
);

export const trainSchema = z.strictObject({
  episodes: int(1, LIMITS.maxEpisodes)
    .default(500)
    .meta({
      label: 'Episodes',
      tooltip: 'Training stops after this many episodes (press Continue for more).',
      slider: { min: 10, max: 100_000, log: true },
    }),
  seed: int(0, LIMITS.maxSeed).default(1).meta({
    label: 'Seed',
    tooltip: 'Starting point of the random numbers: the same seed replays exactly the same run.',
    slider: false,
  }),
  /** Reward shaping: none, potential-based (policy-invariant), or naive "closer is better". */
  shaping: z
    .enum(['none', 'potential', 'naive'])
    .default('none')
    .meta({
      label: 'Reward shaping',
      tooltip:
        'Extra reward for getting closer to a goal. Potential-based shaping never changes the best policy; naive shaping can be farmed by walking back and forth.',
      options: { none: 'None', potential: 'Potential-based', naive: 'Naive (+ when closer)' },
    }),
  shapingScale: finite(0, 1000)
    .default(1)
    .meta({
      label: 'Shaping scale',
      tooltip: 'Size of the shaping reward per step of distance to the goal.',
      slider: { max: 10 },
    }),
  /** Count-based exploration bonus beta / sqrt(N(s')) - beta (0 on a first visit, towards -beta); 0 is off. */
  countBonus: finite(0, 1000)
    .default(0)
    .meta({
      label: 'Count bonus β',
      tooltip:
        'Exploration bonus β/√N − β for the cell entered (N = its visits so far): nothing for a new cell, less and less for familiar ones, so untried paths look better than worn ones. 0 is off.',
      slider: { max: 2 },
    }),
  /** What the agent learns from: the world's reward, or a teacher's grade (src/rl/teacher/grade.ts). */
  rewardSource: z
    .enum(['world', 'teacher-grade', 'live-grade', 'ranked'])
    .default('world')
    .meta({
      label: 'Reward from',
      tooltip:
        "World: what the world pays. Teacher's grade: +1 for the move your demonstrations made in that cell, 0 for any other move, the episode ending where the world ends it (the world's own reward is not used). Live grade (TAMER, Knox & Stone 2008): you grade the agent's last move with + or -, and that grade is the reward for it; ungraded moves earn 0. From your ranking (T-REX, Brown et al. 2019): a reward per cell fitted so that your better-ranked demonstrations (listed first) score higher than your worse ones.",
      options: {
        world: 'The world',
        'teacher-grade': "Teacher's grade",
        'live-grade': 'Live grade (+/-)',
        ranked: 'Learned from your ranking',
      },
    }),
});

export const configSchema = z.strictObject({
  version: z.literal(CONFIG_VERSION, { error: `must be ${CONFIG_VERSION}` }),
  env: envSchema,
  agent: agentSchema,
  // the fields' own defaults, so each default is written once, on its field
  train: trainSchema.default(() => trainSchema.parse({})),
  /** The person's own episodes in this world ("Play it yourself"), one move string each (version 2). */
  demonstrations: demonstrationsSchema.default([]),
});

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type EnvConfig = Config['env'];
export type AgentConfig = Config['agent'];
export type AgentType = AgentConfig['type'];
export type TrainConfig = Config['train'];

export type ParseResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** At most this many messages per parse, each at most MAX_MESSAGE_CHARS long and on one line. */
export const MAX_MESSAGES = 20;
export const MAX_MESSAGE_CHARS = 200;
/** Unknown keys named in a message before the rest are counted (up to 2 more are named instead). */
const KEYS_SHOWN = 3;

function formatPath(path: readonly PropertyKey[], root: string): string {
  let out = '';
  for (const p of path) {
    const key = oneLine(String(p), 40);
    out += typeof p === 'number' ? `[${p}]` : out ? `.${key}` : key;
  }
  return out || root;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'unrecognized_keys') return issue.message;
  const keys = issue.keys.map((k) => oneLine(k, 40));
  if (keys.length === 1) return `unknown key '${keys[0]}'`;
  if (keys.length <= KEYS_SHOWN + 2) return `unknown keys: ${keys.join(', ')}`;
  const more = (keys.length - KEYS_SHOWN).toLocaleString('en');
  return `unknown keys: ${keys.slice(0, KEYS_SHOWN).join(', ')} … and ${more} more`;
}

/** zod issues as `path: message` lines (the path relative to `root`, which names the whole document). */
export function formatIssues(issues: readonly z.core.$ZodIssue[], root: string): string[] {
  return issues
    .slice(0, MAX_MESSAGES)
    .map((i) => oneLine(`${formatPath(i.path, root)}: ${issueMessage(i)}`, MAX_MESSAGE_CHARS));
}

/** Runs a parse and turns anything it throws into one message: a last resort, so that no input, however
 *  hostile (a getter that throws, say), can crash a page or a command. */
export function neverThrow<T extends { ok: boolean }>(
  root: string,
  parse: () => T,
): T | { ok: false; errors: string[] } {
  try {
    return parse();
  } catch (e) {
    let why = 'unknown error';
    try {
      why = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    } catch {
      // an error whose text cannot be read: keep 'unknown error'
    }
    return { ok: false, errors: [oneLine(`${root}: could not be checked (${why})`, MAX_MESSAGE_CHARS)] };
  }
}

/** Validate anything (parsed JSON, a decoded link) into a Config, with messages naming each bad field. */
export function parseConfig(input: unknown): ParseResult {
  return neverThrow('(config)', () => {
    const r = configSchema.safeParse(input);
    if (r.success) return { ok: true, config: r.data };
    return { ok: false, errors: formatIssues(r.error.issues, '(config)') };
  });
}
