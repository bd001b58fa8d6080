/**
 * The figures the preset captions quote, measured by running each preset's Lab document at its seeds
 * (scripts/record-captions.ts wrote this file: do not edit it by hand). src/config/presets.ts builds the
 * captions from them; tests/unit/presetCaptions.test.ts re-runs the cheap parts and
 * `npm run bench -- captions` all of it, each comparing with these.
 */

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

// prettier-ignore
export const PRESET_RESULTS: PresetResults = {
  'deep-needle': [{"name":"Plain DQN","seeds":8,"never":7,"first":[68],"median":null,"finalSuccess":0},{"name":"Potential shaping","seeds":8,"never":0,"first":[7,11,12,12,12,14,15,17],"median":12,"finalSuccess":0.9750000000000001},{"name":"Curiosity (RND)","seeds":8,"never":0,"first":[19,38,42,56,64,68,86,113],"median":60,"finalSuccess":0.36666666666666664},{"name":"Count bonus","seeds":8,"never":0,"first":[8,16,16,17,18,19,22,42],"median":17.5,"finalSuccess":0.6666666666666667}],
  'dyna-maze': [{"variant":"Dyna-Q","value":0,"seeds":30,"unsolved":0,"solvedMedian":31.5,"solvedMax":47,"success":1,"compute":5312.8},{"variant":"Dyna-Q","value":5,"seeds":30,"unsolved":0,"solvedMedian":11,"solvedMax":21,"success":1,"compute":10726.4},{"variant":"Dyna-Q","value":50,"seeds":30,"unsolved":0,"solvedMedian":3,"solvedMax":5,"success":1,"compute":84923.5}],
  'dyna-maze-random-walk': 868.7,
  'search-wall': [{"variant":"Goal 14 away","value":10,"seeds":10,"unsolved":2,"solvedMedian":1,"solvedMax":1,"success":0.8,"compute":33716.9},{"variant":"Goal 14 away","value":30,"seeds":10,"unsolved":0,"solvedMedian":1,"solvedMax":1,"success":1,"compute":67699.1},{"variant":"Goal 14 away","value":100,"seeds":10,"unsolved":0,"solvedMedian":1,"solvedMax":1,"success":1,"compute":159726.9},{"variant":"Goal 14 away","value":300,"seeds":10,"unsolved":0,"solvedMedian":1,"solvedMax":1,"success":1,"compute":318036.1},{"variant":"Goal 14 away","value":1000,"seeds":10,"unsolved":0,"solvedMedian":1,"solvedMax":1,"success":1,"compute":682067.5},{"variant":"Goal 26 away","value":10,"seeds":10,"unsolved":9,"solvedMedian":null,"solvedMax":1,"success":0.1,"compute":48908.3},{"variant":"Goal 26 away","value":30,"seeds":10,"unsolved":7,"solvedMedian":null,"solvedMax":1,"success":0.3,"compute":136929.3},{"variant":"Goal 26 away","value":100,"seeds":10,"unsolved":4,"solvedMedian":1,"solvedMax":1,"success":0.6,"compute":438120.8},{"variant":"Goal 26 away","value":300,"seeds":10,"unsolved":2,"solvedMedian":1,"solvedMax":1,"success":0.8,"compute":1162077.3},{"variant":"Goal 26 away","value":1000,"seeds":10,"unsolved":0,"solvedMedian":1,"solvedMax":1,"success":1,"compute":2730736.2},{"variant":"Goal 38 away","value":10,"seeds":10,"unsolved":10,"solvedMedian":null,"solvedMax":null,"success":0,"compute":51688.1},{"variant":"Goal 38 away","value":30,"seeds":10,"unsolved":10,"solvedMedian":null,"solvedMax":null,"success":0,"compute":156700},{"variant":"Goal 38 away","value":100,"seeds":10,"unsolved":10,"solvedMedian":null,"solvedMax":null,"success":0,"compute":529090},{"variant":"Goal 38 away","value":300,"seeds":10,"unsolved":10,"solvedMedian":null,"solvedMax":null,"success":0,"compute":1609298.8},{"variant":"Goal 38 away","value":1000,"seeds":10,"unsolved":8,"solvedMedian":null,"solvedMax":1,"success":0.2,"compute":4970286.5},{"variant":"Goal 38 away, shaped","value":10,"seeds":10,"unsolved":9,"solvedMedian":null,"solvedMax":1,"success":0.1,"compute":50242.3},{"variant":"Goal 38 away, shaped","value":30,"seeds":10,"unsolved":5,"solvedMedian":null,"solvedMax":1,"success":0.5,"compute":145318.6},{"variant":"Goal 38 away, shaped","value":100,"seeds":10,"unsolved":2,"solvedMedian":1,"solvedMax":1,"success":0.8,"compute":391071.3},{"variant":"Goal 38 away, shaped","value":300,"seeds":10,"unsolved":1,"solvedMedian":1,"solvedMax":1,"success":0.9,"compute":1157114},{"variant":"Goal 38 away, shaped","value":1000,"seeds":10,"unsolved":0,"solvedMedian":1,"solvedMax":1,"success":1,"compute":3743508.9}],
  'bigger-or-longer': [{"variant":"DQN, wider","value":16,"seeds":3,"unsolved":0,"solvedMedian":29,"solvedMax":32,"success":0.2966666666666667,"compute":51016533.333333336},{"variant":"DQN, wider","value":64,"seeds":3,"unsolved":1,"solvedMedian":83,"solvedMax":83,"success":0.36666666666666664,"compute":202632533.33333334},{"variant":"DQN, wider","value":256,"seeds":3,"unsolved":0,"solvedMedian":29,"solvedMax":86,"success":0.5833333333333334,"compute":635221333.3333334},{"variant":"Dyna-Q, more planning","value":5,"seeds":3,"unsolved":0,"solvedMedian":11,"solvedMax":11,"success":0.9666666666666667,"compute":12234},{"variant":"Dyna-Q, more planning","value":20,"seeds":3,"unsolved":0,"solvedMedian":9,"solvedMax":10,"success":0.9466666666666667,"compute":44744},{"variant":"Dyna-Q, more planning","value":80,"seeds":3,"unsolved":0,"solvedMedian":9,"solvedMax":9,"success":0.9533333333333334,"compute":166914},{"variant":"MCTS, more simulations","value":25,"seeds":3,"unsolved":0,"solvedMedian":1,"solvedMax":1,"success":1,"compute":3917963.3333333335},{"variant":"MCTS, more simulations","value":100,"seeds":3,"unsolved":0,"solvedMedian":1,"solvedMax":1,"success":1,"compute":10019601},{"variant":"MCTS, more simulations","value":400,"seeds":3,"unsolved":0,"solvedMedian":1,"solvedMax":1,"success":1,"compute":28031958},{"variant":"MCTS, learned leaf values","value":25,"seeds":3,"unsolved":0,"solvedMedian":35,"solvedMax":48,"success":0.78,"compute":378557.3333333333},{"variant":"MCTS, learned leaf values","value":100,"seeds":3,"unsolved":0,"solvedMedian":43,"solvedMax":52,"success":0.9533333333333334,"compute":1215833.3333333333},{"variant":"MCTS, learned leaf values","value":400,"seeds":3,"unsolved":0,"solvedMedian":40,"solvedMax":45,"success":0.9833333333333333,"compute":4008082.3333333335}],
};
