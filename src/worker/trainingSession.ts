/**
 * One training run as the worker drives it: a Trainer plus the episode target, time-boxed stepping,
 * the planner's single steps, and the progress message (new episodes' metrics since the last message,
 * value / Q / policy tables, visits, the current trail). Pure TypeScript: no worker or DOM API, so it is
 * unit-testable in Node.
 */
import type { Trainer } from '../rl/trainer';
import type { MetricsSummary } from '../rl/metrics';
import {
  summaryInterval,
  type Frame,
  type PlanOp,
  type PlannerInfo,
  type Progress,
  type RunInfo,
} from './protocol';
import { potentials, unshape } from '../rl/shaping';

/** Steps between two looks at the clock while running time-boxed: adapts to the agent's speed
 *  (a tabular step takes ~50 ns, a neural one can take milliseconds). */
const MIN_CHUNK = 1;
const MAX_CHUNK = 1024;

/**
 * The greedy policy to draw for a learning agent: tied best moves share the probability, and a cell
 * where all four moves are still equal gets no arrow (so arrows appear as the agent forms preferences,
 * instead of a four-way arrow in every cell of an untrained table).
 */
export function greedyArrows(q: Float64Array): Float64Array {
  const n = q.length >> 2;
  const out = new Float64Array(q.length);
  for (let s = 0; s < n; s++) {
    const b = s * 4;
    const best = Math.max(q[b], q[b + 1], q[b + 2], q[b + 3]);
    if (!Number.isFinite(best)) continue;
    const tol = 1e-9 * Math.max(1, Math.abs(best));
    let ties = 0;
    for (let a = 0; a < 4; a++) if (q[b + a] >= best - tol) ties++;
    if (ties === 4) continue;
    for (let a = 0; a < 4; a++) if (q[b + a] >= best - tol) out[b + a] = 1 / ties;
  }
  return out;
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
  /** Last time the value / Q tables were computed, and how long it took (neural agents are slow). */
  private tablesAt = -Infinity;
  private tablesCost = 0;
  private lastValues: Float64Array | null = null;
  private lastQ: Float64Array | null = null;
  private chunk = 16;
  /** phi when the agent learns with potential shaping (planners plan on the world itself): frames
   *  then show the world's values, recovered exactly (src/rl/shaping.ts unshape). */
  private readonly phi: Float64Array | null;

  constructor(readonly trainer: Trainer) {
    this.target = trainer.config.train.episodes;
    const train = trainer.config.train;
    this.phi =
      train.shaping === 'potential' && trainer.agent.planner === null
        ? potentials(trainer.grid, train.shapingScale)
        : null;
  }

  get info(): RunInfo {
    return {
      agentType: this.trainer.agent.type,
      isPlanner: this.trainer.agent.planner !== null,
      nStates: this.trainer.grid.nStates,
      backend: this.trainer.agent.diagnostics?.().backend ?? null,
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
      for (let i = 0; i < chunk; i++) {
        n++;
        if (t.step() && t.episode >= this.target) {
          this.running = false;
          return n;
        }
      }
      const after = now();
      const took = after - before;
      before = after;
      if (took < 0.5 && this.chunk < MAX_CHUNK) this.chunk *= 2;
      else if (took > 2 && this.chunk > MIN_CHUNK) this.chunk >>= 1;
      if (after >= deadline) break;
    }
    return n;
  }

  stepOnce(): void {
    this.running = false;
    this.trainer.step();
  }

  runEpisode(): void {
    this.running = false;
    this.trainer.runEpisode();
  }

  /** Planning agents: one sweep, one improvement, or solve. Returns false when the agent does not plan. */
  plan(op: PlanOp): boolean {
    const p = this.trainer.agent.planner;
    if (!p) return false;
    if (op === 'sweep') p.sweep();
    else if (op === 'improve') p.improve();
    else p.solve();
    this.tablesAt = -Infinity;
    return true;
  }

  /** Builds a progress message (its arrays are fresh copies, safe to transfer). */
  progress(now: number): Progress {
    const t = this.trainer;
    this.measureSpeed(now);
    const frame = this.frame(now);
    const p = t.agent.planner;
    const planner: PlannerInfo | null = p
      ? { sweeps: p.sweeps, improvements: p.improvements, lastDelta: p.lastDelta, converged: p.converged }
      : null;
    return {
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
    };
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

  /** Value and Q tables: every message for cheap agents; for slow ones at most ~5% of the time. */
  private tables(now: number): { values: Float64Array; q: Float64Array } {
    const n = this.trainer.grid.nStates;
    const due = now - this.tablesAt >= this.tablesCost * 20;
    if (!due && this.lastValues && this.lastQ)
      return { values: this.lastValues.slice(), q: this.lastQ.slice() };
    const start = performance.now();
    const values = new Float64Array(n);
    const q = new Float64Array(n * 4);
    this.trainer.agent.values(values);
    this.trainer.agent.qValues(q);
    this.tablesCost = performance.now() - start;
    this.tablesAt = now;
    this.lastValues = values.slice();
    this.lastQ = q.slice();
    return { values, q };
  }

  private frame(now: number): Frame {
    const t = this.trainer;
    const { values, q } = this.tables(now);
    const policy = new Float64Array(t.grid.nStates * 4);
    const phi = this.phi;
    return {
      nStates: t.grid.nStates,
      values: phi ? unshape(phi, values) : values,
      q: phi ? unshape(phi, q) : q,
      shaped: phi ? { values, q } : null,
      policy: t.agent.policy?.(policy) ? policy : greedyArrows(q),
      visits: t.visits.slice(),
      episodeVisits: t.episodeVisits.slice(),
      trail: t.trail.slice(0, t.trailLength),
      agent: t.state,
    };
  }
}
