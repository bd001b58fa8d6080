/**
 * A person's demonstrations ("Play it yourself"), as the config stores them: one move string per episode.
 *
 * A move is one capital letter, the action the person chose: U, R, D, L are the compiled model's actions
 * 0, 1, 2, 3 (src/rl/grid.ts ACTION_NAMES: up, right, down, left). On a slippery floor the move may go
 * sideways instead; then the capital is followed by the direction the move really went, in small letters
 * ("Rd": the person pressed right and slid down). So "RRDDr" is right, right, down, down, and a fifth
 * move, down, that slid right. A slip always goes sideways (a quarter turn), never backwards.
 *
 * This floor checks only the form (letters, sizes, sideways slips). Whether an episode fits its world
 * (it does not go on after the world ended it, it is no longer than the step limit) needs the world's
 * rules: src/rl's demonstration check does that against the compiled model.
 *
 * No zod here (the training worker's first chunk reads demonstrations through this module); the
 * schema is in src/config/demonstrations.ts.
 */

/** At most this many episodes are kept, and this many moves over all of them. */
export const DEMO_LIMITS = { maxEpisodes: 20, maxMoves: 2000 } as const;

/** The move letters, by action index. */
export const MOVE_LETTERS = 'URDL';

/** One episode's moves: the chosen action and the direction it went (equal unless the move slipped). */
export interface DemoMoves {
  chosen: number[];
  went: number[];
}

export type DemoParse = { ok: true; moves: DemoMoves } | { ok: false; error: string };

/** Reads one move string. Never throws; the error names the first bad character by its position. */
export function parseDemo(text: string): DemoParse {
  const chosen: number[] = [];
  const went: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const a = MOVE_LETTERS.indexOf(ch);
    if (a >= 0) {
      chosen.push(a);
      went.push(a);
      continue;
    }
    const slid = MOVE_LETTERS.toLowerCase().indexOf(ch);
    if (slid < 0) {
      const shown = JSON.stringify(String.fromCodePoint(text.codePointAt(i) ?? 0xfffd));
      return { ok: false, error: `character ${i + 1} is ${shown}; a move is one of U, R, D, L` };
    }
    if (chosen.length === 0 || went[went.length - 1] !== chosen[chosen.length - 1])
      return {
        ok: false,
        error: `character ${i + 1}: a slip letter (${ch}) must follow a move (U, R, D, L)`,
      };
    const from = chosen[chosen.length - 1];
    if ((slid - from + 4) % 2 === 0)
      return {
        ok: false,
        error: `character ${i + 1}: ${MOVE_LETTERS[from]} cannot slip ${ch}; a slip goes sideways`,
      };
    went[went.length - 1] = slid;
  }
  return { ok: true, moves: { chosen, went } };
}

/** Writes one episode's moves as a move string (the inverse of parseDemo). */
export function encodeDemo(chosen: readonly number[], went: readonly number[] = chosen): string {
  let out = '';
  for (let i = 0; i < chosen.length; i++) {
    out += MOVE_LETTERS[chosen[i]];
    if (went[i] !== chosen[i]) out += MOVE_LETTERS[went[i]].toLowerCase();
  }
  return out;
}

/** The number of moves in a move string (its capital letters). */
export function demoLength(text: string): number {
  let n = 0;
  for (const ch of text) if (MOVE_LETTERS.includes(ch)) n++;
  return n;
}
