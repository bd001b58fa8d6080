/**
 * The agents' losses as per-sample scalars in plain JS: each takes a batch's network outputs (read back
 * from MlpPass.forward), returns the loss and writes d loss / d outputs for MlpPass.backward. Each is
 * the exact gradient of the tfjs expression named in its comment (tests/unit/neuralGradients.test.ts
 * checks them against the gradient tape). The loss is returned rounded to float32, the precision of the
 * weights and of tfjs, so a loss too large for float32 reads as Infinity (a divergence) as it did in tfjs.
 */

/**
 * DQN's Huber loss (delta 1) of the chosen actions' Q against fixed targets, averaged over the batch:
 *   mean_k huber(q[k, a_k] - y_k),  huber(d) = 0.5 d^2 for |d| <= 1, |d| - 0.5 beyond;
 * its gradient is clip(d, -1, 1) / b at each chosen action, 0 elsewhere. q is [>= b, nOut].
 */
export function huberTd(
  q: Float32Array,
  nOut: number,
  actions: ArrayLike<number>,
  targets: ArrayLike<number>,
  b: number,
  dq: Float32Array,
): number {
  dq.fill(0, 0, b * nOut);
  let loss = 0;
  for (let k = 0; k < b; k++) {
    const i = k * nOut + actions[k];
    const d = q[i] - targets[k];
    const a = Math.abs(d);
    loss += a <= 1 ? 0.5 * d * d : a - 0.5;
    dq[i] = (a <= 1 ? d : Math.sign(d)) / b;
  }
  return Math.fround(loss / b);
}

/**
 * The policy-gradient loss of actor-critic and REINFORCE, over a batch of (s_k, a_k, G_k):
 *   -mean_k(log pi(a_k | s_k) A_k + entropy H(pi(. | s_k))) + valueCoef mean_k (G_k - V(s_k))^2
 * with pi = softmax(logits), A_k = G_k - V(s_k) treated as a constant (no gradient into V through it)
 * and V = 0 and no value term without a critic (values null). Writes d loss / d logits ([b, nOut]) and
 * d loss / d V ([b], when there is a critic).
 */
export function policyGradient(
  logits: Float32Array,
  nOut: number,
  values: Float32Array | null,
  actions: ArrayLike<number>,
  returns: ArrayLike<number>,
  b: number,
  entropy: number,
  valueCoef: number,
  dLogits: Float32Array,
  dValues: Float32Array | null,
): number {
  let loss = 0;
  for (let k = 0; k < b; k++) {
    const o = k * nOut;
    let m = -Infinity;
    for (let j = 0; j < nOut; j++) if (logits[o + j] > m) m = logits[o + j];
    let z = 0;
    for (let j = 0; j < nOut; j++) z += Math.exp(logits[o + j] - m);
    const logZ = m + Math.log(z);
    let h = 0;
    for (let j = 0; j < nOut; j++) {
      const logp = logits[o + j] - logZ;
      h -= Math.exp(logp) * logp;
    }
    const v = values ? values[k] : 0;
    const adv = returns[k] - v;
    const a = actions[k];
    loss -= (logits[o + a] - logZ) * adv + entropy * h;
    for (let j = 0; j < nOut; j++) {
      const logp = logits[o + j] - logZ;
      const p = Math.exp(logp);
      dLogits[o + j] = (-((j === a ? 1 : 0) - p) * adv + entropy * p * (logp + h)) / b;
    }
    if (values && dValues) {
      loss += valueCoef * adv * adv;
      dValues[k] = (-2 * valueCoef * adv) / b;
    }
  }
  return Math.fround(loss / b);
}

/** Mean squared error mean_{k,j} (out[k, j] - target[k, j])^2 over [b, n], and its gradient. */
export function meanSquaredError(
  out: Float32Array,
  target: Float32Array,
  count: number,
  dOut: Float32Array,
): number {
  let loss = 0;
  for (let i = 0; i < count; i++) {
    const d = out[i] - target[i];
    loss += d * d;
    dOut[i] = (2 * d) / count;
  }
  return Math.fround(loss / count);
}
