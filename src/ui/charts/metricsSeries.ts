/** Per-episode training metrics as the charts read them (typed arrays may be longer than count). */
export interface MetricsSeries {
  returns: Float64Array;
  steps: Int32Array;
  success: Uint8Array;
  epsilon: Float32Array;
  count: number;
  /** Increments whenever the data changes; the charts recompute only when it does. */
  version: number;
}
