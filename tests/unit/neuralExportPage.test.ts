// @vitest-environment node
/**
 * The page's "Export as TensorFlow.js model" (src/export/tfjsModel.ts): two downloads, the .json naming
 * the .bin beside it and the .bin holding the trained run's weights; offered for neural agents only;
 * a failure is a message, never a rejection.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig, type Config } from '../../src/config/schema';
import { canExportTfjs, exportTfjsModel } from '../../src/export/tfjsModel';
import { exportLayersModel } from '../../src/rl/neural/layersModel';
import { createTrainer } from '../../src/rl/trainer';

const downloads: { blob: Blob; name: string }[] = [];
vi.mock('../../src/export/download', () => ({
  downloadBlob: (blob: Blob, name: string) => downloads.push({ blob, name }),
}));

function config(agent: Record<string, unknown>): Config {
  const r = parseConfig({
    version: 2,
    env: { grid: ['S...', '...G'], maxSteps: 20 },
    agent,
    train: { episodes: 10, seed: 2 },
  });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.config;
}

describe('Export as TensorFlow.js model (page)', () => {
  beforeEach(() => {
    downloads.length = 0;
  });

  it('is offered for neural agents only', () => {
    expect(canExportTfjs(config({ type: 'dqn' }))).toBe(true);
    expect(canExportTfjs(config({ type: 'actor-critic' }))).toBe(true);
    expect(canExportTfjs(config({ type: 'q-learning' }))).toBe(false);
  });

  it('downloads the model .json and its weights .bin, the .json naming the .bin', async () => {
    const cfg = config({ type: 'reinforce', hidden: [8] });
    const t = await createTrainer(cfg);
    t.train();
    const state = t.exportState();
    const r = await exportTfjsModel(cfg, async () => state);
    expect(r.kind).toBe('info');
    expect(downloads.map((d) => d.name)).toEqual([
      expect.stringMatching(/^gridworld-reinforce-4x2-seed2-tfjs-\d{8}-\d{4}\.json$/),
      expect.stringMatching(/^gridworld-reinforce-4x2-seed2-tfjs-\d{8}-\d{4}\.weights\.bin$/),
    ]);
    expect(r.text).toContain(downloads[1].name);
    const json = JSON.parse(await downloads[0].blob.text()) as { weightsManifest: { paths: string[] }[] };
    expect(json.weightsManifest[0].paths).toEqual([downloads[1].name]);
    const want = exportLayersModel(cfg, state.agent);
    if (!want.ok) throw new Error(want.error);
    expect(new Uint8Array(await downloads[1].blob.arrayBuffer())).toEqual(new Uint8Array(want.weightData));
  });

  it('reports a failure as a message', async () => {
    const cfg = config({ type: 'dqn' });
    const failed = await exportTfjsModel(cfg, () => Promise.reject(new Error('the worker is gone')));
    expect(failed).toEqual({
      kind: 'error',
      text: 'Exporting the TensorFlow.js model failed: the worker is gone',
    });
    const t = await createTrainer(config({ type: 'q-learning' }));
    const wrong = await exportTfjsModel(cfg, async () => t.exportState());
    expect(wrong.kind).toBe('error');
    expect(wrong.text).toMatch(/the saved agent is q-learning, the config's is dqn/);
    expect(downloads).toHaveLength(0);
  });
});
