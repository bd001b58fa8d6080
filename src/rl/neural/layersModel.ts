/**
 * A trained network as a TensorFlow.js LayersModel: the `model.json` + weights file pair that
 * `tf.loadLayersModel` reads (tfjs-layers' "layers-model" format), made from a trained run's agent
 * state, in plain TS (no tfjs needed to write it).
 *
 * What is exported:
 * - DQN: the online Q-network (not the target copy). Its outputs are Q(s, a) for the 4 actions.
 * - Actor-critic and REINFORCE: the policy network. Its outputs are the logits; softmax of them is
 *   pi(a | s), what the app's arrows show. The critic / baseline is not exported.
 * The model is a Sequential of Dense layers, ReLU on the hidden ones and linear on the output, as
 * Mlp computes it (mlp.ts); each layer's weights are its kernel [in, out] (row-major, as tfjs reads
 * it) and its bias [out], in layer order, which is exactly how Mlp lays out `params`. Its input is
 * the dense observation of a cell (observations.ts: one-hot, (x, y) or local view, as configured),
 * [batch, inputs]; the actions are in ACTION_NAMES order (up, right, down, left). The model.json's
 * userDefinedMetadata says all this for whoever loads the files.
 */
import type { Config } from '../../config/schema';
import { unpackArray, type AgentState } from '../../config/packedArray';
import { ACTION_NAMES, compileGrid, N_ACTIONS } from '../grid';
import { createEncoder } from './observations';

/** What model.json holds (the subset of tfjs's ModelJSON this writes). */
export interface LayersModelJson {
  format: 'layers-model';
  generatedBy: string;
  convertedBy: null;
  modelTopology: {
    class_name: 'Sequential';
    config: { name: string; layers: DenseLayerJson[] };
    keras_version: string;
    backend: string;
  };
  weightsManifest: { paths: string[]; weights: { name: string; shape: number[]; dtype: 'float32' }[] }[];
  userDefinedMetadata: Record<string, unknown>;
}

interface DenseLayerJson {
  class_name: 'Dense';
  config: {
    name: string;
    units: number;
    activation: 'relu' | 'linear';
    use_bias: true;
    trainable: true;
    dtype: 'float32';
    batch_input_shape?: [null, number];
  };
}

export interface LayersModelFiles {
  modelJson: LayersModelJson;
  /** The weights file's bytes (float32, little-endian), named in modelJson's weightsManifest. */
  weightData: ArrayBuffer;
}

export type LayersModelResult = ({ ok: true } & LayersModelFiles) | { ok: false; error: string };

/** The default name of the weights file next to model.json. */
export const WEIGHTS_FILE = 'weights.bin';

/**
 * The network of a trained neural agent (DQN's Q-network, a policy agent's logits) as LayersModel
 * files. `agent` is the agent's state of a run trained with `config` (Agent.exportState, or a
 * trained-agent file's state.agent); `weightsFile` is the name model.json gives the weights. Never
 * throws: a non-neural agent or a state that does not fit the config is an error message.
 */
export function exportLayersModel(
  config: Config,
  agent: AgentState,
  weightsFile = WEIGHTS_FILE,
): LayersModelResult {
  const cfg = config.agent;
  if (cfg.type !== 'dqn' && cfg.type !== 'actor-critic' && cfg.type !== 'reinforce')
    return {
      ok: false,
      error: `a ${cfg.type} agent has no neural network to export (only DQN, actor-critic and REINFORCE do)`,
    };
  if (agent.type !== cfg.type)
    return { ok: false, error: `the saved agent is ${agent.type}, the config's is ${cfg.type}` };
  const dqn = cfg.type === 'dqn';
  const key = dqn ? 'net' : 'actor';
  const packed = agent.arrays[key];
  if (!packed) return { ok: false, error: `the saved agent has no '${key}' weights` };
  const unpacked = unpackArray(packed);
  if (!unpacked.ok) return { ok: false, error: `the saved '${key}' weights ${unpacked.error}` };
  const grid = compileGrid(config.env);
  const observation = createEncoder(cfg.observation, grid);
  const sizes = [observation.size, ...cfg.hidden, N_ACTIONS];
  let expected = 0;
  for (let l = 0; l + 1 < sizes.length; l++) expected += (sizes[l] + 1) * sizes[l + 1];
  const params = unpacked.array;
  if (!(params instanceof Float32Array) || params.length !== expected)
    return {
      ok: false,
      error: `the saved '${key}' weights (${params.length} numbers) do not fit a ${sizes.join(' x ')} network (${expected} float32 numbers)`,
    };

  const output = dqn ? 'q_values' : 'logits';
  const layers: DenseLayerJson[] = [];
  const weights: LayersModelJson['weightsManifest'][number]['weights'] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const last = l + 2 === sizes.length;
    const name = last ? output : `hidden_${l + 1}`;
    layers.push({
      class_name: 'Dense',
      config: {
        name,
        units: sizes[l + 1],
        activation: last ? 'linear' : 'relu',
        use_bias: true,
        trainable: true,
        dtype: 'float32',
        ...(l === 0 ? { batch_input_shape: [null, sizes[0]] as [null, number] } : {}),
      },
    });
    weights.push(
      { name: `${name}/kernel`, shape: [sizes[l], sizes[l + 1]], dtype: 'float32' },
      { name: `${name}/bias`, shape: [sizes[l + 1]], dtype: 'float32' },
    );
  }
  const modelJson: LayersModelJson = {
    format: 'layers-model',
    generatedBy: 'Gridworld RL Playground',
    convertedBy: null,
    modelTopology: {
      class_name: 'Sequential',
      config: { name: dqn ? 'dqn_q_network' : `${cfg.type.replace('-', '_')}_policy`, layers },
      keras_version: 'tfjs-layers 4.22.0',
      backend: 'tensor_flow.js',
    },
    weightsManifest: [{ paths: [weightsFile], weights }],
    userDefinedMetadata: {
      agent: cfg.type,
      outputs: dqn ? 'Q-values, one per action' : 'policy logits, one per action (softmax: pi(a | s))',
      actions: [...ACTION_NAMES],
      observation: cfg.observation,
      inputs: observation.size,
      grid: config.env.grid,
    },
  };
  // Mlp's params are [W0, b0, W1, b1, ...], each W row-major [in, out]: the manifest's order.
  const weightData = params.slice().buffer;
  return { ok: true, modelJson, weightData };
}
