/**
 * The knobs a thinking budget turns, each an agent field: Dyna-Q's planning steps (thinking between
 * moves, on its learned model), the search agent's simulations per move (thinking before each move, on
 * the true model) and a neural agent's hidden width (every hidden layer set to the value: a bigger model).
 * Apart from the experiment schema (experiment.ts), so the playground's first frame carries no zod
 * schema for them.
 */
import { NEURAL_TYPES } from './neuralTypes';

export const BUDGET_KNOBS = ['planningSteps', 'simulations', 'hidden'] as const;
export type BudgetKnob = (typeof BUDGET_KNOBS)[number];

/** The agent types a knob belongs to. */
export const KNOB_AGENTS: Record<BudgetKnob, readonly string[]> = {
  planningSteps: ['dyna-q'],
  simulations: ['mcts'],
  hidden: NEURAL_TYPES,
};
