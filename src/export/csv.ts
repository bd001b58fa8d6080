/** Run data as CSV: one row per episode, from a MetricsLog-like set of typed arrays. */

export interface MetricsLike {
  returns: ArrayLike<number>;
  steps: ArrayLike<number>;
  success: ArrayLike<number>;
  epsilon: ArrayLike<number>;
  count: number;
}

export const CSV_HEADER = 'episode,return,steps,success,epsilon';

/** Shortest text that reads back as the same float32 (epsilon is stored as float32). */
function float32Text(x: number): string {
  for (let digits = 1; digits <= 9; digits++) {
    const t = Number(x.toPrecision(digits));
    if (Math.fround(t) === x) return String(t);
  }
  return String(x);
}

export function metricsToCsv(m: MetricsLike): string {
  const n = Math.max(
    0,
    Math.min(m.count, m.returns.length, m.steps.length, m.success.length, m.epsilon.length),
  );
  const lines = new Array<string>(n + 1);
  lines[0] = CSV_HEADER;
  for (let i = 0; i < n; i++)
    lines[i + 1] =
      `${i + 1},${m.returns[i]},${m.steps[i]},${m.success[i] ? 1 : 0},${float32Text(m.epsilon[i])}`;
  return lines.join('\n') + '\n';
}
