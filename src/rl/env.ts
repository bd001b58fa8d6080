/**
 * The gridworld simulator with a Gymnasium-like API: `reset(seed?)` returns the start state,
 * `step(action)` returns the next state and leaves reward / terminated / truncated / success on the
 * instance (no object per step). Dynamics: with probability `slip` the move goes to one of the two
 * perpendicular directions instead (slip / 2 each; grid.ts slipDirection).
 */
import { compileGrid, slipDirection, type Grid } from './grid';
import { Rng } from './rng';
import type { EnvConfig } from '../config/schema';

export class GridWorld {
  readonly grid: Grid;
  readonly rng: Rng;
  state = 0;
  /** Steps taken in the current episode. */
  t = 0;
  reward = 0;
  terminated = false;
  truncated = false;
  /** The last step entered a goal. */
  success = false;
  /** Direction actually moved on the last step (differs from the action when the agent slipped). */
  moved = 0;

  constructor(gridOrEnv: Grid | EnvConfig, seed = 0) {
    this.grid = 'nextState' in gridOrEnv ? gridOrEnv : compileGrid(gridOrEnv);
    this.rng = new Rng(seed);
    this.state = this.grid.start;
  }

  reset(seed?: number): number {
    if (seed !== undefined) this.rng.seed(seed);
    this.state = this.grid.start;
    this.t = 0;
    this.reward = 0;
    this.terminated = false;
    this.truncated = false;
    this.success = false;
    return this.state;
  }

  /** The direction a move in `action` actually takes (draws from the world's stream only when slip > 0). */
  direction(action: number): number {
    const g = this.grid;
    return g.slip > 0 ? slipDirection(g.slip, action, this.rng.next()) : action & 3;
  }

  step(action: number): number {
    this.land(this.state * 4 + this.direction(action), this.t + 1);
    return this.state;
  }

  /** Leaves the world as step() does after the move (state * 4 + direction) = i, the t-th of the episode.
   *  A loop that walks the grid's tables itself (TabularAgent.runEpisode) calls it after its last move. */
  land(i: number, t: number): void {
    const g = this.grid;
    this.moved = i & 3;
    this.reward = g.moveReward[i];
    this.terminated = g.moveDone[i] === 1;
    this.success = g.moveSuccess[i] === 1;
    this.state = g.nextState[i];
    this.t = t;
    this.truncated = !this.terminated && t >= g.maxSteps;
  }
}
