// @vitest-environment node
/**
 * `npm run sim -- <config> --export-tfjs DIR`: the trained network lands in DIR/model.json and
 * DIR/weights.bin, which tfjs-layers loads; they are the export of the very run the same command saved
 * with --save-agent (layersModel.ts is tested against the app's numbers in neuralLayersModel.test.ts).
 * Misuse is one line on stderr, status 2.
 */
import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cliBin';
import { parseAgentFile } from '../../src/config/agentFile';
import { exportLayersModel } from '../../src/rl/neural/layersModel';

const dir = mkdtempSync(join(tmpdir(), 'export-tfjs-'));

function sim(...args: string[]) {
  return spawnSync(process.execPath, [...cli('sim'), ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
}

function config(agent: Record<string, unknown>): string {
  const file = join(dir, `${String(agent.type)}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      version: 2,
      env: { grid: ['S...', '.#..', '...G'], maxSteps: 30 },
      agent,
      train: { episodes: 15, seed: 3 },
    }),
  );
  return file;
}

describe('npm run sim -- --export-tfjs DIR', () => {
  it('writes model.json and weights.bin of the trained run, which tfjs-layers loads', async () => {
    const out = join(dir, 'model-dir', 'nested');
    const agentFile = join(dir, 'agent.json');
    const file = config({ type: 'dqn', hidden: [8, 8], learningStarts: 10, batchSize: 8 });
    const r = sim(file, '--export-tfjs', out, '--save-agent', agentFile);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')) as tf.io.ModelJSON;
    const bin = readFileSync(join(out, 'weights.bin'));
    expect(json.weightsManifest[0].paths).toEqual(['weights.bin']);
    const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
    const model = await tf.loadLayersModel({
      load: () => tf.io.getModelArtifactsForJSON(json, async (m) => [m[0].weights, weightData]),
    });
    expect(model.outputs[0].shape).toEqual([null, 4]);
    // The same bytes as an export of the run saved alongside: the network of this very run.
    const saved = parseAgentFile(readFileSync(agentFile, 'utf8'));
    if (!saved.ok) throw new Error(saved.errors.join('; '));
    const again = exportLayersModel(saved.file.config, saved.file.state.agent);
    if (!again.ok) throw new Error(again.error);
    expect(new Uint8Array(again.weightData)).toEqual(new Uint8Array(weightData));
    expect(again.modelJson).toEqual(json);
    model.dispose();
  });

  it('refuses a tabular agent, several seeds and a missing DIR, with one line', () => {
    const tabular = sim(config({ type: 'q-learning' }), '--export-tfjs', join(dir, 'never'));
    expect(tabular.status).toBe(2);
    expect(tabular.stderr).toMatch(/q-learning agent has no neural network to export/);
    expect(existsSync(join(dir, 'never'))).toBe(false);
    const seeds = sim(config({ type: 'dqn' }), '--export-tfjs', join(dir, 'x'), '--seeds', '2');
    expect(seeds.status).toBe(2);
    expect(seeds.stderr).toMatch(/exports one run: leave out --seeds/);
    const missing = sim(config({ type: 'dqn' }), '--export-tfjs');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--export-tfjs needs a directory/);
    for (const r of [tabular, seeds, missing]) expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
