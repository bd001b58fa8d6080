/**
 * The teacher's grade as a reward (train.rewardSource 'teacher-grade'): a move earns +1 when the
 * demonstrations chose that move in that cell, 0 otherwise (another move there, or a cell the teacher
 * never acted from); the world's own reward is not used, and the episode still ends where the world ends
 * it. A learner of this reward can at best follow the teacher: every move off the teacher's path earns
 * nothing. (With a discount near 1 it could farm the grade, stepping off the path and back on again for
 * the same +1 many times; the lesson's world, src/config/presets.ts `teacher`, uses gamma 0.5, at which
 * no detour is worth more than the teacher's next move: 0 + sum_t>=1 0.5^t < 1.)
 */
import type { Grid } from '../grid';
import type { DemoTransitions } from './demonstrations';

/** Per (s * 4 + a): 1 where the demonstrations chose a in s. */
export function teacherMoves(grid: Grid, t: DemoTransitions): Uint8Array {
  const moves = new Uint8Array(grid.nStates * 4);
  for (let k = 0; k < t.n; k++) moves[t.s[k] * 4 + t.a[k]] = 1;
  return moves;
}

/** The teacher's grade of choosing a in s. */
export function teacherGrade(moves: Uint8Array, s: number, a: number): number {
  return moves[s * 4 + a];
}
