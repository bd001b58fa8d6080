/**
 * Config schemas of the TensorFlow.js agents (kept apart from the tabular ones; merged into the agent
 * union in schema.ts). Every field carries its form label and tooltip in `.meta()` (schema.ts says what
 * the metadata holds).
 */
import { z } from './zod';

const num = (lo: number, hi: number) => z.number({ error: 'must be a number' }).finite().min(lo).max(hi);
const int = (lo: number, hi: number) => z.number({ error: 'must be a number' }).int().min(lo).max(hi);

export const observationSchema = z.enum(['one-hot', 'xy', 'local-view']);
export const backendSchema = z.enum(['auto', 'wasm', 'webgl', 'cpu']);

/** The network every neural agent trains and what it sees (the fields before and after learningRate). */
const network = {
  observation: observationSchema.default('one-hot').meta({
    label: 'Observation',
    tooltip:
      'What the network sees: a one-hot cell index, the (x, y) position, or the 5×5 cells around the agent.',
    options: { 'one-hot': 'One-hot cell', xy: 'x, y position', 'local-view': 'Local view' },
  }),
  hidden: z.array(int(1, 512)).min(1).max(4).default([64, 64]).meta({
    label: 'Hidden layers',
    tooltip:
      'Units per hidden layer, comma-separated: "64,64" is two layers of 64. One to four layers, 1 to 512 units each.',
  }),
};
const extras = {
  /** Scale beta of the curiosity bonus by random network distillation (rnd.ts); 0 turns it off. */
  curiosity: num(0, 10)
    .default(0)
    .meta({
      label: 'Curiosity (RND) β',
      tooltip:
        'Extra reward for reaching places the agent has rarely seen (random network distillation); 0 turns it off.',
      slider: { max: 2 },
    }),
  backend: backendSchema.default('auto').meta({
    label: 'Backend',
    tooltip:
      'Where TensorFlow.js computes: auto picks the fastest available; WASM and CPU are the most predictable.',
    options: { auto: 'Auto', wasm: 'WebAssembly', webgl: 'WebGL', cpu: 'CPU' },
  }),
};
/** Adam's step size; the defaults below were tuned on the default 8 x 8 world. */
const learningRate = (d: number) =>
  num(1e-6, 1)
    .default(d)
    .meta({
      label: 'Learning rate',
      tooltip: 'Step size of the network optimizer (Adam). Too high diverges, too low crawls.',
      slider: { min: 1e-5, max: 0.1, log: true },
    });
const entropy = num(0, 10)
  .default(0.05)
  .meta({
    label: 'Entropy bonus',
    tooltip: 'Rewards the policy for staying uncertain, which keeps it exploring.',
    slider: { max: 0.2, step: 0.001 },
  });

export const dqnSchema = z
  .strictObject({
    type: z.literal('dqn'),
    ...network,
    learningRate: learningRate(0.002),
    ...extras,
    epsilon: num(0, 1)
      .default(1)
      .meta({ label: 'Exploration ε', tooltip: 'Exploration at the start: chance of a random move.' }),
    epsilonMin: num(0, 1).default(0.05).meta({ label: 'Minimum ε', tooltip: 'Exploration after the decay.' }),
    /** Steps over which epsilon falls linearly from epsilon to epsilonMin. */
    epsilonDecaySteps: int(1, 10_000_000)
      .default(3000)
      .meta({
        label: 'ε decay steps',
        tooltip: 'Steps over which ε falls in a straight line from its start value to the minimum.',
        slider: { min: 100, max: 1_000_000, log: true },
      }),
    batchSize: int(1, 1024)
      .default(32)
      .meta({
        label: 'Batch size',
        tooltip: 'Remembered steps per training batch.',
        slider: { max: 256, log: true },
      }),
    replaySize: int(100, 1_000_000)
      .default(10_000)
      .meta({
        label: 'Replay memory',
        tooltip: 'How many past steps are remembered for training; the oldest are forgotten first.',
        slider: { log: true },
      }),
    learningStarts: int(0, 1_000_000)
      .default(200)
      .meta({
        label: 'Learning starts',
        tooltip: 'Steps of pure experience collected before the first training batch.',
        slider: { max: 10_000, step: 10 },
      }),
    /** One gradient step every trainEvery environment steps. */
    trainEvery: int(1, 1000)
      .default(2)
      .meta({
        label: 'Train every',
        tooltip: 'Environment steps between two training batches.',
        slider: { max: 32 },
      }),
    /** Environment steps between copies of the online network into the target network. */
    targetSync: int(1, 1_000_000)
      .default(100)
      .meta({
        label: 'Target sync',
        tooltip:
          'Steps between copies of the network into the slowly moving target network that stabilises learning.',
        slider: { min: 10, max: 10_000, log: true },
      }),
    doubleDqn: z.boolean().default(true).meta({
      label: 'Double DQN',
      tooltip:
        'Choose the next move with the online network but value it with the target network: less overestimation.',
    }),
    demoBuffer: z.boolean().default(false).meta({
      label: 'Keep demonstrations',
      tooltip:
        "Your demonstrations' moves stay in the replay memory for good (DQfD-style), sampled with the agent's own steps, which never overwrite them.",
    }),
  })
  .meta({
    label: 'DQN',
    group: 'Neural',
    tooltip:
      'Deep Q-network: a neural network estimates move values, trained from a replay memory with a target network.',
  });

export const actorCriticSchema = z
  .strictObject({
    type: z.literal('actor-critic'),
    ...network,
    learningRate: learningRate(0.002),
    ...extras,
    nSteps: int(1, 1000)
      .default(8)
      .meta({
        label: 'Rollout steps n',
        tooltip: 'Steps collected before each update; longer rollouts see further ahead but are noisier.',
        slider: { max: 64 },
      }),
    entropy,
    valueCoef: num(0, 100)
      .default(0.5)
      .meta({
        label: 'Value loss weight',
        tooltip: 'How much the critic’s error counts in the shared loss.',
        slider: { max: 2 },
      }),
  })
  .meta({
    label: 'Actor-critic (A2C)',
    group: 'Neural',
    tooltip:
      'A policy network (actor) and a value network (critic) learn together from short n-step rollouts.',
  });

export const reinforceSchema = z
  .strictObject({
    type: z.literal('reinforce'),
    ...network,
    learningRate: learningRate(0.005),
    ...extras,
    baseline: z.boolean().default(true).meta({
      label: 'Value baseline',
      tooltip: 'Subtract a learned value estimate from returns: same direction on average, much less noise.',
    }),
    entropy,
  })
  .meta({
    label: 'REINFORCE',
    group: 'Neural',
    tooltip: 'Policy gradient from whole episodes: moves that led to high returns become more likely.',
  });

export type DqnConfig = z.output<typeof dqnSchema>;
export type ActorCriticConfig = z.output<typeof actorCriticSchema>;
export type ReinforceConfig = z.output<typeof reinforceSchema>;
export type NeuralConfig = DqnConfig | ActorCriticConfig | ReinforceConfig;
export type ObservationKind = z.output<typeof observationSchema>;
export type BackendChoice = z.output<typeof backendSchema>;

export { NEURAL_TYPES, isNeuralType, type NeuralType } from './neuralTypes';
