/**
 * "Play it yourself": a person's episodes in the world, under the agent's own rules. The moves go
 * through the simulator the trainer steps (env.ts GridWorld over the compiled model, grid.ts): walls and
 * edges keep you in place, a slip goes sideways, a cliff sends you back to the start, goals and pits end
 * the episode, and so does the episode's step limit. Nothing here restates a rule.
 *
 * Slip draws come from a stream of its own (subSeed of the config's train seed, PLAY_STREAM), never the
 * agent's or the world's: playing never changes the agent's run, and the same seed replays the same
 * slips for the same presses. Each episode continues the stream (a new one does not reseed it).
 *
 * A finished episode is its move string (config/demonstrations.ts encodeDemo: the pressed direction, and
 * where a move slipped the direction it went). `replay` walks a move string through the same tables with
 * each move's recorded direction (no draw), so a stored demonstration's return and steps are exactly
 * those of the episode that was played. Pure TypeScript.
 */
import { encodeDemo, parseDemo } from '../config/demonstrations';
import type { Config } from '../config/schema';
import { GridWorld } from './env';
import { compileGrid, N_ACTIONS, type Grid } from './grid';
import type { EpisodeResult } from './metrics';
import { subSeed } from './rng';

/** The play stream's id (the trainer's env is 1, its agent 2, RND 11). */
export const PLAY_STREAM = 23;

/** The seed of the play stream for a config's train seed. */
export function playSeed(seed: number): number {
  return subSeed(seed, PLAY_STREAM);
}

/** What one move did. */
export interface PlayMove {
  /** The cell you stand in after the move (after a cliff: the start). */
  cell: number;
  /** The direction pressed and the direction the move went (differs on a slip). */
  action: number;
  went: number;
  reward: number;
  /** The episode is over: a goal or pit (terminated) or the step limit (truncated). */
  done: boolean;
  terminated: boolean;
  truncated: boolean;
  /** The move entered a goal. */
  success: boolean;
  /** Moves taken in this episode, and its return so far. */
  steps: number;
  return: number;
}

export class PlaySession {
  readonly grid: Grid;
  private readonly env: GridWorld;
  private chosen: number[] = [];
  private went: number[] = [];
  private ret = 0;
  private over = false;
  private reached = false;

  constructor(gridOrConfig: Grid | Pick<Config, 'env' | 'train'>, seed?: number) {
    const isGrid = 'nextState' in gridOrConfig;
    this.grid = isGrid ? gridOrConfig : compileGrid(gridOrConfig.env);
    const s = seed ?? (isGrid ? 0 : playSeed(gridOrConfig.train.seed));
    this.env = new GridWorld(this.grid, s);
  }

  /** The cell you stand in. */
  get cell(): number {
    return this.env.state;
  }

  get steps(): number {
    return this.chosen.length;
  }

  get return(): number {
    return this.ret;
  }

  /** The episode ended (a goal, a pit or the step limit); `restart` begins the next. */
  get done(): boolean {
    return this.over;
  }

  get success(): boolean {
    return this.reached;
  }

  /** Back to the start for a new episode (the slip stream goes on). */
  restart(): void {
    this.env.reset();
    this.chosen = [];
    this.went = [];
    this.ret = 0;
    this.over = false;
    this.reached = false;
  }

  /**
   * One move in direction `action` (0 up, 1 right, 2 down, 3 left). `went` forces the direction it goes
   * (a replay of a recorded move: no draw); otherwise the world's slip decides. Null once the episode
   * is over or for an action that is not one of the four.
   */
  move(action: number, went?: number): PlayMove | null {
    if (this.over || !Number.isInteger(action) || action < 0 || action >= N_ACTIONS) return null;
    const env = this.env;
    const d = went ?? env.direction(action);
    env.land(env.state * N_ACTIONS + d, env.t + 1);
    this.chosen.push(action);
    this.went.push(d);
    this.ret += env.reward;
    this.over = env.terminated || env.truncated;
    this.reached = env.success;
    return {
      cell: env.state,
      action,
      went: d,
      reward: env.reward,
      done: this.over,
      terminated: env.terminated,
      truncated: env.truncated,
      success: env.success,
      steps: this.chosen.length,
      return: this.ret,
    };
  }

  /** This episode's moves as a move string (config/demonstrations.ts). */
  moves(): string {
    return encodeDemo(this.chosen, this.went);
  }

  /** This episode's metrics so far. */
  result(): EpisodeResult {
    return { return: this.ret, steps: this.chosen.length, success: this.reached };
  }
}

export type ReplayResult =
  | ({ ok: true; done: boolean } & EpisodeResult)
  | { ok: false; error: string; move?: number };

/**
 * A move string walked through the world with each move's recorded direction: its return, steps,
 * success and whether the world ended the episode; an error when the string is malformed or goes on
 * after the world ended the episode.
 */
export function replay(grid: Grid, text: string): ReplayResult {
  const p = parseDemo(text);
  if (!p.ok) return { ok: false, error: p.error };
  const s = new PlaySession(grid);
  const { chosen, went } = p.moves;
  for (let i = 0; i < chosen.length; i++) {
    if (s.done)
      return {
        ok: false,
        move: i + 1,
        error: `move ${i + 1} comes after the episode ended (after ${i} moves)`,
      };
    s.move(chosen[i], went[i]);
  }
  return { ok: true, done: s.done, ...s.result() };
}
