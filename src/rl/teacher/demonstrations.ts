/**
 * A person's demonstrations (config.demonstrations, src/config/demonstrations.ts) read against the
 * world's compiled model (src/rl/grid.ts): whether each episode fits the world, the transitions it made
 * and what it earned. The moves are never re-simulated here: a demonstration says the direction each
 * move went (a slip included), so every transition is the grid's table entry for (cell, direction).
 */
import { parseDemo } from '../../config/demonstrations';
import type { EpisodeResult } from '../metrics';
import { N_ACTIONS, type Grid } from '../grid';

/** The result of checking demonstrations against a world. */
export interface DemoCheck {
  /** `demonstrations[i]: ...` messages, one per episode that does not fit (field errors). */
  errors: string[];
  /** The indices of the episodes that fit, in order. */
  fits: number[];
}

/** One episode walked through the world's tables: its transitions, or why it does not fit. */
type Walk =
  | { ok: true; s: number[]; a: number[]; r: number[]; s2: number[]; done: boolean[]; success: boolean }
  | { ok: false; error: string };

function walk(grid: Grid, text: unknown): Walk {
  if (typeof text !== 'string') return { ok: false, error: 'must be a string of moves (U, R, D, L)' };
  const p = parseDemo(text);
  if (!p.ok) return { ok: false, error: p.error };
  const { chosen, went } = p.moves;
  if (chosen.length === 0) return { ok: false, error: 'a demonstration has at least one move' };
  if (chosen.length > grid.maxSteps)
    return {
      ok: false,
      error: `${chosen.length} moves, longer than the world's step limit (${grid.maxSteps})`,
    };
  const out = {
    s: [] as number[],
    a: [] as number[],
    r: [] as number[],
    s2: [] as number[],
    done: [] as boolean[],
  };
  let s = grid.start;
  let success = false;
  for (let t = 0; t < chosen.length; t++) {
    if (t > 0 && out.done[t - 1])
      return { ok: false, error: `goes on after the world ended it at move ${t}` };
    if (went[t] !== chosen[t] && grid.slip === 0)
      return { ok: false, error: `move ${t + 1} slipped, but this world does not slip` };
    const i = s * N_ACTIONS + went[t];
    out.s.push(s);
    out.a.push(chosen[t]);
    out.r.push(grid.moveReward[i]);
    out.s2.push(grid.nextState[i]);
    out.done.push(grid.moveDone[i] === 1);
    success = grid.moveSuccess[i] === 1;
    s = grid.nextState[i];
  }
  return { ok: true, ...out, success };
}

/** Checks every demonstration against the world (never throws): field errors for the ones that do not
 *  fit (a bad move string, longer than the step limit, going on after a goal or pit ended the episode, a
 *  slip in a world without slip) and the indices of the ones that do. */
export function checkDemonstrations(grid: Grid, demos: readonly unknown[]): DemoCheck {
  const errors: string[] = [];
  const fits: number[] = [];
  demos.forEach((text, i) => {
    const w = walk(grid, text);
    if (w.ok) fits.push(i);
    else errors.push(`demonstrations[${i}]: ${w.error}`);
  });
  return { errors, fits };
}

/** The transitions of the demonstrations that fit, episode after episode, in flat arrays: the chosen
 *  action a (what the person pressed), s2 where the move's real direction leads in the world's tables,
 *  r the world's reward for it, done when it ended the episode. `episodeEnd[k]` is the index after
 *  episode k's last transition. */
export interface DemoTransitions {
  n: number;
  s: Int32Array;
  a: Int32Array;
  r: Float64Array;
  s2: Int32Array;
  done: Uint8Array;
  episodeEnd: number[];
}

export function demoTransitions(grid: Grid, demos: readonly unknown[]): DemoTransitions {
  const walks = demos.map((d) => walk(grid, d)).filter((w) => w.ok);
  const n = walks.reduce((t, w) => t + w.s.length, 0);
  const out: DemoTransitions = {
    n,
    s: new Int32Array(n),
    a: new Int32Array(n),
    r: new Float64Array(n),
    s2: new Int32Array(n),
    done: new Uint8Array(n),
    episodeEnd: [],
  };
  let k = 0;
  for (const w of walks) {
    for (let t = 0; t < w.s.length; t++, k++) {
      out.s[k] = w.s[t];
      out.a[k] = w.a[t];
      out.r[k] = w.r[t];
      out.s2[k] = w.s2[t];
      out.done[k] = w.done[t] ? 1 : 0;
    }
    out.episodeEnd.push(k);
  }
  return out;
}

/** One demonstration as an episode's metrics: the world's undiscounted return (the sum of what each move
 *  paid, as the trainer's episodeReturn and the return chart count it), its moves, whether it reached a
 *  goal. Null when it does not fit the world. */
export function demoEpisodeStats(grid: Grid, text: string): EpisodeResult | null {
  const w = walk(grid, text);
  if (!w.ok) return null;
  return { return: w.r.reduce((t, r) => t + r, 0), steps: w.s.length, success: w.success };
}

/** The shortest successful demonstration's length (null when none reaches a goal). */
export function bestDemoSteps(grid: Grid, demos: readonly unknown[]): number | null {
  let best: number | null = null;
  for (const d of demos) {
    const st = typeof d === 'string' ? demoEpisodeStats(grid, d) : null;
    if (st?.success && (best === null || st.steps < best)) best = st.steps;
  }
  return best;
}
