/**
 * The training loop: steps an agent through the gridworld one transition at a time, so the same code
 * serves the CLI (whole episodes, as fast as possible), the worker (step budgets per frame) and the
 * UI's single step. It keeps per-episode metrics, visit counts and the current episode's trail.
 */
import type { Config } from '../config/schema';
import type { Agent } from './agent';
import { createAgent } from './createAgent';
import { createAnyAgent } from './agentFactory';
import { GridWorld } from './env';
import { compileGrid, Cell, type Grid } from './grid';
import { agentPreferences, greedyEpisode, greedyWalk, type GreedyWalk } from './greedy';
import { AgentStateError, StateReader, StateWriter, type TrainedState } from './agentState';
import { RunMetrics, type EpisodeResult } from './metrics';
import { subSeed } from './rng';
import { createShaper, shapedReward, shapingOf, type RewardShaper } from './shaping';
import { TabularAgent } from './agents/tdBase';
import { demoTransitions, type DemoTransitions } from './teacher/demonstrations';
import { teacherGrade, teacherMoves } from './teacher/grade';
import { ImitationAgent } from './teacher/imitation';
import { fitTrexReward } from './teacher/trex';

/** The seed an agent of a run with this train seed gets (the env gets another). */
export function agentSeed(seed: number): number {
  return subSeed(seed, 2);
}

/** A trainer with any agent, tfjs ones included (loaded on demand); with `state`, the saved run
 *  resumed (Trainer.importState: throws an AgentStateError when it does not fit the config). */
export async function createTrainer(config: Config, state?: TrainedState): Promise<Trainer> {
  const grid = compileGrid(config.env);
  const t = new Trainer(config, await createAnyAgent(config.agent, grid, agentSeed(config.train.seed)));
  if (state) {
    try {
      t.importState(state);
    } catch (e) {
      t.agent.dispose();
      throw e;
    }
  }
  return t;
}

export class Trainer {
  readonly grid: Grid;
  readonly env: GridWorld;
  readonly agent: Agent;
  /** The run's metrics (bounded whatever the run's length). */
  readonly metrics = new RunMetrics();
  /** The reward transform the agent learns from (null: the world's reward). */
  readonly shaper: RewardShaper | null;
  /** Visits per cell over all episodes, and in the current episode. */
  readonly visits: Uint32Array;
  readonly episodeVisits: Uint32Array;
  /** Cells of the current episode, in order (trail[0] is the start). */
  readonly trail: Int32Array;
  trailLength = 0;
  totalSteps = 0;
  episodeReturn = 0;
  /** The action the agent chose for the state it is in; -1 before an episode starts. */
  private action = -1;
  private readonly envSeed: number;
  /** The demonstrations that fit this world, as transitions (src/rl/teacher/demonstrations.ts). */
  readonly demos: DemoTransitions;
  /** 'teacher-grade': per (s * 4 + a), 1 for the teacher's moves (src/rl/teacher/grade.ts); else null. */
  private readonly grades: Uint8Array | null;
  /** 'ranked': per cell, the reward fitted from the ranked demonstrations (src/rl/teacher/trex.ts). */
  private readonly learnedReward: Float64Array | null;
  /** Passes of demonstration replay before training and after every episode (0: none). */
  private readonly demoReplay: number;
  private replayedBefore = false;
  /** The last real transition (s * 4 + chosen a, s2, ended), for a live grade; -1 before any. */
  private lastPair = -1;
  private lastNext = 0;
  private lastDone = false;

  constructor(
    readonly config: Config,
    agent?: Agent,
  ) {
    this.grid = compileGrid(config.env);
    const seed = config.train.seed;
    this.envSeed = subSeed(seed, 1);
    this.env = new GridWorld(this.grid, this.envSeed);
    this.agent = agent ?? createAgent(config.agent, this.grid, agentSeed(seed));
    this.shaper = createShaper(config.train, this.grid);
    this.visits = new Uint32Array(this.grid.nStates);
    this.episodeVisits = new Uint32Array(this.grid.nStates);
    // A search agent's simulated moves are shaped as real ones, the count bonus at the real visit counts.
    const sh = this.agent.setSimulatedReward ? shapingOf(config.train, this.grid) : null;
    const visits = this.visits;
    this.agent.setSimulatedReward?.(
      sh ? (s, r, s2, terminal) => shapedReward(sh, s, r, s2, terminal, visits[s2] + 1) : null,
    );
    this.trail = new Int32Array(this.grid.maxSteps + 1);
    this.demos = demoTransitions(this.grid, config.demonstrations ?? []);
    const source = config.train.rewardSource ?? 'world';
    this.grades = source === 'teacher-grade' ? teacherMoves(this.grid, this.demos) : null;
    this.learnedReward = source === 'ranked' ? fitTrexReward(this.grid, this.demos) : null;
    if (this.agent instanceof ImitationAgent) this.agent.imitate(this.demos);
    else if (this.demos.n > 0) this.agent.keepDemonstrations?.(this.demos);
    const replay = 'demoReplay' in config.agent ? config.agent.demoReplay : 0;
    this.demoReplay = this.agent instanceof TabularAgent && this.demos.n > 0 ? replay : 0;
  }

  /** The reward source is the world's (the agents' own fast loops apply only then). */
  private get worldReward(): boolean {
    return (this.config.train.rewardSource ?? 'world') === 'world';
  }

  /** The reward the agent learns from for choosing a in s, which paid r and led to s2 (before shaping):
   *  the world's, the teacher's grade, the reward learned from the ranking (for entering s2), or 0 under
   *  live grading (the person's grade comes in through applyGrade). */
  private sourceReward(s: number, a: number, r: number, s2: number): number {
    if (this.grades) return teacherGrade(this.grades, s, a);
    if (this.learnedReward) return this.learnedReward[s2];
    return this.worldReward ? r : 0;
  }

  /**
   * Demonstration replay: `demoReplay` passes over the demonstrations' transitions, each through the
   * agent's own single-transition update (TabularAgent.learnFrom: Q-learning's, SARSA's, Dyna-Q's with
   * its model and planning), with the reward the agent learns from (the source's, shaped as a search
   * agent's simulated moves are: the count bonus at the current counts, which replay does not advance).
   * Each episode is replayed from its last move back to its first, so one pass carries the goal's value
   * all the way to the start. Only demonstrated pairs (s, a) are updated (and, for Dyna-Q, planned from).
   */
  replayDemos(): void {
    const agent = this.agent;
    if (this.demoReplay <= 0 || !(agent instanceof TabularAgent)) return;
    const d = this.demos;
    const sh = shapingOf(this.config.train, this.grid);
    for (let p = 0; p < this.demoReplay; p++) {
      let from = 0;
      for (const end of d.episodeEnd) {
        for (let k = end - 1; k >= from; k--) {
          const s = d.s[k];
          const s2 = d.s2[k];
          const done = d.done[k] === 1;
          const r0 = this.sourceReward(s, d.a[k], d.r[k], s2);
          const r = sh ? shapedReward(sh, s, r0, s2, done, this.visits[s2] + 1) : r0;
          agent.learnFrom(s, d.a[k], r, s2, done);
        }
        from = end;
      }
    }
  }

  /**
   * A live grade (train.rewardSource 'live-grade', TAMER: Knox & Stone 2008): `grade` (+1, -1, any
   * finite number) becomes the reward of the last real transition, applied through the agent's own TD
   * update (TabularAgent.learnFrom) with that transition's next state and end. Through the TD update
   * rather than TAMER's myopic one (gamma 0) so the agent's usual rule learns from the grades as from a
   * reward: ungraded moves earned 0 when they were made, and a graded move's value flows back to the moves
   * before it like any reward's. Returns false (and changes nothing) when there is no transition yet, the
   * grade is not finite, or the agent has no single-transition update (only tabular TD agents do).
   */
  applyGrade(grade: number): boolean {
    const agent = this.agent;
    if (this.lastPair < 0 || !Number.isFinite(grade) || !(agent instanceof TabularAgent)) return false;
    agent.learnFrom(this.lastPair >> 2, this.lastPair & 3, grade, this.lastNext, this.lastDone);
    return true;
  }

  get episode(): number {
    return this.metrics.count;
  }

  get state(): number {
    return this.env.state;
  }

  /** True between the first step of an episode and its end. */
  get inEpisode(): boolean {
    return this.action >= 0;
  }

  private begin(): void {
    const s = this.env.reset();
    this.episodeReturn = 0;
    this.episodeVisits.fill(0);
    this.trail[0] = s;
    this.trailLength = 1;
    this.visits[s]++;
    this.episodeVisits[s]++;
    if (!this.replayedBefore) {
      this.replayedBefore = true;
      if (this.totalSteps === 0) this.replayDemos();
    }
    this.action = this.agent.start(s);
  }

  /** One environment step (starting an episode first if needed). Returns true when the episode ended. */
  step(): boolean {
    if (this.action < 0) this.begin();
    const env = this.env;
    const s = env.state;
    const a = this.action;
    const s2 = env.step(a);
    const r = env.reward;
    this.episodeReturn += r;
    this.totalSteps++;
    this.visits[s2]++;
    this.episodeVisits[s2]++;
    this.trail[this.trailLength++] = s2;
    this.lastPair = s * 4 + a;
    this.lastNext = s2;
    this.lastDone = env.terminated;
    const r0 = this.worldReward ? r : this.sourceReward(s, a, r, s2);
    const learnR = this.shaper ? this.shaper.shape(s, r0, s2, env.terminated) : r0;
    const a2 = this.agent.step(learnR, s2, env.terminated);
    if (env.terminated || env.truncated) {
      this.finish();
      return true;
    }
    this.action = a2;
    return false;
  }

  private finish(): void {
    const env = this.env;
    this.metrics.push(this.episodeReturn, env.t, env.success, this.agent.epsilon());
    this.agent.endEpisode();
    this.action = -1;
    this.replayDemos();
  }

  /** Runs to the end of the current (or a new) episode and returns its metrics. A new episode of a
   *  tabular TD agent runs in that agent's own loop (TabularAgent.runEpisode: the same steps as step(),
   *  without a call per step; only while it learns from the world's reward: its loop pays that). */
  runEpisode(): EpisodeResult {
    const agent = this.agent;
    if (this.action < 0 && agent instanceof TabularAgent && this.worldReward) {
      this.begin();
      agent.runEpisode(this);
      this.finish();
    } else while (!this.step());
    return this.metrics.last();
  }

  /** Runs up to `maxSteps` steps; returns how many episodes finished. */
  runSteps(maxSteps: number): number {
    const before = this.metrics.count;
    for (let i = 0; i < maxSteps; i++) this.step();
    return this.metrics.count - before;
  }

  /** Trains for `episodes` episodes (planning agents solve instead and run none). */
  train(episodes = this.config.train.episodes): void {
    if (this.agent.planner) {
      this.agent.planner.solve();
      return;
    }
    for (let i = 0; i < episodes; i++) this.runEpisode();
  }

  /**
   * The run as plain data (src/rl/agentState.ts says what continuing preserves): the agent's state, the
   * trainer's step count, visit counts, the world's random stream and the count bonus's counts, and
   * the metrics. An episode in flight is not kept: the resumed run starts a fresh one.
   */
  exportState(): TrainedState {
    if (!this.agent.exportState) throw new AgentStateError(`a ${this.agent.type} agent cannot be saved`);
    const w = new StateWriter();
    w.num('totalSteps', this.totalSteps).arr('visits', this.visits).rng('envRng', this.env.rng);
    const counts = this.shaper?.counts;
    if (counts) w.arr('bonusCounts', counts);
    return { agent: this.agent.exportState(), trainer: w.block, metrics: this.metrics.toJSON() };
  }

  /** Resumes a run exported by a trainer for the same config (before any step of this one). Throws an
   *  AgentStateError naming what does not fit; then neither the trainer nor the agent has changed. */
  importState(state: TrainedState): void {
    if (!this.agent.importState) throw new AgentStateError(`a ${this.agent.type} agent cannot be loaded`);
    if (!state || typeof state !== 'object' || !state.agent || !state.trainer || !state.metrics)
      throw new AgentStateError('the saved run is incomplete');
    const r = new StateReader(state.trainer, 'the saved run');
    const totalSteps = r.num('totalSteps', { min: 0, int: true });
    r.into('visits', this.visits).rng('envRng', this.env.rng);
    const counts = this.shaper?.counts;
    if (counts) r.into('bonusCounts', counts);
    // The metrics and the agent each change only if their block fits; the metrics go back if the
    // agent's does not.
    const old = this.metrics.toJSON();
    this.metrics.restore(state.metrics);
    try {
      this.agent.importState(state.agent);
    } catch (e) {
      this.metrics.restore(old);
      throw e;
    }
    r.apply();
    this.totalSteps = totalSteps;
    this.episodeVisits.fill(0);
    this.trailLength = 0;
    this.action = -1;
  }

  /** The greedy walk of the agent as it stands (src/rl/greedy.ts: its preferences frozen, no slip, no
   *  exploration): the path the overlay draws on a frame taken now. */
  greedyWalk(): GreedyWalk {
    return greedyWalk(this.grid, this.preferences());
  }

  /** The greedy walk as an episode's metrics (greedy.ts greedyEpisode); `success` is the "solved" test
   *  of the timeline, the Lab and the CLI. */
  greedyEpisode(): EpisodeResult {
    const p = this.preferences();
    return greedyEpisode(this.grid, p, greedyWalk(this.grid, p));
  }

  private preferences(): Float64Array {
    return agentPreferences(this.agent, new Float64Array(this.grid.nStates * 4));
  }

  /** V(s) per cell, row by row: null on walls, 0 on goals and pits. */
  valueTable(): (number | null)[][] {
    const v = new Float64Array(this.grid.nStates);
    this.agent.values(v);
    const rows: (number | null)[][] = [];
    for (let y = 0; y < this.grid.height; y++) {
      const row: (number | null)[] = [];
      for (let x = 0; x < this.grid.width; x++) {
        const s = y * this.grid.width + x;
        const c = this.grid.cells[s];
        row.push(c === Cell.Wall ? null : c === Cell.Goal || c === Cell.Pit ? 0 : v[s]);
      }
      rows.push(row);
    }
    return rows;
  }
}
