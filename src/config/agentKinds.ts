/** Which agent types learn from episodes (apart from the schemas, so views can ask without zod). */

/** The planning agents: they solve the model instead of learning from episodes. */
export const PLANNING_TYPES = ['value-iteration', 'policy-iteration', 'policy-evaluation'] as const;

/** Planning agents solve the model instead of learning from episodes: nothing to compare per episode. */
export function isLearningAgent(type: string): boolean {
  return !(PLANNING_TYPES as readonly string[]).includes(type);
}
