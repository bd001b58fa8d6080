/**
 * A run's metrics, in one bounded model shared by the trainer (worker, CLI, lab), the page's store, the
 * charts and the CSV export. Whatever the run's length it holds:
 *
 * - exact counters: episodes, environment steps, successes, the first success ("first reward") and the
 *   steps it took, whether any reward came before it;
 * - the last SUCCESS_WINDOW episodes exactly (a ring), for the success rate and the CLI's summary;
 * - the whole run as at most SUMMARY_BUCKETS contiguous buckets of `width` episodes each (the last one
 *   filling), with the sum, min and max of return and steps, the successes and the summed epsilon. While
 *   the run has at most SUMMARY_BUCKETS episodes every bucket is one episode (exact); when the buckets
 *   are full, neighbours are merged pairwise and `width` doubles (a multi-resolution summary: memory is
 *   fixed, ~300 KB, and the extremes of every stretch survive).
 *
 * "First success" is defined here and only here: the 1-based number of the first episode that reached a
 * goal, or null while none has.
 */
import { StateReader, StateWriter, type StateBlock } from './agentState';

export interface EpisodeResult {
  return: number;
  steps: number;
  success: boolean;
}

/** Episodes over which the success rate is taken, everywhere (status, charts, CLI, lab). */
export const SUCCESS_WINDOW = 100;

/** Buckets in the whole-run summary (a power of two). */
export const SUMMARY_BUCKETS = 4096;

/** The exact counters of a run (cheap: sent with every progress message). */
export interface MetricsCounters {
  episodes: number;
  /** Environment steps of the finished episodes. */
  steps: number;
  successes: number;
  /** 1-based episode of the first success, or null while none has succeeded. */
  firstSuccess: number | null;
  /** Environment steps up to and including the first successful episode, or null. */
  stepsToFirstSuccess: number | null;
  /** Some episode before the first success (any, while none) had a positive return: a reward that was
   *  not the goal's (a bonus), so the time before the goal was not signal-free. */
  rewardBeforeGoal: boolean;
  /** Success rate over the last SUCCESS_WINDOW episodes (0..1; 0 before any episode). */
  successRate: number;
}

/**
 * The whole-run summary as plain typed arrays (a structured-clone-safe copy for messages and views).
 * Bucket b covers episodes [b * width, min((b + 1) * width, counters.episodes)) (0-based).
 */
export interface MetricsSummary {
  counters: MetricsCounters;
  /** Episodes per bucket (1: exact, one bucket per episode). */
  width: number;
  /** Buckets in use (the arrays may be longer). */
  buckets: number;
  /** Episodes in each bucket (width, except the last). */
  n: Uint32Array;
  retSum: Float64Array;
  retMin: Float64Array;
  retMax: Float64Array;
  stepSum: Float64Array;
  stepMin: Float64Array;
  stepMax: Float64Array;
  succ: Uint32Array;
  epsSum: Float64Array;
  /** Increments whenever the data changes; views recompute only when it does. */
  version: number;
}

/** Per-bucket arrays, for allocating, copying and merging them in one loop. */
const BUCKET_FIELDS = [
  'n',
  'retSum',
  'retMin',
  'retMax',
  'stepSum',
  'stepMin',
  'stepMax',
  'succ',
  'epsSum',
] as const;

export function emptySummary(version = 0): MetricsSummary {
  return new RunMetrics(0).summary(version);
}

export class RunMetrics {
  private readonly cap: number;
  private width = 1;
  private buckets = 0;
  private readonly n: Uint32Array;
  private readonly retSum: Float64Array;
  private readonly retMin: Float64Array;
  private readonly retMax: Float64Array;
  private readonly stepSum: Float64Array;
  private readonly stepMin: Float64Array;
  private readonly stepMax: Float64Array;
  private readonly succ: Uint32Array;
  private readonly epsSum: Float64Array;

  /** The last SUCCESS_WINDOW episodes; slot (count - 1) % SUCCESS_WINDOW is the newest. */
  private readonly recentReturn = new Float64Array(SUCCESS_WINDOW);
  private readonly recentSteps = new Int32Array(SUCCESS_WINDOW);
  private readonly recentSuccess = new Uint8Array(SUCCESS_WINDOW);
  private recentSuccesses = 0;

  count = 0;
  steps = 0;
  successes = 0;
  firstSuccess: number | null = null;
  stepsToFirstSuccess: number | null = null;
  rewardBeforeGoal = false;

  /** `capacity`: buckets in the summary (a power of two >= 2; 0 for an empty placeholder). */
  constructor(capacity = SUMMARY_BUCKETS) {
    this.cap = capacity;
    this.n = new Uint32Array(capacity);
    this.retSum = new Float64Array(capacity);
    this.retMin = new Float64Array(capacity);
    this.retMax = new Float64Array(capacity);
    this.stepSum = new Float64Array(capacity);
    this.stepMin = new Float64Array(capacity);
    this.stepMax = new Float64Array(capacity);
    this.succ = new Uint32Array(capacity);
    this.epsSum = new Float64Array(capacity);
  }

  push(ret: number, steps: number, success: boolean, epsilon: number): void {
    const i = this.count % SUCCESS_WINDOW;
    if (this.count >= SUCCESS_WINDOW) this.recentSuccesses -= this.recentSuccess[i];
    this.recentReturn[i] = ret;
    this.recentSteps[i] = steps;
    this.recentSuccess[i] = success ? 1 : 0;
    if (success) this.recentSuccesses++;

    this.count++;
    this.steps += steps;
    if (success) {
      this.successes++;
      if (this.firstSuccess === null) {
        this.firstSuccess = this.count;
        this.stepsToFirstSuccess = this.steps;
      }
    } else if (ret > 0 && this.firstSuccess === null) this.rewardBeforeGoal = true;

    if (this.cap === 0) return;
    let b = this.buckets - 1;
    if (b < 0 || this.n[b] >= this.width) {
      if (this.buckets === this.cap) this.mergePairs();
      b = this.buckets++;
      this.n[b] = 0;
      this.retSum[b] = 0;
      this.retMin[b] = Infinity;
      this.retMax[b] = -Infinity;
      this.stepSum[b] = 0;
      this.stepMin[b] = Infinity;
      this.stepMax[b] = -Infinity;
      this.succ[b] = 0;
      this.epsSum[b] = 0;
    }
    this.n[b]++;
    this.retSum[b] += ret;
    if (ret < this.retMin[b]) this.retMin[b] = ret;
    if (ret > this.retMax[b]) this.retMax[b] = ret;
    this.stepSum[b] += steps;
    if (steps < this.stepMin[b]) this.stepMin[b] = steps;
    if (steps > this.stepMax[b]) this.stepMax[b] = steps;
    if (success) this.succ[b]++;
    this.epsSum[b] += epsilon;
  }

  /** Halves the number of buckets: bucket k becomes buckets 2k and 2k+1 together; width doubles. */
  private mergePairs(): void {
    const half = this.buckets >> 1;
    for (let k = 0; k < half; k++) {
      const a = 2 * k;
      const b = a + 1;
      this.n[k] = this.n[a] + this.n[b];
      this.retSum[k] = this.retSum[a] + this.retSum[b];
      this.retMin[k] = Math.min(this.retMin[a], this.retMin[b]);
      this.retMax[k] = Math.max(this.retMax[a], this.retMax[b]);
      this.stepSum[k] = this.stepSum[a] + this.stepSum[b];
      this.stepMin[k] = Math.min(this.stepMin[a], this.stepMin[b]);
      this.stepMax[k] = Math.max(this.stepMax[a], this.stepMax[b]);
      this.succ[k] = this.succ[a] + this.succ[b];
      this.epsSum[k] = this.epsSum[a] + this.epsSum[b];
    }
    this.buckets = half;
    this.width *= 2;
  }

  /** The newest episode (call only after a push). */
  last(): EpisodeResult {
    const i = (this.count - 1) % SUCCESS_WINDOW;
    return { return: this.recentReturn[i], steps: this.recentSteps[i], success: this.recentSuccess[i] === 1 };
  }

  /** The last min(count, SUCCESS_WINDOW) episodes, oldest first. */
  recent(): EpisodeResult[] {
    const k = Math.min(this.count, SUCCESS_WINDOW);
    const out: EpisodeResult[] = [];
    for (let j = this.count - k; j < this.count; j++) {
      const i = j % SUCCESS_WINDOW;
      out.push({
        return: this.recentReturn[i],
        steps: this.recentSteps[i],
        success: this.recentSuccess[i] === 1,
      });
    }
    return out;
  }

  /** Success rate over the last SUCCESS_WINDOW episodes (0 before any). */
  successRate(): number {
    const k = Math.min(this.count, SUCCESS_WINDOW);
    return k > 0 ? this.recentSuccesses / k : 0;
  }

  counters(): MetricsCounters {
    return {
      episodes: this.count,
      steps: this.steps,
      successes: this.successes,
      firstSuccess: this.firstSuccess,
      stepsToFirstSuccess: this.stepsToFirstSuccess,
      rewardBeforeGoal: this.rewardBeforeGoal,
      successRate: this.successRate(),
    };
  }

  /** The whole model as a state block (the buckets in use, the recent ring, the counters): a saved run
   *  opens with its charts and counters as they were, and goes on from there. */
  toJSON(): StateBlock {
    const w = new StateWriter();
    const k = this.buckets;
    w.num('capacity', this.cap)
      .num('width', this.width)
      .num('buckets', k)
      .num('count', this.count)
      .num('steps', this.steps)
      .num('successes', this.successes)
      .num('firstSuccess', this.firstSuccess)
      .num('stepsToFirstSuccess', this.stepsToFirstSuccess)
      .num('rewardBeforeGoal', this.rewardBeforeGoal ? 1 : 0);
    for (const f of BUCKET_FIELDS) w.arr(f, this[f].subarray(0, k));
    w.arr('recentReturn', this.recentReturn)
      .arr('recentSteps', this.recentSteps)
      .arr('recentSuccess', this.recentSuccess);
    return w.block;
  }

  /** A RunMetrics from toJSON()'s block; throws an AgentStateError when it is inconsistent. */
  static fromJSON(block: StateBlock): RunMetrics {
    const r = new StateReader(block, 'the saved run metrics');
    const m = new RunMetrics(r.num('capacity', { min: 0, max: SUMMARY_BUCKETS, int: true }));
    m.restore(block);
    return m;
  }

  /** Replaces this model's contents with toJSON()'s block (same capacity); throws an AgentStateError
   *  and changes nothing when the block is inconsistent. */
  restore(block: StateBlock): void {
    const r = new StateReader(block, 'the saved run metrics');
    const cap = r.num('capacity', { int: true });
    if (cap !== this.cap) r.fail('capacity', `must be ${this.cap}`);
    const width = r.num('width', { min: 1, max: 2 ** 40, int: true });
    if (!Number.isInteger(Math.log2(width))) r.fail('width', 'must be a power of two');
    const k = r.num('buckets', { min: 0, max: cap, int: true });
    const count = r.num('count', { min: 0, int: true });
    const steps = r.num('steps', { min: 0, int: true });
    const successes = r.num('successes', { min: 0, max: count, int: true });
    const first = r.num('firstSuccess', { min: 1, max: Math.max(1, count), int: true, nullable: true });
    const toFirst = r.num('stepsToFirstSuccess', { min: 0, max: steps, int: true, nullable: true });
    const before = r.num('rewardBeforeGoal', { min: 0, max: 1, int: true }) === 1;
    if ((first === null) !== (successes === 0)) r.fail('firstSuccess', 'does not agree with successes');
    const n = r.read('n', this.n, k);
    let total = 0;
    for (let b = 0; b < k; b++) {
      if (n[b] < 1 || n[b] > width || (b < k - 1 && n[b] !== width))
        r.fail('n', `has ${n[b]} episodes in bucket ${b} of width ${width}`);
      total += n[b];
    }
    if (cap > 0 && total !== count) r.fail('n', `counts ${total} episodes, the run has ${count}`);
    for (const f of BUCKET_FIELDS) r.prefixInto(f, this[f], k);
    const rs = r.read('recentSuccess', this.recentSuccess);
    let recent = 0;
    const window = Math.min(count, SUCCESS_WINDOW);
    for (let j = count - window; j < count; j++) recent += rs[j % SUCCESS_WINDOW] === 1 ? 1 : 0;
    r.into('recentReturn', this.recentReturn)
      .into('recentSteps', this.recentSteps)
      .into('recentSuccess', this.recentSuccess)
      .then(() => {
        this.width = width;
        this.buckets = k;
        this.count = count;
        this.steps = steps;
        this.successes = successes;
        this.firstSuccess = first;
        this.stepsToFirstSuccess = toFirst;
        this.rewardBeforeGoal = before;
        this.recentSuccesses = recent;
      })
      .apply();
  }

  /** A copy of the summary (only the buckets in use), safe to transfer or keep. */
  summary(version: number): MetricsSummary {
    const k = this.buckets;
    const out = { counters: this.counters(), width: this.width, buckets: k, version } as MetricsSummary;
    for (const f of BUCKET_FIELDS) (out as unknown as Record<string, unknown>)[f] = this[f].slice(0, k);
    return out;
  }
}

/** The typed arrays of a summary, for postMessage's transfer list. */
export function summaryBuffers(s: MetricsSummary): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const f of BUCKET_FIELDS) {
    const b = s[f].buffer;
    if (b instanceof ArrayBuffer) out.push(b);
  }
  return out;
}
