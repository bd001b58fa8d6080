/**
 * The Share menu's "Export as TensorFlow.js model": the trained run's network (src/rl/neural/
 * layersModel.ts says which one) downloaded as a LayersModel, `<name>.json` and `<name>.weights.bin`,
 * the json naming the bin, so that tf.loadLayersModel('<url of name>.json') loads them from one folder.
 * The writer is loaded on first use (it is not part of the first page load).
 */
import { isNeuralType } from '../config/neuralTypes';
import type { TrainedState } from '../config/packedArray';
import type { Config } from '../config/schema';
import { downloadBlob } from './download';
import { exportFileName } from './fileNames';

/** Whether the config's agent has a network to export (DQN, actor-critic, REINFORCE). */
export function canExportTfjs(config: Config): boolean {
  return isNeuralType(config.agent.type);
}

/** Downloads the model; `getState` asks the worker for the trained run. Never rejects. */
export async function exportTfjsModel(
  config: Config,
  getState: () => Promise<TrainedState>,
): Promise<{ kind: 'info' | 'error'; text: string }> {
  const refused = (why: string) => ({
    kind: 'error' as const,
    text: `Exporting the TensorFlow.js model failed: ${why}`,
  });
  try {
    const [{ exportLayersModel }, state] = await Promise.all([
      import('../rl/neural/layersModel'),
      getState(),
    ]);
    const base = exportFileName(config, 'json', 'tfjs').slice(0, -'.json'.length);
    const weightsFile = `${base}.weights.bin`;
    const files = exportLayersModel(config, state.agent, weightsFile);
    if (!files.ok) return refused(files.error);
    downloadBlob(new Blob([JSON.stringify(files.modelJson)], { type: 'application/json' }), `${base}.json`);
    downloadBlob(new Blob([files.weightData], { type: 'application/octet-stream' }), weightsFile);
    return {
      kind: 'info',
      text: `Saved ${base}.json and ${weightsFile} (keep them in one folder; tf.loadLayersModel reads the .json).`,
    };
  } catch (e) {
    return refused(e instanceof Error ? e.message : String(e));
  }
}
