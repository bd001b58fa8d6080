/** Which agents think per move, and with which knob (a tiny module: the first frame needs only this). */
import { BUDGET_KNOBS, KNOB_AGENTS, type BudgetKnob } from '../../config/budgetKnobs';

/** The per-move knob of an agent type (simulations, planning steps), or null. */
export function thinkingKnob(type: string): Exclude<BudgetKnob, 'hidden'> | null {
  for (const k of BUDGET_KNOBS) if (k !== 'hidden' && KNOB_AGENTS[k].includes(type)) return k;
  return null;
}
