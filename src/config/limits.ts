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
