/** Per-episode metrics kept in growable typed arrays (a million episodes cost ~21 MB, not a million objects). */
export interface EpisodeResult {
  return: number;
  steps: number;
  success: boolean;
}

/** Per-episode metrics as the charts read them (typed arrays may be longer than count). */
export interface MetricsSeries {
  returns: Float64Array;
  steps: Int32Array;
  success: Uint8Array;
  epsilon: Float32Array;
  count: number;
  /** Increments whenever the data changes; the charts recompute only when it does. */
  version: number;
}

export class MetricsLog {
  returns = new Float64Array(1024);
  steps = new Int32Array(1024);
  success = new Uint8Array(1024);
  epsilon = new Float32Array(1024);
  count = 0;

  push(ret: number, steps: number, success: boolean, epsilon: number): void {
    if (this.count === this.returns.length) this.grow();
    const i = this.count++;
    this.returns[i] = ret;
    this.steps[i] = steps;
    this.success[i] = success ? 1 : 0;
    this.epsilon[i] = epsilon;
  }

  get(i: number): EpisodeResult {
    return { return: this.returns[i], steps: this.steps[i], success: this.success[i] === 1 };
  }

  /** Index of the first successful episode, or -1. */
  firstSuccess(): number {
    for (let i = 0; i < this.count; i++) if (this.success[i]) return i;
    return -1;
  }

  /** Success rate over the last `window` episodes. */
  successRate(window: number): number {
    const from = Math.max(0, this.count - window);
    let n = 0;
    for (let i = from; i < this.count; i++) n += this.success[i];
    return this.count > from ? n / (this.count - from) : 0;
  }

  private grow(): void {
    const n = this.returns.length * 2;
    const r = new Float64Array(n);
    r.set(this.returns);
    const s = new Int32Array(n);
    s.set(this.steps);
    const u = new Uint8Array(n);
    u.set(this.success);
    const e = new Float32Array(n);
    e.set(this.epsilon);
    this.returns = r;
    this.steps = s;
    this.success = u;
    this.epsilon = e;
  }
}
