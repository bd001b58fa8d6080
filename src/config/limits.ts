/** Bounds that keep the app responsive and the numbers meaningful. Shared by the schema and the UI. */
export const LIMITS = {
  maxGridSide: 50,
  maxSteps: 100_000,
  maxEpisodes: 1_000_000,
  maxAbsReward: 1_000_000,
  maxPlanningSteps: 500,
  maxSeed: 2 ** 31 - 1,
} as const;

export const CELL_CHARS = ['.', '#', 'S', 'G', 'X', 'C', '$'] as const;
export type CellChar = (typeof CELL_CHARS)[number];

export const CELL_NAMES: Record<CellChar, string> = {
  '.': 'empty',
  '#': 'wall',
  S: 'start',
  G: 'goal',
  X: 'pit',
  C: 'cliff',
  $: 'bonus',
};

/** Cell types whose entry pays a per-type reward (and may carry a per-cell override). */
export const REWARD_CHARS = ['G', 'X', 'C', '$'] as const;
export type RewardChar = (typeof REWARD_CHARS)[number];

/**
 * A number field's messages (zod's `error` param): 'must be a number' for a wrong type, 'must be a whole
 * number' for a fraction, and 'must be from lo to hi' when the value is outside the bounds given.
 */
export function numberIn(lo?: number, hi?: number) {
  const show = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 6 });
  const range = lo === undefined || hi === undefined ? undefined : `must be from ${show(lo)} to ${show(hi)}`;
  return {
    error: (iss: { code: string; expected?: string }) =>
      iss.code === 'invalid_type'
        ? iss.expected === 'int'
          ? 'must be a whole number'
          : 'must be a number'
        : iss.code === 'too_big' || iss.code === 'too_small'
          ? range
          : undefined,
  };
}
