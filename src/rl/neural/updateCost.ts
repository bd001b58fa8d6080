/**
 * What one synchronous learning call of a neural agent costs, in multiply-adds, and the refusal of
 * networks whose single update would freeze the worker for seconds. A tfjs kernel cannot be interrupted:
 * while one update runs, the worker cannot pause, answer the page or report progress. The first layer
 * costs only its nonzero inputs (mlpPass.ts computes it from each cell's nonzero inputs: one for
 * one-hot). Measured on wasm here (Node, shared 2-core machine): hidden 4 x 512, batch 1024 on a
 * 50 x 50 one-hot world, 4.0 billion multiply-adds, 0.27 s; 2 x 256, batch 256, 85 million, 16 ms. So
 * at least ~5 billion a second for big networks; the limit keeps one call under about a second.
 */
import type { NeuralConfig } from '../../config/neuralAgents';
import type { Grid } from '../grid';
import { CellInputs, createEncoder } from './observations';

/** The most nonzero inputs any cell's observation has (the first layer's real cost per sample). */
function maxNonzeroInputs(cfg: NeuralConfig, grid: Grid): number {
  const inputs = new CellInputs(createEncoder(cfg.observation, grid), grid.nStates);
  let most = 1;
  for (let s = 0; s < grid.nStates; s++) most = Math.max(most, inputs.indices(s).length);
  return most;
}

/** Multiply-adds a second of a big update on wasm (the slower of the measurements above). */
const MACS_PER_SECOND = 5e9;

/** Largest accepted cost of one learning call (multiply-adds): about a second. */
export const MAX_UPDATE_MACS = 5e9;

/** Multiply-adds of one forward pass of an MLP with these layer sizes (`inputs`: the nonzero ones). */
export function forwardMacs(inputs: number, hidden: readonly number[], outputs: number): number {
  let macs = 0;
  let prev = inputs;
  for (const h of [...hidden, outputs]) {
    macs += prev * h;
    prev = h;
  }
  return macs;
}

export interface UpdateCost {
  /** Samples in one learning call, and what sets that number. */
  samples: number;
  samplesFrom: string;
  perSample: number;
  macs: number;
}

/** The cost of the largest single learning call: backward ~2x forward; DQN also evaluates its target
 *  network (and the online one again for double DQN) on the next states. */
export function updateCost(cfg: NeuralConfig, grid: Grid): UpdateCost {
  const inputs = maxNonzeroInputs(cfg, grid);
  const fwd = forwardMacs(inputs, cfg.hidden, cfg.type === 'dqn' ? 4 : 5);
  if (cfg.type === 'dqn') {
    const perSample = fwd * (3 + (cfg.doubleDqn ? 2 : 1));
    return { samples: cfg.batchSize, samplesFrom: 'batch size', perSample, macs: perSample * cfg.batchSize };
  }
  const [samples, samplesFrom] =
    cfg.type === 'actor-critic'
      ? [cfg.nSteps, 'n-step rollout']
      : [grid.maxSteps, 'longest episode (max steps)'];
  return { samples, samplesFrom, perSample: fwd * 3, macs: fwd * 3 * samples };
}

/**
 * Multiply-adds of the longest synchronous call a run of this network makes, whatever it is: one update,
 * reading the value / Q tables (one forward pass per cell) or a greedy check episode (one per step, up
 * to max steps). The worker cannot answer the page's heartbeat during it.
 */
export function longestCallMacs(cfg: NeuralConfig, grid: Grid): number {
  const fwd = forwardMacs(maxNonzeroInputs(cfg, grid), cfg.hidden, cfg.type === 'dqn' ? 4 : 5);
  return Math.max(updateCost(cfg, grid).macs, grid.nStates * fwd, grid.maxSteps * fwd);
}

/** A slow machine's rate (multiply-adds a second), 25x below the idle one: on a shared 2-core machine
 *  with six other jobs the largest DQN's update (4.0e9) took 1.6 s (p90 2.1 s) in one measurement and
 *  6.7 s in another, its 2,500-cell tables (5.2e9, one forward pass per cell) 6.3 s and 35 s. */
const SLOW_MACS_PER_SECOND = 2e8;

/** How long (ms) the page should allow this network's longest call on a slow machine. */
export function longestCallMs(cfg: NeuralConfig, grid: Grid): number {
  return (longestCallMacs(cfg, grid) / SLOW_MACS_PER_SECOND) * 1000;
}

const fmt = (x: number) =>
  x >= 1e9
    ? `${(x / 1e9).toFixed(1)} billion`
    : x >= 1e6
      ? `${(x / 1e6).toFixed(0)} million`
      : `${Math.round(x)}`;

/** Null when the network is small enough; otherwise a message saying why it is refused and what to change. */
export function updateTooLarge(cfg: NeuralConfig, grid: Grid): string | null {
  const c = updateCost(cfg, grid);
  if (c.macs <= MAX_UPDATE_MACS) return null;
  const seconds = c.macs / MACS_PER_SECOND;
  return (
    `This network is too big to train responsively: one update would take about ${fmt(c.macs)} ` +
    `multiply-adds (${c.samplesFrom} ${c.samples} x ${fmt(c.perSample)} per sample), roughly ` +
    `${seconds.toFixed(seconds < 10 ? 1 : 0)} s during which training cannot pause. Use fewer or ` +
    `narrower hidden layers, a smaller ${c.samplesFrom}, or the (x, y) or local-view observation ` +
    `(the limit is ${fmt(MAX_UPDATE_MACS)}).`
  );
}
