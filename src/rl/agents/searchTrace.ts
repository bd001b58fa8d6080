/**
 * What the views show of a search agent's last search (src/rl/agents/mcts.ts), after all of its
 * simulations or after only the first k: per cell how often the search's tree walked through it (where
 * the agent looked), the principal variation (the line it chose: from the root the most-visited action,
 * then that action's most-visited child, and so on) and the root's visit counts per action.
 *
 * Exact for any k without re-running anything: the agent keeps one record per simulation of its last
 * search (the tree edge it ended on, the cell it ended in, whether it added a node), and the tree after
 * the search is still standing. A simulation's path is the chain of parents from the node it ended on
 * up to the root, so the tree after k simulations is the final one minus the visits of simulations
 * k+1..K along their paths, without the nodes they added (nodes are numbered in creation order). The
 * per-cell counts are this search's own simulations only (a reused subtree's earlier visits are not
 * counted); the choices follow the tree's statistics, reused ones included, as the agent's do.
 */
import { N_ACTIONS } from '../grid';
import { OUTCOMES, type Model } from '../model';

const A = N_ACTIONS;

/** The last search's tree as the agent holds it (its live arrays: read them, never keep or write). */
export interface SearchTree {
  model: Model;
  /** Nodes in the tree now, and when the search began (node 0 is the root). */
  size: number;
  startSize: number;
  /** Simulations the search ran. */
  simulations: number;
  nodeState: Int32Array;
  nodeVisits: Float64Array;
  /** Per (node, action): its visits. */
  edgeVisits: Float64Array;
  /** Per (node, action, outcome slot): the child node, or -1. */
  child: Int32Array;
  /** Per simulation j, at 3j: the edge it ended on (node * 4 + action), the cell that move reached,
   *  and 1 when it added a node for that cell (else 0). */
  trace: Int32Array;
  /** The root action the agent took. */
  chosen: number;
}

/** The search as the views draw it, after `k` of its `total` simulations. */
export interface SearchView {
  k: number;
  total: number;
  /** Per cell: how often the first k simulations' tree walks went through it (or stopped in it). */
  visits: Float64Array;
  /** The principal variation after k simulations, as cells from the root's. */
  line: Int32Array;
  /** The root's visits per action after k simulations. */
  rootVisits: Float64Array;
  /** The root action the search would choose now (most visits; -1 before any simulation). After all
   *  simulations: the action the agent took. */
  choice: number;
}

/** Longest principal variation reported (in cells). */
export const MAX_LINE = 512;

/** The search after its first k simulations (clamped to 0..total); fresh arrays, safe to transfer. */
export function searchAfter(tree: SearchTree, k: number, nCells: number): SearchView {
  const { size, simulations: total, nodeState, child, trace } = tree;
  const kk = Math.max(0, Math.min(total, Math.floor(k)));
  const parent = new Int32Array(size).fill(-1);
  const parentAction = new Int32Array(size);
  for (let x = 0; x < size; x++)
    for (let e = x * A * OUTCOMES, end = e + A * OUTCOMES; e < end; e++) {
      const c = child[e];
      if (c > 0 && c < size) {
        parent[c] = x;
        parentAction[c] = Math.floor((e - x * A * OUTCOMES) / OUTCOMES);
      }
    }
  const nv = tree.nodeVisits.slice(0, size);
  const ev = tree.edgeVisits.slice(0, size * A);
  const visits = new Float64Array(nCells);
  let limit = tree.startSize;
  for (let j = 0; j < total; j++) {
    const before = j < kk;
    if (before) {
      limit += trace[3 * j + 2];
      const cell = trace[3 * j + 1];
      if (cell >= 0 && cell < nCells) visits[cell]++;
    }
    let ea = trace[3 * j];
    let y = Math.floor(ea / A);
    for (let guard = 0; guard <= size && y >= 0; guard++) {
      if (before) {
        const cell = nodeState[y];
        if (cell >= 0 && cell < nCells) visits[cell]++;
      } else {
        ev[ea]--;
        nv[y]--;
      }
      if (y === 0) break;
      ea = parent[y] * A + parentAction[y];
      y = parent[y];
    }
  }
  const rootVisits = Float64Array.from(ev.subarray(0, A));
  const choice = kk === 0 ? -1 : kk === total ? tree.chosen : mostVisited(ev, 0);
  return { k: kk, total, visits, line: principalLine(tree, ev, nv, limit, choice), rootVisits, choice };
}

/** The action of node x with the most visits (lowest index on ties); -1 when none has any. */
function mostVisited(ev: Float64Array, x: number): number {
  let pick = -1;
  let best = 0;
  for (let a = 0; a < A; a++)
    if (ev[x * A + a] > best) {
      best = ev[x * A + a];
      pick = a;
    }
  return pick;
}

/** Cells of the most-visited path from the root, among nodes below `limit`; `first`: the root action. */
function principalLine(
  tree: SearchTree,
  ev: Float64Array,
  nv: Float64Array,
  limit: number,
  first: number,
): Int32Array {
  const { nodeState, child, model } = tree;
  const line: number[] = [nodeState[0]];
  let x = 0;
  let a = first;
  while (a >= 0 && line.length < MAX_LINE) {
    let next = -1;
    let best = -1;
    for (let j = 0; j < OUTCOMES; j++) {
      const c = child[(x * A + a) * OUTCOMES + j];
      if (c > 0 && c < limit && nv[c] > best) {
        best = nv[c];
        next = c;
      }
    }
    if (next < 0) {
      // No node below (a goal or pit ends the move, or the tree stops here): the move's intended cell.
      const s = nodeState[x];
      const s2 = model.next[(s * A + a) * OUTCOMES];
      if (s2 !== s) line.push(s2);
      break;
    }
    line.push(nodeState[next]);
    x = next;
    a = mostVisited(ev, x);
  }
  return Int32Array.from(line);
}
