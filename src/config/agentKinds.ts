/** Which agent types plan and which learn from episodes (apart from the schemas, so views can ask
 *  without zod). The one answer to "is it a planner?" by type; the schema's picker group 'Planning' is
 *  checked against it (tests/component/agentParams.test.ts). */

/** The planning agents: they solve the model instead of learning from episodes. */
export const PLANNING_TYPES = ['value-iteration', 'policy-iteration', 'policy-evaluation'] as const;

export type PlanningType = (typeof PLANNING_TYPES)[number];

/** Whether an agent type plans (solves the model) rather than learns from episodes. */
export function isPlanningType(type: string): type is PlanningType {
  return (PLANNING_TYPES as readonly string[]).includes(type);
}

/** Planning agents solve the model instead of learning from episodes: nothing to compare per episode. */
export function isLearningAgent(type: string): boolean {
  return !isPlanningType(type);
}
