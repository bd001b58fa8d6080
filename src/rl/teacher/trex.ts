/**
 * A reward learned from ranked demonstrations: T-REX (Brown, Goo, Nagarajan & Niekum 2019, "Extrapolating
 * beyond suboptimal demonstrations via inverse reinforcement learning from observations"). The reward is
 * one number per cell, paid for entering it; an episode's predicted return is the sum over the cells it
 * entered. It is fitted so that better-ranked episodes score higher: for every pair (i ranked above j) the
 * Bradley-Terry loss -log sigmoid(G_i - G_j), plus a small L2 penalty, by full-batch gradient descent
 * from 0 (deterministic: no random draws), then shifted so that no step pays (see the end of
 * fitTrexReward). The demonstrations' order is their ranking, best first.
 * Learning from it, an agent can end better than the best demonstration when the ranking carries the
 * signal (a worse episode misses the goal, so the goal's cell earns a positive reward and, discounted, the
 * nearer goal is the better one).
 */
import type { Grid } from '../grid';
import type { DemoTransitions } from './demonstrations';

export interface TrexOptions {
  /** Gradient steps (default 300), step size (default 0.1), L2 weight (default 0.01). */
  iterations?: number;
  rate?: number;
  l2?: number;
}

/** Per cell: the learned reward for entering it (0 for cells no demonstration entered). */
export function fitTrexReward(grid: Grid, t: DemoTransitions, opts: TrexOptions = {}): Float64Array {
  const { iterations = 300, rate = 0.1, l2 = 0.01 } = opts;
  const n = grid.nStates;
  const m = t.episodeEnd.length;
  const reward = new Float64Array(n);
  if (m < 2) return reward;
  // visit counts of entered cells, per episode (rank order: index 0 is the best)
  const counts = t.episodeEnd.map(() => new Float64Array(n));
  let from = 0;
  t.episodeEnd.forEach((end, e) => {
    for (let k = from; k < end; k++) counts[e][t.s2[k]]++;
    from = end;
  });
  const grad = new Float64Array(n);
  const score = new Float64Array(m);
  const pairs = (m * (m - 1)) / 2;
  for (let it = 0; it < iterations; it++) {
    for (let e = 0; e < m; e++) {
      let g = 0;
      for (let s = 0; s < n; s++) g += counts[e][s] * reward[s];
      score[e] = g;
    }
    for (let s = 0; s < n; s++) grad[s] = 2 * l2 * reward[s];
    for (let i = 0; i < m; i++)
      for (let j = i + 1; j < m; j++) {
        // d/dG_i of -log sigmoid(G_i - G_j) = -(1 - sigmoid(G_i - G_j))
        const w = -1 / (1 + Math.exp(score[i] - score[j])) / pairs;
        for (let s = 0; s < n; s++) grad[s] += w * (counts[i][s] - counts[j][s]);
      }
    for (let s = 0; s < n; s++) reward[s] -= rate * grad[s];
  }
  // A cell that pays would be farmed (stepping on and off it forever): the rewards of the cells that do
  // not end an episode are shifted down by the largest of them, so every step costs something or nothing
  // and only ending the episode can pay (the order of the cells' rewards is kept).
  let top = 0;
  for (let s = 0; s < n; s++) if (!grid.terminal[s]) top = Math.max(top, reward[s]);
  for (let s = 0; s < n; s++) if (!grid.terminal[s]) reward[s] -= top;
  return reward;
}
