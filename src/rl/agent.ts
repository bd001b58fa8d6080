/**
 * What every agent offers the training loop (RL-Glue style: start, step, end) and the views.
 * `start` and `step` return the next action to take; `step` learns from the transition that the
 * previous action produced. A time-limit cut calls `step(r, s2, false)` and then `endEpisode()`.
 */
export interface Agent {
  readonly type: string;
  /** Planning agents compute from the model; their start/step walk the current greedy policy. */
  readonly planner: Planner | null;
  start(s: number): number;
  step(r: number, s2: number, terminal: boolean): number;
  endEpisode(): void;
  /** Greedy action, ties broken by the lowest action index (used for evaluation and arrows). */
  greedy(s: number): number;
  /** Writes Q(s, a) into out[s * 4 + a] for every state. */
  qValues(out: Float64Array): void;
  /** Writes V(s) (max over actions of Q, or the computed value) into out[s]. */
  values(out: Float64Array): void;
  /** Current exploration rate (0 when not applicable). */
  epsilon(): number;
  /** Free resources (tensors); the agent is unusable afterwards. */
  dispose(): void;
}

/** Step-by-step control of a planning agent, so the UI can show sweeps and improvements one at a time. */
export interface Planner {
  /** One evaluation sweep over all states; returns the largest value change. */
  sweep(): number;
  /** One policy-improvement step; returns true when the policy did not change. */
  improve(): boolean;
  /** Runs sweeps and improvements until converged (or the sweep cap). */
  solve(): void;
  readonly sweeps: number;
  readonly improvements: number;
  readonly converged: boolean;
  /** The last sweep's largest change. */
  readonly lastDelta: number;
}
