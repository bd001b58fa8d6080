/**
 * Ready-made lessons: each preset is a short story with a title, a two-line caption of what to watch,
 * a full valid Config and, for comparisons, the variants to run side by side (for the sparsity sweep,
 * the goal distances; for a thinking budget, the knob, its values and the variants that turn it). Every
 * config is validated when this module loads.
 */
import type { BudgetKnob, BudgetVariantSpec, VariantSpec } from './experiment';
import {
  agentSchema,
  CONFIG_VERSION,
  parseConfig,
  trainSchema,
  type Config,
  type ConfigInput,
} from './schema';

export interface PresetSpec {
  id: string;
  title: string;
  /** Two lines: the set-up, then what to watch. */
  caption: [string, string];
  config: ConfigInput;
  variants?: VariantSpec[];
  seeds?: number;
  /** Goal distances for the sparsity sweep (default: spread over the world). */
  sweepDistances?: number[];
  sweepBudget?: number;
  /** A thinking budget (src/rl/lab/budget.ts); its seeds are the preset's `seeds`. */
  budget?: {
    knob?: BudgetKnob;
    values?: number[];
    variants: BudgetVariantSpec[];
    episodes?: number;
    solvedEvery?: number;
  };
}

export interface Preset extends Omit<PresetSpec, 'config'> {
  config: Config;
}

/** Q-learning with every hyperparameter at the schema's default. */
const Q = agentSchema.parse({ type: 'q-learning' }) as Extract<Config['agent'], { type: 'q-learning' }>;
/** The schema's training defaults, for `episodes` episodes. */
const train = (episodes: number) => trainSchema.parse({ episodes });

function room(w: number, h: number): string[] {
  const rows = Array.from({ length: h }, () => '.'.repeat(w));
  rows[0] = 'S' + rows[0].slice(1);
  rows[h - 1] = rows[h - 1].slice(0, w - 1) + 'G';
  return rows;
}

/** An empty w x w field, start top left, one goal d steps away on the diagonal (as the sweep puts it). */
function field(w: number, d: number): string[] {
  const gx = Math.ceil(d / 2);
  const gy = Math.floor(d / 2);
  return Array.from({ length: w }, (_, y) =>
    Array.from({ length: w }, (_, x) => (x === 0 && y === 0 ? 'S' : x === gx && y === gy ? 'G' : '.')).join(
      '',
    ),
  );
}

/** Sutton & Barto's Dyna maze (Example 8.1, Figure 8.2): 6 x 9, start on the left, goal top right. */
export const DYNA_MAZE = ['.......#G', '..#....#.', 'S.#....#.', '..#......', '.....#...', '.........'];

const NEEDLE_GRID = room(14, 14);
const needleEnv = { grid: NEEDLE_GRID, stepReward: 0, slip: 0, maxSteps: 100, gamma: 0.999 };

/**
 * DQN for the deep needle, tuned by runs on that room (npm run lab -- compare): one-hot cells, the
 * default 64-64 network, epsilon from 1 to 0.05 over the first 1,000 steps (after that the greedy policy
 * is nearly all the exploration left), a small replay (1,000 steps, so curiosity's stored bonuses go
 * stale sooner), an update every 4 steps (fast enough for 8 seeds of 4 variants in well under a
 * minute) and a target network synced every 500 steps. With gamma 0.999 (the tabular needle's), or
 * syncs every 100 steps, the shaped values overestimate and run away, and shaping finds the goal but
 * does not keep it; hence gamma 0.95 and potentials scaled by 0.2.
 */
const DEEP_NEEDLE_DQN = {
  type: 'dqn' as const,
  observation: 'one-hot' as const,
  hidden: [64, 64],
  learningRate: 0.002,
  curiosity: 0,
  backend: 'auto' as const,
  epsilon: 1,
  epsilonMin: 0.05,
  epsilonDecaySteps: 1000,
  batchSize: 32,
  replaySize: 1000,
  learningStarts: 200,
  trainEvery: 4,
  targetSync: 500,
  doubleDqn: true,
};

/**
 * "Never surpass your teacher" (issue 18): a 12 x 8 room, a wall across it, the goal in its one gap.
 * The built-in teacher walks to the cell above the goal and then goes the long way round the wall's
 * right end and back up into the goal (22 moves; the shortest path is 12). Only the goal pays. Gamma
 * 0.5, so a learner of the teacher's grade cannot farm it (src/rl/teacher/grade.ts). The caption's
 * numbers are a run's, checked by tests/unit/teacherPreset.test.ts.
 */
const TEACHER_GRID = [
  'S...........',
  '............',
  '............',
  '............',
  '............',
  '............',
  '######G###..',
  '............',
];
export const TEACHER_DEMO = 'RRRRRRDDDDDRRRRDDLLLLU';
/** Worse episodes ranked below the teacher's, for T-REX: further round (24 moves), and one that stops
 *  short of the goal. */
const TEACHER_WORSE = ['RRRRRRDDDDDRRRRRDDLLLLLU', 'RRRRRRDDDDDRRRR'];

const SPECS: PresetSpec[] = [
  {
    id: 'needle',
    title: 'Needle in a haystack',
    caption: [
      'One +1 goal 26 steps from the start of an empty 14 x 14 room, no other reward, 100 steps per episode.',
      'Plain Q-learning wanders blindly until it stumbles on the goal; shaping, a count bonus or optimism find it far sooner.',
    ],
    config: { version: CONFIG_VERSION, env: needleEnv, agent: Q, train: train(300) },
    variants: [
      { name: 'Plain Q-learning' },
      { name: 'Potential shaping', train: { shaping: 'potential' } },
      { name: 'Count bonus', train: { countBonus: 0.1 } },
      { name: 'Optimistic init', agent: { qInit: 1 } },
    ],
    sweepDistances: [2, 6, 10, 14, 18, 22, 26],
  },
  {
    id: 'deep-needle',
    title: 'Deep needle: DQN in a sparse room',
    caption: [
      'DQN (64-64 network on one-hot cells, epsilon from 1 to 0.05 over the first 1,000 steps) in an empty 12 x 12 room: one +1 goal 22 steps from the start, no other reward, 50 steps per episode, gamma 0.95, 150 episodes.',
      'Once epsilon has decayed, plain DQN follows its own untrained guesses and stops exploring: 7 of 8 seeds never reach the goal (the 8th in episode 68). Potential shaping (scale 0.2) finds it by episode 7 to 17 (median 12) and keeps it (98% success at the end); a count bonus (beta 0.3) by 8 to 42 (median 18); curiosity (RND, beta 0.1) on every seed too, but later (median 60, 19 to 113): its novelty is learned rather than counted, and it keeps the agent wandering (37% success at the end).',
    ],
    config: {
      version: CONFIG_VERSION,
      env: { grid: room(12, 12), stepReward: 0, slip: 0, maxSteps: 50, gamma: 0.95 },
      agent: DEEP_NEEDLE_DQN,
      train: train(150),
    },
    variants: [
      { name: 'Plain DQN' },
      { name: 'Potential shaping', train: { shaping: 'potential', shapingScale: 0.2 } },
      { name: 'Curiosity (RND)', agent: { curiosity: 0.1 } },
      { name: 'Count bonus', train: { countBonus: 0.3 } },
    ],
    sweepDistances: [6, 10, 14, 18, 22],
    sweepBudget: 7500,
  },
  {
    id: 'far-goal',
    title: 'Far goal: the wall',
    caption: [
      'An empty 24 x 24 field, 100 steps per episode; the sparsity sweep moves the goal from 4 to 46 steps away.',
      'Blind search (a random walk, or plain Q-learning before its first reward) hits an exponential wall; a count bonus does not.',
    ],
    config: {
      version: CONFIG_VERSION,
      env: { ...needleEnv, grid: room(24, 24) },
      agent: Q,
      train: train(300),
    },
    variants: [
      { name: 'Plain Q-learning' },
      { name: 'Potential shaping', train: { shaping: 'potential' } },
      { name: 'Count bonus', train: { countBonus: 0.1 } },
      { name: 'Optimistic init', agent: { qInit: 1 } },
    ],
    sweepDistances: [4, 10, 16, 22, 28, 34, 40, 46],
  },
  {
    id: 'needle-shaping',
    title: 'Needle, with shaping',
    caption: [
      "The same needle, now with distance-based shaping: potential-based (gamma*phi(s') - phi(s)) or naive (+1 for any step closer).",
      'Potential shaping finds and keeps the goal; naive shaping pays for stepping away and back, so the agent farms that loop.',
    ],
    config: {
      version: CONFIG_VERSION,
      env: needleEnv,
      agent: Q,
      train: { ...train(300), shaping: 'potential' },
    },
    variants: [
      { name: 'No shaping', train: { shaping: 'none' } },
      { name: 'Potential shaping', train: { shaping: 'potential' } },
      { name: 'Naive shaping', train: { shaping: 'naive' } },
    ],
  },
  {
    id: 'dense-vs-sparse',
    title: 'Dense vs sparse',
    caption: [
      'A 10 x 10 room: +1 at the goal only (sparse), a -0.01 cost on every step, or a reward for each step closer (dense).',
      'Every step of a dense reward teaches something; the sparse one teaches nothing until the goal is found once.',
    ],
    config: {
      version: CONFIG_VERSION,
      env: { ...needleEnv, grid: room(10, 10), maxSteps: 60 },
      agent: Q,
      train: train(200),
    },
    variants: [
      { name: 'Sparse: goal only' },
      { name: 'Step cost -0.01', env: { stepReward: -0.01 } },
      { name: 'Dense: potential shaping', train: { shaping: 'potential' } },
    ],
  },
  {
    id: 'cliff-walk',
    title: 'Cliff walk',
    caption: [
      'Sutton & Barto Example 6.6: -1 per step, -100 and back to the start for stepping off the cliff.',
      'Q-learning learns the edge path but keeps falling while it explores; SARSA learns the safer path and earns more online.',
    ],
    config: {
      version: CONFIG_VERSION,
      env: {
        grid: ['............', '............', '............', 'SCCCCCCCCCCG'],
        rewards: { G: -1, X: -1, C: -100, $: 0 },
        stepReward: -1,
        slip: 0,
        maxSteps: 1000,
        gamma: 1,
      },
      agent: Q,
      train: train(500),
    },
    variants: [{ name: 'Q-learning' }, { name: 'SARSA', agent: { type: 'sarsa', alpha: 0.5, epsilon: 0.1 } }],
  },
  {
    id: 'reward-hacking',
    title: 'Reward hacking',
    caption: [
      'A $ cell next to the start pays +0.5 every time it is entered; the +1 goal is 12 steps away; gamma is 0.99.',
      'Stepping on and off the $ forever is worth more than finishing: the return climbs while the success rate stays at zero.',
    ],
    config: {
      version: CONFIG_VERSION,
      env: {
        grid: ['S$........', '..........', '..........', '.........G'],
        rewards: { G: 1, X: -1, C: -100, $: 0.5 },
        stepReward: 0,
        slip: 0,
        maxSteps: 100,
        gamma: 0.99,
      },
      agent: Q,
      train: train(300),
    },
    variants: [{ name: '$ pays +0.5 per entry' }, { name: '$ pays nothing', env: { rewards: { $: 0 } } }],
  },
  {
    id: 'slippery-lake',
    title: 'Slippery lake',
    caption: [
      'FrozenLake 4 x 4: holes end the episode; on ice a move may slip to either side.',
      'The more slippery, the lower the success rate any policy can reach, and the wider the detour around the holes.',
    ],
    config: {
      version: CONFIG_VERSION,
      env: {
        grid: ['S...', '.X.X', '...X', 'X..G'],
        rewards: { G: 1, X: 0, C: -100, $: 0 },
        stepReward: 0,
        slip: 0.3,
        maxSteps: 100,
        gamma: 0.99,
      },
      agent: { ...Q, alpha: 0.1 },
      train: train(2000),
    },
    variants: [
      { name: 'Dry (slip 0)', env: { slip: 0 } },
      { name: 'Slippery (slip 0.3)' },
      { name: 'Very slippery (slip 0.6)', env: { slip: 0.6 } },
    ],
  },
  {
    id: 'dyna-maze',
    title: 'Dyna maze: thinking between moves',
    caption: [
      'Sutton & Barto Example 8.1: a 6 x 9 maze, +1 at the goal and nothing else; Dyna-Q (alpha 0.1, epsilon 0.1, gamma 0.95) replays n = 0, 5 or 50 remembered steps after every real one.',
      'Thinking turns the same experience into a solution far sooner: n = 50 walks the 14-step path (give or take exploration) by episode 3, n = 0 takes ~25 episodes. But episode 1 is the same blind walk for every n, a uniform random walk of 868.7 steps on average: no amount of thinking finds a reward never seen.',
    ],
    config: {
      version: CONFIG_VERSION,
      env: {
        grid: DYNA_MAZE,
        rewards: { G: 1, X: -1, C: -100, $: 0 },
        stepReward: 0,
        slip: 0,
        maxSteps: 10_000,
        gamma: 0.95,
      },
      agent: {
        type: 'dyna-q',
        alpha: 0.1,
        epsilon: 0.1,
        epsilonMin: 0.01,
        epsilonDecay: 1,
        qInit: 0,
        planningSteps: 50,
      },
      train: train(50),
    },
    seeds: 30,
    budget: { knob: 'planningSteps', values: [0, 5, 50], variants: [{ name: 'Dyna-Q' }] },
  },
  {
    id: 'search-wall',
    title: 'Search against the wall',
    caption: [
      'Tree search (MCTS, a fresh tree every move, random rollouts of 50 steps) on an empty 24 x 24 field, one episode of 100 steps per seed; the goal 14, 26 or 38 steps away, sparse or with potential shaping.',
      'More thinking pushes the wall back, but only so far: 1,000 simulations a move reach a goal 26 steps away on 10/10 seeds, one 38 away on 2/10, since a 50-step random rollout almost never stumbles on a goal that far. With shaping every imagined step carries a signal: 100 simulations reach 38 away on 8/10.',
    ],
    config: {
      version: CONFIG_VERSION,
      env: { ...needleEnv, grid: field(24, 26) },
      agent: {
        type: 'mcts',
        simulations: 100,
        rolloutDepth: 50,
        exploration: 1.4,
        leafValue: 'rollout',
        alpha: 0.1,
        reuseTree: false,
      },
      train: train(1),
    },
    seeds: 10,
    budget: {
      knob: 'simulations',
      values: [10, 30, 100, 300, 1000],
      variants: [
        { name: 'Goal 14 away', env: { grid: field(24, 14) } },
        { name: 'Goal 26 away' },
        { name: 'Goal 38 away', env: { grid: field(24, 38) } },
        { name: 'Goal 38 away, shaped', env: { grid: field(24, 38) }, train: { shaping: 'potential' } },
      ],
    },
  },
  {
    id: 'bigger-or-longer',
    title: 'Bigger or longer?',
    caption: [
      'One sparse 8 x 8 room (+1 at the far corner, 14 steps away, 100 steps per episode): a wider DQN (16, 64, 256 units) against more thinking, Dyna-Q planning steps (5, 20, 80) and MCTS simulations (25, 100, 400), each rung about 4 times the compute per real step; beside them, search guided by a learned value.',
      'Here thinking beats size: DQN solved the room (greedy path to the goal) after a median of 29, 70 and 29 episodes at 16, 64 and 256 units, one 64-unit seed never, for 0.7 to 8.6 billion multiply-adds a run; Dyna-Q by episode 9 to 11 with 12 to 170 thousand table updates; MCTS in episode 1 at every budget (4 to 28 million simulated steps). Learned leaf values simulate 7 to 10 times fewer steps than rollouts and still reach the goal in 78-98% of episodes, but the learned table alone leads there only after 35 to 43 episodes.',
    ],
    config: {
      version: CONFIG_VERSION,
      env: { grid: room(8, 8), stepReward: 0, slip: 0, maxSteps: 100, gamma: 0.99 },
      agent: {
        type: 'dyna-q',
        alpha: 0.5,
        epsilon: 0.1,
        epsilonMin: 0.01,
        epsilonDecay: 1,
        qInit: 0,
        planningSteps: 20,
      },
      train: train(100),
    },
    seeds: 3,
    budget: {
      variants: [
        { name: 'DQN, wider', knob: 'hidden', values: [16, 64, 256], agent: { type: 'dqn', hidden: [64] } },
        { name: 'Dyna-Q, more planning', knob: 'planningSteps', values: [5, 20, 80] },
        {
          name: 'MCTS, more simulations',
          knob: 'simulations',
          values: [25, 100, 400],
          agent: { type: 'mcts', rolloutDepth: 50 },
        },
        {
          name: 'MCTS, learned leaf values',
          knob: 'simulations',
          values: [25, 100, 400],
          agent: { type: 'mcts', leafValue: 'learned' },
        },
      ],
    },
  },
  {
    id: 'textbook-4x4',
    title: 'Textbook 4x4',
    caption: [
      'Sutton & Barto Example 4.1: -1 per move, terminal corners, the uniform random policy evaluated by sweeps.',
      'Watch the values settle to -14, -20, -22 and the greedy arrows point to the nearest corner.',
    ],
    config: {
      version: CONFIG_VERSION,
      env: {
        grid: ['GS..', '....', '....', '...G'],
        rewards: { G: -1, X: -1, C: -100, $: 0 },
        stepReward: -1,
        slip: 0,
        maxSteps: 200,
        gamma: 1,
      },
      agent: { type: 'policy-evaluation', theta: 1e-6, maxSweeps: 10_000 },
      train: train(1),
    },
  },
  // Teach it yourself (issue 18): the teacher's lesson
  {
    id: 'teacher',
    title: 'Never surpass your teacher',
    caption: [
      "A 12 x 8 room with a wall and one gap; only the goal in the gap pays. The built-in teacher walks to the cell above it and then goes the long way round the wall's end: 22 moves, where the shortest path is 12.",
      "World reward only finds the goal late (first in episode 4 to 21, median 11.5: 675 steps) but ends on the 12-step shortest path on 8 of 8 seeds. The teacher's grade and imitation end on the teacher's 22-move path on 8 of 8 seeds, never shorter. Demonstrations, then the world's reward, find the goal in episode 1 on every seed (median 26 steps, 26x sooner) and still end on the shortest path on 8 of 8. A reward fitted to a ranking of the teacher's episode above two worse ones (T-REX, Brown et al. 2019) ends on the 12-step path on 8 of 8 seeds: better than its best demonstration.",
    ],
    config: {
      version: CONFIG_VERSION,
      env: { grid: TEACHER_GRID, stepReward: 0, slip: 0, maxSteps: 60, gamma: 0.5 },
      agent: Q,
      train: train(300),
      demonstrations: [TEACHER_DEMO],
    },
    variants: [
      { name: 'World reward only' },
      { name: "Teacher's grade", train: { rewardSource: 'teacher-grade' } },
      { name: 'Imitation', agent: { type: 'imitation' } },
      { name: "Demonstrations, then the world's reward", agent: { demoReplay: 1 } },
      {
        name: 'Reward from a ranking (T-REX)',
        train: { rewardSource: 'ranked' },
        demonstrations: [TEACHER_DEMO, ...TEACHER_WORSE],
      },
    ],
  },
];

function build(spec: PresetSpec): Preset {
  const r = parseConfig(spec.config);
  if (!r.ok) throw new Error(`preset '${spec.id}' is invalid: ${r.errors.join('; ')}`);
  return { ...spec, config: r.config };
}

export const PRESETS: readonly Preset[] = SPECS.map(build);

export function getPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
