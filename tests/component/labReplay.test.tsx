// The lab's Open for a variant replays its typical seed in the playground (src/store/labActions.ts):
// that variant's config with that seed, trained at the fastest speed to the lab's episode count, then
// the timeline on its first-reward mark; the speed goes back; a replaced run is no longer followed.
import { act } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPreset } from '../../src/config/presets';
import type { ComparisonResult } from '../../src/rl/lab/compare';
import { resetConfigStore, useConfigStore } from '../../src/store/configStore';
import { resetHistory, useHistoryStore } from '../../src/store/historyStore';
import { connectTraining, training } from '../../src/store/trainingController';
import { useTrainingStore } from '../../src/store/trainingStore';
import { useUiStore } from '../../src/store/uiStore';
import { openInPlayground, sweepConfig, typicalSeed } from '../../src/store/labActions';
import { IDLE, resetLabStore, useLabStore } from '../../src/store/labStore';
import { MAX_SPEED_INDEX, type Moment } from '../../src/worker/protocol';
import { fakeFactory, type FakeWorker } from './fakeWorker';

const preset = getPreset('needle-shaping')!;
let disconnect = () => {};
let f: ReturnType<typeof fakeFactory>;
const worker = (): FakeWorker => f.current();

/** A finished comparison whose variant 1 took first rewards at these episodes on seeds +0..+4. */
function showComparison(firsts: (number | null)[]): void {
  const variant = (name: string) => ({ name, seeds: firsts.length, episodes: 300, firstEpisodes: firsts });
  const result = {
    title: preset.title,
    seeds: firsts.length,
    episodes: 300,
    variants: [variant('No shaping'), variant('Potential shaping')],
    elapsedMs: 1,
  } as unknown as ComparisonResult;
  useLabStore.setState({ compare: { ...IDLE, status: 'done', result } });
}

const MOMENTS: Moment[] = [
  { id: 0, episode: 0, steps: 0, plans: 0, marks: [] },
  { id: 1, episode: 39, steps: 900, plans: 0, marks: [] },
  { id: 2, episode: 40, steps: 950, plans: 0, marks: ['first-success'] },
  { id: 3, episode: 300, steps: 9000, plans: 0, marks: [] },
];

beforeEach(() => {
  resetConfigStore();
  resetHistory();
  resetLabStore();
  useTrainingStore.setState({ speedIndex: 2 });
  f = fakeFactory();
  disconnect = connectTraining(f.factory);
  worker().ready();
  useUiStore.setState({ view: 'lab', notice: null });
});
afterEach(() => disconnect());

describe("the lab's Open replays a seed", () => {
  it('picks the median seed by first success, never-succeeding seeds counted slowest', () => {
    expect(typicalSeed({ firstEpisodes: [40, 12, null, 25, 90] })).toEqual({ k: 0, first: 40 });
    expect(typicalSeed({ firstEpisodes: [12, 40, 12, 9] })).toEqual({ k: 0, first: 12 });
    expect(typicalSeed({ firstEpisodes: [null, null, 7] })).toEqual({ k: 0, first: null });
    expect(typicalSeed({ firstEpisodes: [30, 10] })).toEqual({ k: 1, first: 10 });
    expect(typicalSeed({ firstEpisodes: [] })).toEqual({ k: 0, first: null });
  });

  it("trains that seed at full speed to the lab's episodes, then shows the first reward", async () => {
    showComparison([90, 25, null, 12, 40]);
    act(() => openInPlayground(preset, 1));
    const config = useConfigStore.getState().config;
    const expected = sweepConfig(preset, 1);
    // The median of 12, 25, 40, 90 and never: 40, seed +4.
    expect(config).toEqual({ ...expected, train: { ...expected.train, seed: expected.train.seed + 4 } });
    expect(useUiStore.getState().view).toBe('playground');
    expect(useUiStore.getState().story?.id).toBe(preset.id);
    expect(useUiStore.getState().notice?.text).toMatch(/Replaying .*seed 5.*training 300 episodes/);
    // Nothing is played before the new run is ready.
    const w = worker();
    expect(w.of('play')).toHaveLength(0);
    w.ready();
    expect(w.of('play')).toHaveLength(1);
    expect(useTrainingStore.getState().speedIndex).toBe(MAX_SPEED_INDEX);
    expect(w.of('speed').at(-1)).toEqual({ type: 'speed', stepsPerSecond: Infinity });

    w.progress({
      running: true,
      episode: 150,
      totalSteps: 5000,
      history: { version: 1, moments: MOMENTS.slice(0, 3) },
    });
    expect(useHistoryStore.getState().viewedId).toBeNull();
    w.progress({ done: true, episode: 300, totalSteps: 9000, history: { version: 2, moments: MOMENTS } });
    await act(() => new Promise((r) => setTimeout(r, 5)));
    expect(useHistoryStore.getState().viewedIndex).toBe(2);
    expect(w.of('snapshot').at(-1)).toEqual({ type: 'snapshot', index: 2 });
    expect(useUiStore.getState().notice?.text).toMatch(/first reward, episode 40, as in the lab/);
    expect(useTrainingStore.getState().speedIndex).toBe(2);
  });

  it('says so when the lab saw another episode, and when the seed never succeeded', async () => {
    showComparison([30, 30, 30]);
    act(() => openInPlayground(preset, 1));
    worker().ready();
    worker().progress({
      done: true,
      episode: 300,
      totalSteps: 9000,
      history: { version: 1, moments: MOMENTS },
    });
    await act(() => new Promise((r) => setTimeout(r, 5)));
    expect(useUiStore.getState().notice?.text).toMatch(/episode 40 \(the lab saw episode 30\)/);

    showComparison([null, null, null]);
    act(() => openInPlayground(preset, 0));
    worker().ready();
    worker().progress({
      done: true,
      episode: 300,
      totalSteps: 9000,
      history: { version: 1, moments: MOMENTS.slice(0, 2) },
    });
    await act(() => new Promise((r) => setTimeout(r, 5)));
    expect(useUiStore.getState().notice?.text).toMatch(/never reached the goal/);
    expect(useHistoryStore.getState().viewedId).toBeNull();
  });

  it('stops following when the run is replaced, and a partial comparison just loads the config', () => {
    showComparison([10, 20, 30]);
    act(() => openInPlayground(preset, 1));
    worker().ready();
    expect(worker().of('play')).toHaveLength(1);
    act(() => training.reset());
    worker().ready();
    expect(worker().of('play')).toHaveLength(1);

    const partial = { ...useLabStore.getState().compare.result!, seeds: 8 };
    useLabStore.setState({ compare: { ...IDLE, status: 'cancelled', result: partial } });
    act(() => openInPlayground(preset, 0));
    expect(useConfigStore.getState().config).toEqual(sweepConfig(preset, 0));
    expect(useUiStore.getState().notice?.text).toMatch(
      /^Opened "Needle, with shaping: No shaping" in the playground/,
    );
  });
});
