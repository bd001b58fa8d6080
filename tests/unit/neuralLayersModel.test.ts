// @vitest-environment node
/**
 * The LayersModel export (src/rl/neural/layersModel.ts) read back by tfjs-layers: model.json parsed
 * from its text and the weights from their bytes, through tf.loadLayersModel, must give the app's own
 * numbers for every cell an agent can act in: DQN's Q-values, and for actor-critic and REINFORCE the
 * logits whose softmax is the app's pi(a | s), to 1e-5; and on every cell (walls and goals too, where
 * the views hold 0) the outputs of the app's own network on the saved weights.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../../src/config/schema';
import { compileGrid, isActive, N_ACTIONS } from '../../src/rl/grid';
import { exportLayersModel } from '../../src/rl/neural/layersModel';
import { unpackArray } from '../../src/config/packedArray';
import { Mlp } from '../../src/rl/neural/mlp';
import { CellInputs, createEncoder } from '../../src/rl/neural/observations';
import { setupBackend } from '../../src/rl/neural/tfSetup';
import { createTrainer } from '../../src/rl/trainer';

const TOLERANCE = 1e-5;

function config(agent: Record<string, unknown>): Config {
  const r = parseConfig({
    version: 2,
    env: { grid: ['S..#.', '.X...', '..#.G', '.....'], maxSteps: 40 },
    agent,
    train: { episodes: 30, seed: 5 },
  });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.config;
}

/** The exported files as they are written, then loaded as tf.loadLayersModel loads files. */
async function load(files: { modelJson: unknown; weightData: ArrayBuffer }): Promise<tf.LayersModel> {
  const json = JSON.parse(JSON.stringify(files.modelJson)) as tf.io.ModelJSON;
  const bytes = files.weightData.slice(0);
  const handler: tf.io.IOHandler = {
    load: () => tf.io.getModelArtifactsForJSON(json, async (manifest) => [manifest[0].weights, bytes]),
  };
  return tf.loadLayersModel(handler);
}

/** The model's outputs for the dense observation of every cell, [cells, 4]. */
function predictAll(model: tf.LayersModel, cfg: Config): Float32Array {
  const grid = compileGrid(cfg.env);
  const enc = createEncoder((cfg.agent as { observation: 'one-hot' }).observation, grid);
  const xs = new Float32Array(grid.nStates * enc.size);
  for (let s = 0; s < grid.nStates; s++) enc.encode(s, xs, s * enc.size);
  return tf.tidy(() =>
    (model.predict(tf.tensor2d(xs, [grid.nStates, enc.size])) as tf.Tensor).dataSync(),
  ) as Float32Array;
}

const CASES: [string, Record<string, unknown>][] = [
  ['dqn', { type: 'dqn', hidden: [16, 8], learningStarts: 20, batchSize: 8 }],
  ['dqn, one hidden layer, (x, y)', { type: 'dqn', hidden: [12], observation: 'xy', learningStarts: 20 }],
  ['actor-critic, local view', { type: 'actor-critic', hidden: [16, 16], observation: 'local-view' }],
  ['reinforce', { type: 'reinforce', hidden: [8] }],
];

describe('a trained network exported as a tfjs LayersModel', () => {
  beforeAll(async () => {
    await setupBackend('wasm');
  });

  it.each(CASES)('%s: tf.loadLayersModel gives the app its numbers for every cell', async (_, agent) => {
    const cfg = config(agent);
    const t = await createTrainer(cfg);
    t.train();
    const state = t.exportState();
    const files = exportLayersModel(cfg, state.agent);
    if (!files.ok) throw new Error(files.error);
    expect(files.modelJson.weightsManifest[0].paths).toEqual(['weights.bin']);
    const model = await load(files);
    const layers = model.layers.map((l) => (l.getConfig() as { activation: string }).activation);
    expect(layers).toEqual([...(agent.hidden as number[]).map(() => 'relu'), 'linear']);
    const out = predictAll(model, cfg);
    const grid = compileGrid(cfg.env);
    const app = new Float64Array(grid.nStates * N_ACTIONS);
    t.agent.qValues(app);
    let worst = 0;
    let cells = 0;
    for (let s = 0; s < grid.nStates; s++) {
      if (!isActive(grid, s)) continue;
      cells++;
      const row = Array.from(out.subarray(s * N_ACTIONS, (s + 1) * N_ACTIONS));
      // DQN's views hold Q; a policy agent's hold softmax(logits).
      let want = row;
      if (agent.type !== 'dqn') {
        const m = Math.max(...row);
        const z = row.reduce((a, x) => a + Math.exp(x - m), 0);
        want = row.map((x) => Math.exp(x - m) / z);
      }
      for (let a = 0; a < N_ACTIONS; a++) worst = Math.max(worst, Math.abs(want[a] - app[s * N_ACTIONS + a]));
    }
    expect(cells).toBeGreaterThan(10);
    expect(worst).toBeLessThan(TOLERANCE);
    // Every cell, walls and goals included: the app's own network (Mlp.forward on the saved weights).
    const net = new Mlp(
      [
        files.modelJson.modelTopology.config.layers[0].config.batch_input_shape![1],
        ...(agent.hidden as number[]),
        N_ACTIONS,
      ],
      null,
    );
    const packed = unpackArray(state.agent.arrays[agent.type === 'dqn' ? 'net' : 'actor']);
    if (!packed.ok) throw new Error(packed.error);
    net.params.set(packed.array);
    const inputs = new CellInputs(
      createEncoder((cfg.agent as { observation: 'one-hot' }).observation, grid),
      grid.nStates,
    );
    let worstAll = 0;
    for (let s = 0; s < grid.nStates; s++) {
      const q = net.forward(inputs, s);
      for (let a = 0; a < N_ACTIONS; a++)
        worstAll = Math.max(worstAll, Math.abs(q[a] - out[s * N_ACTIONS + a]));
    }
    expect(worstAll).toBeLessThan(TOLERANCE);
    // Trained: the exported network is not the initial one (its outputs differ between cells).
    expect(new Set(Array.from(out.subarray(0, 8 * N_ACTIONS), (x) => x.toFixed(4))).size).toBeGreaterThan(4);
    model.dispose();
  });

  it('refuses what it cannot export, with a message', async () => {
    const tabular = config({ type: 'q-learning' });
    const t = await createTrainer(tabular);
    const r = exportLayersModel(tabular, t.exportState().agent);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/q-learning agent has no neural network/) });
    const dqn = config({ type: 'dqn', hidden: [16] });
    const d = await createTrainer(dqn);
    const state = d.exportState().agent;
    const wider = config({ type: 'dqn', hidden: [32] });
    expect(exportLayersModel(wider, state)).toEqual({
      ok: false,
      error: expect.stringMatching(/do not fit a 20 x 32 x 4 network/),
    });
    expect(exportLayersModel(config({ type: 'reinforce' }), state)).toEqual({
      ok: false,
      error: "the saved agent is dqn, the config's is reinforce",
    });
  });
});
