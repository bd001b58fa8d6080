/** The shapes of the figures the preset captions quote (src/config/presetResults.ts holds the data). */
export interface ComparisonFigure {
  name: string;
  seeds: number;
  /** Seeds that never reached a goal. */
  never: number;
  /** First successful episode (1-based) of the other seeds, sorted. */
  first: number[];
  /** Median first success over all seeds (censored ones later than any; null when it is censored). */
  median: number | null;
  /** Success rate over the last 10% of episodes, averaged over seeds. */
  finalSuccess: number;
}
export type ComparisonFigures = ComparisonFigure[];

export interface BudgetFigure {
  variant: string;
  value: number;
  seeds: number;
  /** Seeds whose greedy policy never reached a goal. */
  unsolved: number;
  /** Median episode after which the greedy policy reaches a goal (null when censored). */
  solvedMedian: number | null;
  /** The latest such episode among the seeds that got there (null when none did). */
  solvedMax: number | null;
  /** Fraction of all real episodes that reached a goal. */
  success: number;
  /** Mean compute of one run (the point's unit). */
  compute: number;
}
export type BudgetFigures = BudgetFigure[];

export interface PresetResults {
  'deep-needle': ComparisonFigures;
  'dyna-maze': BudgetFigures;
  /** Expected steps of a uniform random walk from the maze's start to its goal. */
  'dyna-maze-random-walk': number;
  'search-wall': BudgetFigures;
  'bigger-or-longer': BudgetFigures;
}
