/**
 * The controller's trained-agent actions against a fake worker: export asks the worker and resolves
 * with its answer (or rejects with its reason, or when the run is replaced or the worker is silent);
 * open replaces the world through setConfig (the old world goes to the replace listener) and starts
 * the run with the saved state, without the "setup changed" notice; the same world resumes too.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrainedState } from '../../src/config/packedArray';
import { DEFAULT_CONFIG } from '../../src/config/defaults';
import { onReplace, resetConfigStore, useConfigStore } from '../../src/store/configStore';
import { connectTraining, trainedAgent, training } from '../../src/store/trainingController';
import { DEFAULT_SHOW, useUiStore } from '../../src/store/uiStore';
import { fakeFactory, type FakeWorker } from './fakeWorker';

const state: TrainedState = {
  agent: { type: 'q-learning', numbers: { epsilon: 0.1 }, arrays: {} },
  trainer: { numbers: { totalSteps: 5 }, arrays: {} },
  metrics: { numbers: { count: 2 }, arrays: {} },
};

let disconnect: () => void = () => {};
beforeEach(() => {
  resetConfigStore();
  useUiStore.setState({ notice: null, tool: 'wall', selected: null, show: DEFAULT_SHOW });
});
afterEach(() => {
  disconnect();
  vi.useRealTimers();
});

describe('trainedAgent', () => {
  it('export resolves with the worker answer for this run, or rejects with its reason', async () => {
    const f = fakeFactory();
    disconnect = connectTraining(f.factory);
    const w = f.current();
    await expect(trainedAgent.export()).rejects.toThrow(/no trained run to save yet/);
    w.ready();
    const asked = trainedAgent.export();
    expect(w.sent.at(-1)).toEqual({ type: 'export-agent' });
    const runId = w.lastInit().runId;
    w.reply({ type: 'agent-state', runId, state });
    await expect(asked).resolves.toBe(state);

    const refused = trainedAgent.export();
    w.reply({ type: 'agent-state', runId, state: null, error: 'a random agent cannot be saved' });
    await expect(refused).rejects.toThrow('a random agent cannot be saved');

    const replaced = trainedAgent.export();
    training.reset();
    w.reply({ type: 'agent-state', runId, state });
    await expect(replaced).rejects.toThrow(/replaced before it was saved/);
  });

  it('export gives up when the worker does not answer', async () => {
    const f = fakeFactory();
    disconnect = connectTraining(f.factory);
    f.current().ready();
    await expect(trainedAgent.export(20)).rejects.toThrow(/did not answer/);
  });

  it('open replaces the world (kept by the replace listener) and resumes the saved run', async () => {
    const f = fakeFactory();
    disconnect = connectTraining(f.factory);
    const w = f.current();
    w.ready();
    const replaced = vi.fn();
    const stop = onReplace(replaced);
    const next = structuredClone(DEFAULT_CONFIG);
    next.env.slip = 0.3;
    const r = await checked(w, trainedAgent.open(next, state, 'Opened the trained agent “a.json”'));
    stop();
    expect(r).toEqual({ ok: true, changed: true });
    expect(useConfigStore.getState().config.env.slip).toBe(0.3);
    expect(replaced).toHaveBeenCalledWith(DEFAULT_CONFIG, 'Opened the trained agent “a.json”');
    const init = w.lastInit();
    expect(init.config).toEqual(next);
    expect(init.state).toBe(state);
    expect(useUiStore.getState().notice?.text ?? '').not.toMatch(/reset/);

    // The same world again: no config change, the run still resumes; a later edit starts afresh.
    const inits = w.of('init').length;
    expect(await checked(w, trainedAgent.open(next, state, 'again'))).toEqual({ ok: true, changed: false });
    expect(w.of('init')).toHaveLength(inits + 1);
    expect(w.lastInit().state).toBe(state);
    useConfigStore.getState().edit((c) => void (c.env.slip = 0));
    expect(w.lastInit().state).toBeUndefined();
  });
});

/** The worker's answer to the check open asks for first (null: the state fits). */
function checked<T>(w: FakeWorker, opened: Promise<T>, error: string | null = null): Promise<T> {
  const ask = w.of('check-agent').at(-1);
  if (!ask) throw new Error('open did not ask the worker to check the agent');
  w.reply({ type: 'agent-check', id: ask.id, error });
  return opened;
}

describe('an agent file that does not fit its own setup', () => {
  it('is refused with the reason before anything is replaced: the world and the run stay', async () => {
    const f = fakeFactory();
    disconnect = connectTraining(f.factory);
    const w = f.current();
    w.ready();
    const replaced = vi.fn();
    const stop = onReplace(replaced);
    const next = structuredClone(DEFAULT_CONFIG);
    next.env.slip = 0.3;
    const inits = w.of('init').length;
    const r = await checked(
      w,
      trainedAgent.open(next, state, 'Opened the trained agent “bad.json”'),
      'the saved q-learning agent: q has 100 numbers, the agent this config describes needs 192',
    );
    stop();
    expect(r.ok).toBe(false);
    expect(useConfigStore.getState().config).toEqual(DEFAULT_CONFIG);
    expect(replaced).not.toHaveBeenCalled();
    expect(w.of('init')).toHaveLength(inits);
    expect(useUiStore.getState().notice?.text).toMatch(
      /not opened: it does not fit its own setup \(.*q has 100 numbers.*\)\. Your world and run are unchanged/,
    );
    // A later edit starts a fresh run, not the refused one.
    useConfigStore.getState().edit((c) => void (c.env.slip = 0.2));
    expect(w.lastInit().state).toBeUndefined();
  });
});
