/** The demonstrations' schema; the move strings themselves are read by src/config/demoMoves.ts. */
import { z } from './zod';
import { DEMO_LIMITS, demoLength, parseDemo } from './demoMoves';

export {
  DEMO_LIMITS,
  MOVE_LETTERS,
  demoLength,
  encodeDemo,
  parseDemo,
  type DemoMoves,
  type DemoParse,
} from './demoMoves';

/** One episode's move string: its form checked here, its fit to the world in src/rl. */
const demoSchema = z
  .string({ error: 'must be a string of moves (U, R, D, L)' })
  .max(2 * DEMO_LIMITS.maxMoves, `a demonstration has at most ${DEMO_LIMITS.maxMoves} moves`)
  .superRefine((text, ctx) => {
    const r = parseDemo(text);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error });
    else if (r.moves.chosen.length === 0)
      ctx.addIssue({ code: 'custom', message: 'a demonstration has at least one move' });
  });

export const demonstrationsSchema = z
  .array(demoSchema, { error: 'must be a list of move strings' })
  .max(DEMO_LIMITS.maxEpisodes, `at most ${DEMO_LIMITS.maxEpisodes} demonstrations are kept`)
  .superRefine((demos, ctx) => {
    // runs once every string is well formed (zod stops at the first failing level)
    let total = 0;
    for (const text of demos) total += demoLength(text);
    if (total > DEMO_LIMITS.maxMoves)
      ctx.addIssue({
        code: 'custom',
        message: `${total} moves in all; at most ${DEMO_LIMITS.maxMoves} are kept`,
      });
  });
