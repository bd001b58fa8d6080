/**
 * Initial weights drawn from our seeded Rng (not tfjs's own random ops), so the same seed gives the same
 * network on every backend and in every environment.
 */
import type { Rng } from '../rng';

/** Glorot / Xavier uniform: U(-l, l), l = scale * sqrt(6 / (fanIn + fanOut)); row-major [fanIn, fanOut]. */
export function glorotUniform(rng: Rng, fanIn: number, fanOut: number, scale = 1): Float32Array {
  const limit = scale * Math.sqrt(6 / (fanIn + fanOut));
  const w = new Float32Array(fanIn * fanOut);
  for (let i = 0; i < w.length; i++) w[i] = (2 * rng.next() - 1) * limit;
  return w;
}
