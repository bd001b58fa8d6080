/**
 * `npm run sim -- <config> --export-tfjs DIR`: after training, writes the run's network as a
 * TensorFlow.js LayersModel, DIR/model.json and DIR/weights.bin (src/rl/neural/layersModel.ts says what
 * is exported), loadable with tf.loadLayersModel('file://DIR/model.json') in tfjs-node or from a web
 * server. DIR is made if it does not exist. Only neural agents have a network to export, and one run
 * is exported, so --seeds does not go with it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config/schema';
import { isNeuralType } from '../config/neuralTypes';
import { exportLayersModel, WEIGHTS_FILE } from '../rl/neural/layersModel';
import type { Trainer } from '../rl/trainer';
import { UsageError } from './args';

export const EXPORT_TFJS = '--export-tfjs';

/** Writing the model failed, or there was nothing to export. */
export class TfjsExportError extends Error {}

/** The DIR after --export-tfjs (a usage error when missing). */
export function exportTfjsDir(value: string | undefined): string {
  if (!value || value.startsWith('--')) throw new UsageError(`${EXPORT_TFJS} needs a directory`);
  return value;
}

/** Usage problems of --export-tfjs given the run's other options, or null. */
export function exportTfjsProblem(dir: string | undefined, seeds: number, config?: Config): string | null {
  if (dir === undefined) return null;
  if (seeds !== 1) return `${EXPORT_TFJS} exports one run: leave out --seeds`;
  if (config && !isNeuralType(config.agent.type))
    return `${EXPORT_TFJS}: a ${config.agent.type} agent has no neural network to export (only dqn, actor-critic and reinforce do)`;
  return null;
}

/** Writes DIR/model.json and DIR/weights.bin for a trained run. */
export async function writeTfjsModel(dir: string, config: Config, t: Trainer): Promise<void> {
  const files = exportLayersModel(config, t.exportState().agent, WEIGHTS_FILE);
  if (!files.ok) throw new TfjsExportError(`cannot export the network: ${files.error}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'model.json'), JSON.stringify(files.modelJson));
    await writeFile(join(dir, WEIGHTS_FILE), new Uint8Array(files.weightData));
  } catch (e) {
    throw new TfjsExportError(
      `cannot write the model to ${dir} (${(e as NodeJS.ErrnoException)?.code ?? String(e)})`,
    );
  }
}
