/**
 * Which agent types are the TensorFlow.js ones, apart from their schemas (neuralAgents.ts), so code that
 * only asks "is this neural?" (the training worker's agent factory) does not carry zod.
 */
export const NEURAL_TYPES = ['dqn', 'actor-critic', 'reinforce'] as const;
export type NeuralType = (typeof NEURAL_TYPES)[number];
export function isNeuralType(t: string): t is NeuralType {
  return (NEURAL_TYPES as readonly string[]).includes(t);
}
