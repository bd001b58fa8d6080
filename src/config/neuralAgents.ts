/**
 * Config schemas of the TensorFlow.js agents (kept apart from the tabular ones; merged into the agent
 * union in schema.ts).
 */
import { z } from './zod';

const num = (lo: number, hi: number) => z.number({ error: 'must be a number' }).finite().min(lo).max(hi);
const int = (lo: number, hi: number) => z.number({ error: 'must be a number' }).int().min(lo).max(hi);

export const observationSchema = z.enum(['one-hot', 'xy', 'local-view']);
export const backendSchema = z.enum(['auto', 'wasm', 'webgl', 'cpu']);

const common = {
  observation: observationSchema.default('one-hot'),
  hidden: z.array(int(1, 512)).min(1).max(4).default([64, 64]),
  backend: backendSchema.default('auto'),
  /** Scale beta of the curiosity bonus by random network distillation (rnd.ts); 0 turns it off. */
  curiosity: num(0, 10).default(0),
};
/** Adam's step size; the defaults below were tuned on the default 8 x 8 world. */
const learningRate = (d: number) => num(1e-6, 1).default(d);

export const dqnSchema = z.strictObject({
  type: z.literal('dqn'),
  ...common,
  learningRate: learningRate(0.002),
  epsilon: num(0, 1).default(1),
  epsilonMin: num(0, 1).default(0.05),
  /** Steps over which epsilon falls linearly from epsilon to epsilonMin. */
  epsilonDecaySteps: int(1, 10_000_000).default(3000),
  batchSize: int(1, 1024).default(32),
  replaySize: int(100, 1_000_000).default(10_000),
  learningStarts: int(0, 1_000_000).default(200),
  /** One gradient step every trainEvery environment steps. */
  trainEvery: int(1, 1000).default(2),
  /** Environment steps between copies of the online network into the target network. */
  targetSync: int(1, 1_000_000).default(100),
  doubleDqn: z.boolean().default(true),
});

export const actorCriticSchema = z.strictObject({
  type: z.literal('actor-critic'),
  ...common,
  learningRate: learningRate(0.002),
  nSteps: int(1, 1000).default(8),
  entropy: num(0, 10).default(0.05),
  valueCoef: num(0, 100).default(0.5),
});

export const reinforceSchema = z.strictObject({
  type: z.literal('reinforce'),
  ...common,
  learningRate: learningRate(0.005),
  baseline: z.boolean().default(true),
  entropy: num(0, 10).default(0.05),
});

export type DqnConfig = z.output<typeof dqnSchema>;
export type ActorCriticConfig = z.output<typeof actorCriticSchema>;
export type ReinforceConfig = z.output<typeof reinforceSchema>;
export type NeuralConfig = DqnConfig | ActorCriticConfig | ReinforceConfig;
export type ObservationKind = z.output<typeof observationSchema>;
export type BackendChoice = z.output<typeof backendSchema>;

export const NEURAL_TYPES = ['dqn', 'actor-critic', 'reinforce'] as const;
export type NeuralType = (typeof NEURAL_TYPES)[number];
export function isNeuralType(t: string): t is NeuralType {
  return (NEURAL_TYPES as readonly string[]).includes(t);
}
