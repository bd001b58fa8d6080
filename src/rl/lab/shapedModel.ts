/**
 * The exact model of a world as a shaped learner sees it (potential-based or naive shaping folded into
 * every outcome's reward), and a check of what shaping does to the optimal policy: value iteration on
 * the plain and the shaped model, compared state by state. Count bonuses change with every visit, so
 * they have no fixed model and are not covered here.
 */
import type { TrainConfig } from '../../config/schema';
import { ValueIterationAgent } from '../agents/valueIteration';
import type { Grid } from '../grid';
import { buildModel, type Model, OUTCOMES } from '../model';
import { goalDistances, naiveTerm, potentials, potentialTerm } from '../shaping';

export type ShapingKind = TrainConfig['shaping'];

export function buildShapedModel(grid: Grid, shaping: ShapingKind, scale = 1): Model {
  const m = buildModel(grid);
  if (shaping === 'none') return m;
  const dist = goalDistances(grid);
  const phi = potentials(grid, scale, dist);
  const reward = m.reward.slice();
  for (let i = 0; i < reward.length; i++) {
    const s = Math.floor(i / (4 * OUTCOMES));
    const s2 = m.next[i];
    reward[i] +=
      shaping === 'potential'
        ? potentialTerm(phi, grid.gamma, s, s2, m.done[i] === 1)
        : naiveTerm(dist, scale, s, s2);
  }
  return { ...m, reward };
}

/** Q* of a model by value iteration (to a tight tolerance), as out[s * 4 + a]. */
export function optimalQ(model: Model): Float64Array {
  const agent = new ValueIterationAgent(model, { theta: 1e-10, maxSweeps: 100_000 });
  agent.solve();
  const q = new Float64Array(model.grid.nStates * 4);
  agent.qValues(q);
  return q;
}

/** Per active state, a bit mask of the actions within `tol` of the best Q. */
export function optimalActionSets(model: Model, tol = 1e-6): Map<number, number> {
  const q = optimalQ(model);
  const out = new Map<number, number>();
  for (const s of model.active) {
    const b = s * 4;
    const best = Math.max(q[b], q[b + 1], q[b + 2], q[b + 3]);
    let mask = 0;
    for (let a = 0; a < 4; a++) if (q[b + a] >= best - tol * Math.max(1, Math.abs(best))) mask |= 1 << a;
    out.set(s, mask);
  }
  return out;
}

export interface PolicyCheck {
  /** Active states compared. */
  states: number;
  /** States whose set of optimal actions differs from the unshaped world's. */
  changed: number;
  /** Whether the shaped optimal policy, followed greedily from the start, reaches a goal. */
  reachesGoal: boolean;
}

/** Follows the lowest-index optimal action from the start (deterministic worlds) for up to maxSteps. */
function greedyReaches(model: Model, sets: Map<number, number>): boolean {
  const g = model.grid;
  let s = g.start;
  for (let t = 0; t < g.maxSteps; t++) {
    const mask = sets.get(s) ?? 1;
    const a = Math.max(0, [0, 1, 2, 3].find((x) => mask & (1 << x)) ?? 0);
    const i = s * 4 + a;
    if (g.moveDone[i]) return g.moveSuccess[i] === 1;
    s = g.nextState[i];
  }
  return false;
}

/** What a shaping does to the optimal policy of a world. */
export function checkPolicy(grid: Grid, shaping: ShapingKind, scale = 1): PolicyCheck {
  const plain = optimalActionSets(buildModel(grid));
  const shapedSets = optimalActionSets(buildShapedModel(grid, shaping, scale));
  let changed = 0;
  for (const [s, mask] of plain) if (shapedSets.get(s) !== mask) changed++;
  return { states: plain.size, changed, reachesGoal: greedyReaches(buildModel(grid), shapedSets) };
}
