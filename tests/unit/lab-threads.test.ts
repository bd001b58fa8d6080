// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseExperiment, parseSweep } from '../../src/config/experiment';
import { defaultConfig } from '../../src/config/defaults';
import { runComparison } from '../../src/rl/lab/compare';
import { runSweep } from '../../src/rl/lab/sweep';
import { runComparisonThreaded, runOnThreads, runSweepThreaded } from '../../src/cli/labThreads';

const room = {
  ...defaultConfig(),
  env: { ...defaultConfig().env, grid: ['S.....', '......', '......', '.....G'], maxSteps: 30 },
  agent: { type: 'dqn', hidden: [8], batchSize: 8, learningStarts: 20, backend: 'cpu' },
  train: { ...defaultConfig().train, episodes: 6 },
};

describe("the CLI's lab threads", () => {
  it('run a neural comparison and a neural sweep with the same results as in-process', async () => {
    const exp = parseExperiment({
      version: 1,
      base: room,
      variants: [{ name: 'plain' }, { name: 'shaped', train: { shaping: 'potential' } }],
      seeds: 3,
    });
    if (!exp.ok) throw new Error(exp.errors.join('; '));
    const ticks: number[] = [];
    const threaded = await runComparisonThreaded(exp.value, (done) => ticks.push(done));
    const here = await runComparison(exp.value);
    expect(ticks).toEqual([1, 2, 3, 4, 5, 6]);
    expect(threaded.variants).toEqual(here.variants);

    const spec = parseSweep({ version: 1, base: room, distances: [1, 8], seeds: 2, budget: 200 });
    if (!spec.ok) throw new Error(spec.errors.join('; '));
    const a = await runSweepThreaded(spec.value);
    const b = await runSweep(spec.value);
    if (!a.ok || !b.ok) throw new Error('sweep failed');
    expect(a.result.points).toEqual(b.result.points);
  }, 60_000);

  it('deliver every outcome from the threads themselves (no in-process fallback here)', async () => {
    const configs = [1, 2, 3].map((seed) => ({ ...room, train: { ...room.train, seed } }));
    const exp = parseExperiment({ version: 1, base: room, variants: [{ name: 'plain' }], seeds: 1 });
    if (!exp.ok) throw new Error(exp.errors.join('; '));
    const base = exp.value.variants[0].config;
    const got: number[] = [];
    await runOnThreads(
      configs.map((c) => ({
        kind: 'compare',
        config: { ...base, train: { ...base.train, seed: c.train.seed } },
      })),
      (i, o) => {
        expect(o.kind).toBe('compare');
        if (o.kind === 'compare') expect(o.run.seed).toBe(i + 1);
        got.push(i);
      },
      2,
    );
    expect(got.sort()).toEqual([0, 1, 2]);
  }, 60_000);

  it("reject with a run's own error message", async () => {
    const exp = parseExperiment({ version: 1, base: room, variants: [{ name: 'plain' }], seeds: 1 });
    if (!exp.ok) throw new Error(exp.errors.join('; '));
    const base = exp.value.variants[0].config;
    const broken = { ...base, agent: { ...base.agent, type: 'no-such-agent' } } as unknown as typeof base;
    const failure = runOnThreads(
      [
        { kind: 'compare', config: base },
        { kind: 'compare', config: broken },
      ],
      () => {},
      2,
    );
    await expect(failure).rejects.toThrow(/no-such-agent/);
  }, 60_000);
});
