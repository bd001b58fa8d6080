/**
 * Every agent the schema offers, with a plain-words description, and the form metadata of every
 * hyperparameter of every agent schema (tests/component/agentParams.test.ts checks the coverage).
 */
import type { AgentType } from '../../config/schema';
import type { ParamSpec } from '../common/paramSpec';

export type AgentGroup = 'Tabular' | 'Planning' | 'Neural';

export interface AgentInfo {
  type: AgentType;
  label: string;
  group: AgentGroup;
  tip: string;
}

export const AGENTS: AgentInfo[] = [
  {
    type: 'random',
    label: 'Random',
    group: 'Tabular',
    tip: 'Picks moves at random and never learns: a baseline.',
  },
  {
    type: 'q-learning',
    label: 'Q-learning',
    group: 'Tabular',
    tip: 'Learns the value of each move in each cell from experience, assuming it will act greedily later (off-policy).',
  },
  {
    type: 'sarsa',
    label: 'SARSA',
    group: 'Tabular',
    tip: 'Like Q-learning, but learns the value of the moves it actually takes, exploration included (on-policy): safer near cliffs.',
  },
  {
    type: 'expected-sarsa',
    label: 'Expected SARSA',
    group: 'Tabular',
    tip: 'SARSA that averages over the moves it might take next: steadier updates.',
  },
  {
    type: 'dyna-q',
    label: 'Dyna-Q',
    group: 'Tabular',
    tip: 'Q-learning plus a learned model of the world: after every real step it replays remembered steps to learn faster.',
  },
  {
    type: 'value-iteration',
    label: 'Value iteration',
    group: 'Planning',
    tip: 'Knows the rules of the world and computes the best value of every cell by repeated sweeps, without walking.',
  },
  {
    type: 'policy-iteration',
    label: 'Policy iteration',
    group: 'Planning',
    tip: 'Alternates evaluating the current policy (sweeps) and improving it (greedy arrows) until the policy stops changing.',
  },
  {
    type: 'policy-evaluation',
    label: 'Policy evaluation',
    group: 'Planning',
    tip: 'Computes how good every cell is for a random walker (the textbook example); arrows show the greedy choice.',
  },
  {
    type: 'dqn',
    label: 'DQN',
    group: 'Neural',
    tip: 'Deep Q-network: a neural network estimates move values, trained from a replay memory with a target network.',
  },
  {
    type: 'actor-critic',
    label: 'Actor-critic (A2C)',
    group: 'Neural',
    tip: 'A policy network (actor) and a value network (critic) learn together from short n-step rollouts.',
  },
  {
    type: 'reinforce',
    label: 'REINFORCE',
    group: 'Neural',
    tip: 'Policy gradient from whole episodes: moves that led to high returns become more likely.',
  },
];

export function agentInfo(type: string): AgentInfo | undefined {
  return AGENTS.find((a) => a.type === type);
}

export function isPlanningType(type: string): boolean {
  return agentInfo(type)?.group === 'Planning';
}

const alpha: ParamSpec = {
  key: 'alpha',
  kind: 'number',
  label: 'Learning rate α',
  tip: 'How far each update moves a value toward the new estimate. 1 forgets the past at once; small values learn slowly but steadily.',
  min: 0,
  max: 1,
  step: 0.01,
};
const epsilon: ParamSpec = {
  key: 'epsilon',
  kind: 'number',
  label: 'Exploration ε',
  tip: 'Chance of trying a random move instead of the best known one. More exploration finds far goals; less exploits what is known.',
  min: 0,
  max: 1,
  step: 0.01,
};
const epsilonMin: ParamSpec = {
  key: 'epsilonMin',
  kind: 'number',
  label: 'Minimum ε',
  tip: 'Exploration never decays below this.',
  min: 0,
  max: 1,
  step: 0.01,
};
const epsilonDecay: ParamSpec = {
  key: 'epsilonDecay',
  kind: 'number',
  label: 'ε decay per episode',
  tip: 'ε is multiplied by this after every episode. 1 keeps exploration constant; 0.99 halves it in about 70 episodes.',
  min: 0.9,
  max: 1,
  step: 0.001,
};
const qInit: ParamSpec = {
  key: 'qInit',
  kind: 'number',
  label: 'Initial Q',
  tip: 'Starting value of every move. Optimistic (high) values make the agent try everything at least once.',
  min: -10,
  max: 10,
  step: 0.1,
};
const lambda: ParamSpec = {
  key: 'lambda',
  kind: 'number',
  label: 'Trace decay λ',
  tip: 'Eligibility traces: how much credit earlier steps of the episode get for a reward. 0 updates only the last step.',
  min: 0,
  max: 1,
  step: 0.01,
};
const planningSteps: ParamSpec = {
  key: 'planningSteps',
  kind: 'number',
  label: 'Planning steps',
  tip: 'Remembered steps replayed after each real step. More planning learns from fewer real steps.',
  min: 0,
  max: 100,
  step: 1,
  int: true,
};
const theta: ParamSpec = {
  key: 'theta',
  kind: 'number',
  label: 'Tolerance θ',
  tip: 'Sweeps stop when no value changes by more than this.',
  min: 1e-10,
  max: 0.1,
  step: 1e-10,
  log: true,
};
const maxSweeps: ParamSpec = {
  key: 'maxSweeps',
  kind: 'number',
  label: 'Max sweeps',
  tip: 'Safety cap on the number of sweeps when solving.',
  min: 1,
  max: 100_000,
  step: 1,
  int: true,
  log: true,
};

const tdParams = [alpha, epsilon, epsilonMin, epsilonDecay, qInit, lambda];
const planningParams = [theta, maxSweeps];

const neuralCommon: ParamSpec[] = [
  {
    key: 'observation',
    kind: 'select',
    label: 'Observation',
    tip: 'What the network sees: a one-hot cell index, the (x, y) position, or the 5×5 cells around the agent.',
    options: [
      { value: 'one-hot', label: 'One-hot cell' },
      { value: 'xy', label: 'x, y position' },
      { value: 'local-view', label: 'Local view' },
    ],
  },
  {
    key: 'hidden',
    kind: 'list',
    label: 'Hidden layers',
    tip: 'Units per hidden layer, comma-separated: "64,64" is two layers of 64. One to four layers, 1 to 512 units each.',
    placeholder: '64,64',
  },
  {
    key: 'learningRate',
    kind: 'number',
    label: 'Learning rate',
    tip: 'Step size of the network optimizer (Adam). Too high diverges, too low crawls.',
    min: 1e-5,
    max: 0.1,
    step: 1e-6,
    log: true,
  },
  {
    key: 'curiosity',
    kind: 'number',
    label: 'Curiosity (RND) β',
    tip: 'Extra reward for reaching places the agent has rarely seen (random network distillation); 0 turns it off.',
    min: 0,
    max: 2,
    step: 0.01,
  },
  {
    key: 'backend',
    kind: 'select',
    label: 'Backend',
    tip: 'Where TensorFlow.js computes: auto picks the fastest available; WASM and CPU are the most predictable.',
    options: [
      { value: 'auto', label: 'Auto' },
      { value: 'wasm', label: 'WebAssembly' },
      { value: 'webgl', label: 'WebGL' },
      { value: 'cpu', label: 'CPU' },
    ],
  },
];

const entropy: ParamSpec = {
  key: 'entropy',
  kind: 'number',
  label: 'Entropy bonus',
  tip: 'Rewards the policy for staying uncertain, which keeps it exploring.',
  min: 0,
  max: 0.2,
  step: 0.001,
};

const dqnParams: ParamSpec[] = [
  ...neuralCommon,
  { ...epsilon, tip: 'Exploration at the start: chance of a random move.' },
  { ...epsilonMin, tip: 'Exploration after the decay.' },
  {
    key: 'epsilonDecaySteps',
    kind: 'number',
    label: 'ε decay steps',
    tip: 'Steps over which ε falls in a straight line from its start value to the minimum.',
    min: 100,
    max: 1_000_000,
    step: 1,
    int: true,
    log: true,
  },
  {
    key: 'batchSize',
    kind: 'number',
    label: 'Batch size',
    tip: 'Remembered steps per training batch.',
    min: 1,
    max: 256,
    step: 1,
    int: true,
    log: true,
  },
  {
    key: 'replaySize',
    kind: 'number',
    label: 'Replay memory',
    tip: 'How many past steps are remembered for training; the oldest are forgotten first.',
    min: 100,
    max: 1_000_000,
    step: 1,
    int: true,
    log: true,
  },
  {
    key: 'learningStarts',
    kind: 'number',
    label: 'Learning starts',
    tip: 'Steps of pure experience collected before the first training batch.',
    min: 0,
    max: 10_000,
    step: 10,
    int: true,
  },
  {
    key: 'trainEvery',
    kind: 'number',
    label: 'Train every',
    tip: 'Environment steps between two training batches.',
    min: 1,
    max: 32,
    step: 1,
    int: true,
  },
  {
    key: 'targetSync',
    kind: 'number',
    label: 'Target sync',
    tip: 'Steps between copies of the network into the slowly moving target network that stabilises learning.',
    min: 10,
    max: 10_000,
    step: 1,
    int: true,
    log: true,
  },
  {
    key: 'doubleDqn',
    kind: 'bool',
    label: 'Double DQN',
    tip: 'Choose the next move with the online network but value it with the target network: less overestimation.',
  },
];

/** Form metadata per agent type, in display order. */
export const AGENT_PARAMS: Record<AgentType, ParamSpec[]> = {
  random: [],
  'q-learning': tdParams,
  sarsa: tdParams,
  'expected-sarsa': tdParams,
  'dyna-q': [alpha, epsilon, epsilonMin, epsilonDecay, qInit, planningSteps],
  'value-iteration': planningParams,
  'policy-iteration': planningParams,
  'policy-evaluation': planningParams,
  dqn: dqnParams,
  'actor-critic': [
    ...neuralCommon,
    {
      key: 'nSteps',
      kind: 'number',
      label: 'Rollout steps n',
      tip: 'Steps collected before each update; longer rollouts see further ahead but are noisier.',
      min: 1,
      max: 64,
      step: 1,
      int: true,
    },
    entropy,
    {
      key: 'valueCoef',
      kind: 'number',
      label: 'Value loss weight',
      tip: 'How much the critic’s error counts in the shared loss.',
      min: 0,
      max: 2,
      step: 0.01,
    },
  ],
  reinforce: [
    ...neuralCommon,
    {
      key: 'baseline',
      kind: 'bool',
      label: 'Value baseline',
      tip: 'Subtract a learned value estimate from returns: same direction on average, much less noise.',
    },
    entropy,
  ],
};

/** Path labels for refusal messages, e.g. { 'agent.alpha': 'Learning rate α' }. */
export function agentLabels(type: AgentType): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of AGENT_PARAMS[type]) out[`agent.${p.key}`] = p.label;
  return out;
}
