/**
 * One training run as the worker drives it: a Trainer plus the episode target, time-boxed stepping,
 * the planner's single steps, and the progress message (new episodes' metrics since the last message,
 * value / Q / policy tables, visits, the current trail). It also records the run's history
 * (src/rl/history.ts): at every episode end it asks the schedule whether a snapshot is due, records the
 * first success (the metrics' own, RunMetrics.firstSuccess) and the first solved greedy path as marked
 * moments, and every planning step as a 'sweep'. Pure TypeScript: no worker or DOM API, so it is
 * unit-testable in Node.
 */
import type { Trainer } from '../rl/trainer';
import type { MetricsSummary } from '../rl/metrics';
import { HistorySchedule, RunHistory, TRAIL_CELLS, type HistoryMark, type Moment } from '../rl/history';
import {
  summaryInterval,
  type Frame,
  type HistoryIndex,
  type PlanOp,
  type PlannerInfo,
  type Progress,
  type RunInfo,
} from './protocol';
import { greedyArrows } from '../rl/greedy';
import { learnedMask, potentials, unshape } from '../rl/shaping';
import { ThinkingMeter } from './thinking';
import type { NeuralConfig } from '../config/neuralAgents';
import { isNeuralType } from '../config/neuralTypes';
import { longestCallMs } from '../rl/neural/updateCost';

/** Steps between two looks at the clock while running time-boxed: adapts to the agent's speed
 *  (a tabular step takes ~50 ns, a neural one can take milliseconds). */
const MIN_CHUNK = 1;
const MAX_CHUNK = 1024;
/** Steps slower than this (ms) get a look at the clock after each one (it costs a few percent at most). */
const DENSE_STEP_MS = 0.001;

/** Tables that take longer than this (ms; neural agents, search on large worlds) are read for a snapshot
 *  only at the rate progress messages read them (at most ~5% of the time), except for a marked moment. */
const CHEAP_TABLES_MS = 1;
/**
 * Until the first success, the tables at each episode's end are kept in reused buffers, so the moment
 * just before the first reward is recorded exactly, when it comes: only for a learning agent whose
 * tables are cheap (CAPTURE_MAX_MS) and when the copy is small next to the episode (at most
 * CAPTURE_PER_STEP numbers per step it took), so it never costs more than a small share of training.
 * Otherwise that moment is the last snapshot the schedule took before it.
 */
const CAPTURE_MAX_MS = 0.1;
const CAPTURE_PER_STEP = 16;

/** The tables and visits at the end of the latest episode (see CAPTURE_PER_STEP). */
class EpisodeCapture {
  episode = -1;
  steps = 0;
  trailLength = 0;
  agent = 0;
  readonly values: Float64Array;
  readonly q: Float64Array;
  readonly visits: Uint32Array;
  readonly episodeVisits: Uint32Array;
  readonly trail: Int32Array;

  constructor(n: number, trailCells: number) {
    this.values = new Float64Array(n);
    this.q = new Float64Array(n * 4);
    this.visits = new Uint32Array(n);
    this.episodeVisits = new Uint32Array(n);
    this.trail = new Int32Array(trailCells);
  }
}

/** The greedy policy drawn for a learning agent (src/rl/greedy.ts greedyArrows). */
export { greedyArrows };

/** How long (ms) one synchronous call of this run's agent may take on a slow machine (0: short). */
export function runAllowanceMs(t: Trainer): number {
  return isNeuralType(t.config.agent.type) ? longestCallMs(t.config.agent as NeuralConfig, t.grid) : 0;
}

export class TrainingSession {
  target: number;
  running = false;
  /** Episodes in the last summary sent (-1: none sent yet), when it was sent, and a version counter. */
  private summaryEpisodes = -1;
  private summaryAt = -Infinity;
  private summaryVersion = 0;
  private spsSteps = 0;
  private spsTime = -1;
  private sps = 0;
  /** Last time the value / Q tables were computed, and what computing them costs (neural agents are
   *  slow): the least of the last few readings, so one reading stretched by a busy machine (the thread
   *  descheduled mid-read) does not make a cheap agent's tables look expensive. */
  private tablesAt = -Infinity;
  private tablesCost = 0;
  private readonly costs: number[] = [];
  private lastValues: Float64Array | null = null;
  private lastQ: Float64Array | null = null;
  private chunk = 16;
  /** Time a step took in the last chunk (ms). */
  private stepMs = 0;
  /** phi when the agent learns with potential shaping (planners plan on the world itself): frames
   *  then show the world's values, recovered exactly (src/rl/shaping.ts unshape). */
  private readonly phi: Float64Array | null;
  /** The value a tabular learner's Q table starts at (for learnedMask); undefined for networks. */
  private readonly qInit: number | undefined;
  /** The run's recorded snapshots (src/rl/history.ts), and when to take them. */
  readonly history: RunHistory;
  private readonly schedule = new HistorySchedule();
  /** Version of the history index last sent with progress (-1: none yet). */
  private historySent = -1;
  /** The greedy policy reached a goal at some check ('solved' recorded). */
  private solved = false;
  private readonly capture: EpisodeCapture | null;
  /** Thinking per move and the last search (src/worker/thinking.ts). */
  readonly thinking: ThinkingMeter;
  /** The person's best return ("Play it yourself"), the greedy walk's return at the last check, and the
   *  first episode whose check found the walk earning more than that best. */
  private teacherBest: number | null = null;
  private greedyReturn: number | null = null;
  private passedAt: number | null = null;

  constructor(readonly trainer: Trainer) {
    this.target = trainer.config.train.episodes;
    const train = trainer.config.train;
    this.phi =
      train.shaping === 'potential' && trainer.agent.planner === null
        ? potentials(trainer.grid, train.shapingScale)
        : null;
    const agent = trainer.config.agent as { type: string; qInit?: unknown };
    this.qInit = !isNeuralType(agent.type) && typeof agent.qInit === 'number' ? agent.qInit : undefined;
    this.thinking = new ThinkingMeter(trainer);
    const n = trainer.grid.nStates;
    this.history = new RunHistory(n);
    this.capture =
      trainer.agent.planner === null
        ? new EpisodeCapture(n, Math.min(trainer.trail.length, TRAIL_CELLS))
        : null;
    this.record([], performance.now(), true);
  }

  get info(): RunInfo {
    return {
      agentType: this.trainer.agent.type,
      isPlanner: this.trainer.agent.planner !== null,
      nStates: this.trainer.grid.nStates,
      backend: this.trainer.agent.diagnostics?.().backend ?? null,
      longestCallMs: runAllowanceMs(this.trainer),
    };
  }

  get done(): boolean {
    return this.trainer.episode >= this.target;
  }

  /** Starts (or, when the target is reached, continues for another `train.episodes` episodes). */
  play(): void {
    if (this.done) this.target = this.trainer.episode + this.trainer.config.train.episodes;
    this.running = true;
  }

  pause(): void {
    this.running = false;
  }

  /**
   * Runs up to `maxSteps` steps, stopping early at `deadline` (a `now()` time) or at the episode target
   * (which also stops the run). Returns the steps taken.
   */
  run(maxSteps: number, deadline: number, now: () => number): number {
    const t = this.trainer;
    let n = 0;
    let before = now();
    while (n < maxSteps) {
      const chunk = Math.min(this.chunk, maxSteps - n);
      const dense = this.stepMs >= DENSE_STEP_MS;
      let i = 0;
      while (i < chunk) {
        i++;
        n++;
        if (t.step()) {
          this.episodeEnded(now);
          if (t.episode >= this.target) {
            this.running = false;
            this.thinking.timed(now() - before, i);
            return n;
          }
        }
        // A look at the clock after every step of an agent whose steps take a microsecond or more (a
        // neural one: when its updates begin, one slow step ends the slice, not a chunk of them), and
        // after the 1st, 2nd, 4th, ... step of a chunk of fast (tabular) steps.
        if (i < chunk && (dense || (i & (i - 1)) === 0) && now() >= deadline) break;
      }
      const after = now();
      const took = after - before;
      this.thinking.timed(took, i);
      this.stepMs = took / i;
      before = after;
      // Grows only on a whole chunk that was quick (a chunk cut short by maxSteps says nothing).
      if (took < 0.5 && i === this.chunk && this.chunk < MAX_CHUNK) this.chunk *= 2;
      else if (took > 2 && this.chunk > MIN_CHUNK)
        this.chunk = Math.max(MIN_CHUNK, Math.min(this.chunk >> 1, Math.floor((i * 2) / took)));
      if (after >= deadline) break;
    }
    return n;
  }

  stepOnce(): void {
    this.running = false;
    const t0 = clock();
    const ended = this.trainer.step();
    this.thinking.timed(clock() - t0, 1);
    if (ended) this.episodeEnded(clock);
  }

  runEpisode(): void {
    this.running = false;
    const [t0, steps] = [clock(), this.trainer.totalSteps];
    this.trainer.runEpisode();
    this.thinking.timed(clock() - t0, this.trainer.totalSteps - steps);
    this.episodeEnded(clock);
  }

  /** Planning agents: one sweep, one improvement, or solve. Returns false when the agent does not plan. */
  plan(op: PlanOp): boolean {
    const p = this.trainer.agent.planner;
    if (!p) return false;
    if (op === 'sweep') p.sweep();
    else if (op === 'improve') p.improve();
    else p.solve();
    this.tablesAt = -Infinity;
    const marks: HistoryMark[] = ['sweep'];
    // A planner's greedy episode is table lookups: cheap enough to check after every planning step.
    if (!this.solved && this.trainer.greedyEpisode().success) {
      this.solved = true;
      marks.push('solved');
    }
    this.record(marks, clock(), true);
    return true;
  }

  /** The recorded moment at `index` and its snapshot (fresh arrays, safe to transfer), or nulls. */
  snapshot(index: number): { moment: Moment | null; frame: Frame | null } {
    return { moment: this.history.moment(index), frame: this.history.frame(index) };
  }

  /**
   * After each episode: the marked moments (the first success, as the run's metrics define it, and the
   * first time a check finds the greedy policy reaching a goal), the schedule's regular snapshots and the
   * run's target; meanwhile, before the first success, the cheap capture of this episode's end.
   */
  private episodeEnded(now: () => number): void {
    const t = this.trainer;
    const e = t.episode;
    const marks: HistoryMark[] = [];
    const first = t.metrics.firstSuccess === e;
    if (first) marks.push('first-success');
    const watching = this.teacherBest !== null && this.passedAt === null;
    if ((!this.solved || watching) && this.schedule.checkDue(e, now)) {
      const t0 = now();
      const g = t.greedyEpisode();
      this.schedule.checked(e, t0, now() - t0);
      this.comparePerson(g.return, e);
      if (g.success && !this.solved) {
        this.solved = true;
        marks.push('solved');
      }
    }
    if (marks.length > 0) {
      if (first) this.recordCapture(e - 1);
      this.record(marks, now(), true);
      this.schedule.mark(e);
    } else if (this.schedule.recordDue(e) || e >= this.target) {
      this.record([], now(), e >= this.target);
    } else if (t.metrics.firstSuccess === null) this.captureEpisode();
  }

  /** The person's best return (null: none): the comparison starts again from it, checked at once. */
  setTeacherBest(best: number | null): void {
    this.teacherBest = best;
    this.passedAt = null;
    if (best !== null && this.trainer.episode > 0)
      this.comparePerson(this.trainer.greedyEpisode().return, this.trainer.episode);
  }

  /** Live grading: the person's grade of the agent's last move, applied by the trainer (false: this
   *  run takes no grades: Trainer.applyGrade). */
  applyGrade(grade: number): boolean {
    return this.trainer.applyGrade(grade);
  }

  private comparePerson(greedyReturn: number, e: number): void {
    this.greedyReturn = greedyReturn;
    if (this.teacherBest !== null && this.passedAt === null && greedyReturn > this.teacherBest)
      this.passedAt = e;
  }

  /** Planning steps taken (0 for an agent that does not plan). */
  private plans(): number {
    const p = this.trainer.agent.planner;
    return p ? p.sweeps + p.improvements : 0;
  }

  /**
   * Records a snapshot of the run as it is. Expensive tables are read at most at the progress rate
   * unless `force` (a regular snapshot then waits: the schedule keeps it due).
   */
  private record(marks: HistoryMark[], now: number, force: boolean): void {
    const t = this.trainer;
    let tables: { values: Float64Array; q: Float64Array };
    if (this.tablesCost <= CHEAP_TABLES_MS) tables = this.readTables();
    else if (force || now - this.tablesAt >= this.tablesCost * 20) tables = this.tables(now, true);
    else return;
    const f = this.frameOf(
      tables.values,
      tables.q,
      t.visits,
      t.episodeVisits,
      t.trail.subarray(0, t.trailLength),
      t.state,
    );
    this.history.record(f, { episode: t.episode, steps: t.totalSteps, plans: this.plans() }, marks);
    this.schedule.recorded(t.episode);
    if (this.capture) this.capture.episode = -1;
  }

  /** Keeps this episode's end in the capture buffers, when cheap (see CAPTURE_PER_STEP). */
  private captureEpisode(): void {
    const c = this.capture;
    const t = this.trainer;
    if (!c) return;
    c.episode = -1;
    const n = t.grid.nStates;
    const len = t.trailLength;
    if (this.tablesCost > CAPTURE_MAX_MS || 7 * n > CAPTURE_PER_STEP * Math.max(1, len - 1)) return;
    t.agent.values(c.values);
    t.agent.qValues(c.q);
    c.visits.set(t.visits);
    c.episodeVisits.set(t.episodeVisits);
    const from = Math.max(0, len - c.trail.length);
    c.trail.set(t.trail.subarray(from, len));
    c.trailLength = len - from;
    c.agent = t.state;
    c.steps = t.totalSteps;
    c.episode = t.episode;
  }

  /** Records the capture when it holds episode `e` and the history has nothing from then yet. */
  private recordCapture(e: number): void {
    const c = this.capture;
    if (!c || c.episode !== e || e < 0 || (this.history.last?.episode ?? -1) >= e) return;
    const f = this.frameOf(
      c.values,
      c.q,
      c.visits,
      c.episodeVisits,
      c.trail.subarray(0, c.trailLength),
      c.agent,
    );
    this.history.record(f, { episode: e, steps: c.steps }, []);
    c.episode = -1;
  }

  /**
   * Builds a progress message (its arrays are fresh copies, safe to transfer), numbered (`seq`) so the
   * page keeps the newest. A run that is not running (done, paused, after a step) gets freshly read
   * tables (`fresh`, the default then): the page ends on the run's state at that moment, never on the
   * cached tables of a throttled read (workerLoop.ts sends expensive ones in a message that follows).
   */
  progress(now: number, seq = 0, fresh = !this.running): Progress {
    const t = this.trainer;
    this.measureSpeed(now);
    const frame = this.frame(now, fresh);
    frame.search = this.thinking.searchFrame(now);
    const p = t.agent.planner;
    const planner: PlannerInfo | null = p
      ? { sweeps: p.sweeps, improvements: p.improvements, lastDelta: p.lastDelta, converged: p.converged }
      : null;
    return {
      seq,
      running: this.running,
      done: this.done,
      episode: t.episode,
      target: this.target,
      totalSteps: t.totalSteps,
      stepsPerSecond: this.running ? this.sps : 0,
      epsilon: t.agent.epsilon(),
      loss: t.agent.diagnostics?.().loss ?? null,
      metrics: t.metrics.counters(),
      summary: this.summary(now),
      frame,
      planner,
      history: this.historyIndex(),
      thinking: this.thinking.thinking(),
      greedyReturn: this.greedyReturn,
      passedAt: this.passedAt,
    };
  }

  /** Reading the tables takes long (a neural agent): a stopped run's message then goes first with the
   *  latest tables read and is followed by one with fresh tables (workerLoop.ts). */
  get tablesExpensive(): boolean {
    return this.tablesCost > CHEAP_TABLES_MS;
  }

  /** The next progress message carries the whole history index (the page asked for a refresh). */
  resendHistory(): void {
    this.historySent = -1;
  }

  /** The recorded moments when they changed since the last message, else null. */
  private historyIndex(): HistoryIndex | null {
    const h = this.history;
    if (h.version === this.historySent) return null;
    this.historySent = h.version;
    return { version: h.version, moments: h.moments() };
  }

  private measureSpeed(now: number): void {
    const steps = this.trainer.totalSteps;
    if (this.spsTime < 0 || !this.running) {
      this.spsTime = now;
      this.spsSteps = steps;
      if (!this.running) this.sps = 0;
      return;
    }
    const dt = now - this.spsTime;
    if (dt < 250) return;
    const rate = ((steps - this.spsSteps) * 1000) / dt;
    this.sps = this.sps === 0 ? rate : 0.6 * this.sps + 0.4 * rate;
    this.spsTime = now;
    this.spsSteps = steps;
  }

  /** The metrics summary when it changed: at once when the run is not running, else at most every
   *  summaryInterval(); null otherwise. */
  private summary(now: number): MetricsSummary | null {
    const m = this.trainer.metrics;
    if (m.count === this.summaryEpisodes) return null;
    if (this.running && this.summaryEpisodes >= 0 && now - this.summaryAt < summaryInterval(m.count))
      return null;
    this.summaryEpisodes = m.count;
    this.summaryAt = now;
    return m.summary(++this.summaryVersion);
  }

  /** Value and Q tables: every message for cheap agents; for slow ones at most ~5% of the time
   *  (`force`: now, unless the last read is of the run as it is). */
  private tables(now: number, force = false): { values: Float64Array; q: Float64Array } {
    const cached = this.lastValues && this.lastQ;
    if (
      this.tablesExpensive &&
      cached &&
      (this.tablesCurrent || (!force && now - this.tablesAt < this.tablesCost * 20))
    )
      return { values: this.lastValues!.slice(), q: this.lastQ!.slice() };
    const { values, q } = this.readTables();
    this.tablesAt = now;
    return { values, q };
  }

  /** The steps and planning steps when the tables were last read. */
  private readAt = -1;
  private readAtPlans = -1;

  /** The last tables read are those of the run as it is now (no step or planning step since). */
  get tablesCurrent(): boolean {
    return this.readAt === this.trainer.totalSteps && this.readAtPlans === this.plans();
  }

  /** The agent's value and Q tables, freshly read (and what that took, in tablesCost). */
  private readTables(): { values: Float64Array; q: Float64Array } {
    const n = this.trainer.grid.nStates;
    const start = performance.now();
    const values = new Float64Array(n);
    const q = new Float64Array(n * 4);
    this.trainer.agent.values(values);
    this.trainer.agent.qValues(q);
    this.costs.push(performance.now() - start);
    if (this.costs.length > 3) this.costs.shift();
    this.tablesCost = Math.min(...this.costs);
    if (this.tablesExpensive) {
      // Kept, so the next message of an unchanged run does not read them again.
      this.lastValues = values.slice();
      this.lastQ = q.slice();
      this.readAt = this.trainer.totalSteps;
      this.readAtPlans = this.plans();
      this.tablesAt = start;
    }
    return { values, q };
  }

  private frame(now: number, fresh: boolean): Frame {
    const t = this.trainer;
    const { values, q } = this.tables(now, fresh);
    return this.frameOf(
      values,
      q,
      t.visits.slice(),
      t.episodeVisits.slice(),
      t.trail.slice(0, t.trailLength),
      t.state,
    );
  }

  /** A frame of these learned tables (kept as given, the world's recovered under potential shaping). */
  private frameOf(
    values: Float64Array,
    q: Float64Array,
    visits: Uint32Array,
    episodeVisits: Uint32Array,
    trail: Int32Array,
    agent: number,
  ): Frame {
    const t = this.trainer;
    const policy = new Float64Array(t.grid.nStates * 4);
    const phi = this.phi;
    return {
      nStates: t.grid.nStates,
      values: phi ? unshape(phi, values) : values,
      q: phi ? unshape(phi, q) : q,
      shaped: phi ? { values, q } : null,
      learned: phi && typeof this.qInit === 'number' ? learnedMask(q, this.qInit, t.grid.nStates) : null,
      policy: t.agent.policy?.(policy) ? policy : greedyArrows(q),
      visits,
      episodeVisits,
      trail,
      agent,
    };
  }
}

const clock = () => performance.now();
