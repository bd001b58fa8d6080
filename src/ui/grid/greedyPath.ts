/**
 * The greedy path of a frame, as the overlay draws it and the line under the grid describes it: the
 * core's greedy walk (src/rl/greedy.ts: frozen preferences, no slip, stopping at a goal, pit or cliff,
 * a loop, the step limit or a cell without a preference) over the preferences the frame carries. The
 * trainer's "solved" test walks the same table of the same agent, so the two agree.
 */
import { framePreferences, greedyWalk, type GreedyWalk } from '../../rl/greedy';
import type { Grid } from '../../rl/grid';
import type { Frame } from '../../worker/protocol';

export type { GreedyOutcome } from '../../rl/greedy';
export type GreedyPath = GreedyWalk;

/** The greedy path of a training frame (null: no frame yet). */
export function agentGreedyPath(o: {
  grid: Grid;
  frame: Pick<Frame, 'q' | 'policy' | 'shaped'> | null;
}): GreedyPath {
  return greedyWalk(o.grid, o.frame ? framePreferences(o.frame) : null);
}

/** One line for under the grid. */
export function describeGreedyPath(p: GreedyPath): string {
  const steps = `${p.steps} step${p.steps === 1 ? '' : 's'}`;
  switch (p.outcome) {
    case 'goal':
      return `Greedy path: reaches the goal in ${steps}`;
    case 'loop':
      return `Greedy path: loops after ${steps}`;
    case 'pit':
      return `Greedy path: falls into a pit after ${steps}`;
    case 'cliff':
      return `Greedy path: runs off the cliff after ${steps}`;
    case 'limit':
      return `Greedy path: still wandering after ${steps}`;
    case 'undecided':
      return `Greedy path: ${steps}, then no preference yet`;
    default:
      return 'Greedy path: no preference yet';
  }
}
