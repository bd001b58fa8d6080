import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/defaults';
import { resetConfigStore, useConfigStore } from '../../src/store/configStore';
import { EditorHistory } from '../../src/store/editorHistory';
import { clearGrid, findStart, paint, resize, setCellReward } from '../../src/store/gridEdits';
import { connectTraining, training } from '../../src/store/trainingController';
import { useTrainingStore } from '../../src/store/trainingStore';
import { DEFAULT_SHOW, useUiStore } from '../../src/store/uiStore';
import { emptySummary } from '../../src/rl/metrics';
import { FakeRun, fakeFactory } from './fakeWorker';

const cfg = () => useConfigStore.getState().config;
const edit = (...a: Parameters<ReturnType<typeof useConfigStore.getState>['edit']>) =>
  useConfigStore.getState().edit(...a);

beforeEach(() => {
  resetConfigStore();
  useUiStore.setState({ notice: null, tool: 'wall', selected: null, show: DEFAULT_SHOW });
});

describe('config store', () => {
  it('starts at the default config and accepts a valid replacement', () => {
    expect(cfg()).toEqual(DEFAULT_CONFIG);
    const next = structuredClone(DEFAULT_CONFIG);
    next.env.slip = 0.2;
    const r = useConfigStore.getState().setConfig(next);
    expect(r).toEqual({ ok: true, changed: true });
    expect(cfg().env.slip).toBe(0.2);
    expect(useConfigStore.getState().canUndo).toBe(true);
  });

  it('refuses an invalid config, keeps the current one and shows a message', () => {
    const before = cfg();
    const r = useConfigStore
      .getState()
      .setConfig({ version: 2, env: { grid: ['..'] }, agent: { type: 'random' } });
    expect(r.ok).toBe(false);
    expect(cfg()).toBe(before);
    expect(useUiStore.getState().notice?.text).toMatch(/needs a start/i);
  });

  it('fills schema defaults in a partial config (setConfig parses)', () => {
    const r = useConfigStore
      .getState()
      .setConfig({ version: 2, env: { grid: ['S.G'] }, agent: { type: 'sarsa' } });
    expect(r.ok).toBe(true);
    expect(cfg().agent).toMatchObject({ type: 'sarsa', alpha: 0.5 });
    expect(cfg().train.episodes).toBe(500);
  });

  it('refuses a field out of range with its label, quietly when asked', () => {
    const r = edit((d) => void (d.env.slip = 2), { quiet: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^Slip: /);
    expect(useUiStore.getState().notice).toBeNull();
    expect(cfg().env.slip).toBe(0);
  });

  it('an edit that changes nothing records no undo step', () => {
    expect(edit((d) => paint(d, 0, 2, '.'))).toEqual({ ok: true, changed: false });
    expect(useConfigStore.getState().canUndo).toBe(false);
  });

  it('undoes and redoes edits; a new edit clears redo', () => {
    edit((d) => paint(d, 1, 0, '#'));
    edit((d) => paint(d, 2, 0, '#'));
    expect(cfg().env.grid[0]).toBe('S##.....');
    expect(useConfigStore.getState().undo()).toBe(true);
    expect(cfg().env.grid[0]).toBe('S#......');
    expect(useConfigStore.getState().redo()).toBe(true);
    expect(cfg().env.grid[0]).toBe('S##.....');
    useConfigStore.getState().undo();
    edit((d) => paint(d, 3, 0, 'G'));
    expect(useConfigStore.getState().canRedo).toBe(false);
    useConfigStore.getState().undo();
    useConfigStore.getState().undo();
    expect(cfg().env.grid).toEqual(DEFAULT_CONFIG.env.grid);
    expect(useConfigStore.getState().undo()).toBe(false);
  });

  it('merges edits with the same key into one undo step until sealed', () => {
    edit((d) => paint(d, 1, 0, '#'), { key: 'stroke:a' });
    edit((d) => paint(d, 2, 0, '#'), { key: 'stroke:a' });
    useConfigStore.getState().seal();
    edit((d) => paint(d, 3, 0, '#'), { key: 'stroke:a' });
    useConfigStore.getState().undo();
    expect(cfg().env.grid[0]).toBe('S##.....');
    useConfigStore.getState().undo();
    expect(cfg().env.grid[0]).toBe('S.......');
  });
});

describe('editor history', () => {
  it('keeps at most `limit` steps', () => {
    const h = new EditorHistory<number>(3);
    for (let i = 0; i < 5; i++) h.record(i);
    expect(h.undo(5)).toBe(4);
    expect(h.undo(4)).toBe(3);
    expect(h.undo(3)).toBe(2);
    expect(h.undo(2)).toBeNull();
  });
});

describe('grid edits', () => {
  it('painting a start moves the start', () => {
    edit((d) => paint(d, 4, 1, 'S'));
    expect(findStart(cfg().env)).toEqual({ x: 4, y: 1 });
    expect(cfg().env.grid[0][0]).toBe('.');
  });

  it('refuses to erase the only start, with a plain-words message', () => {
    const r = edit((d) => paint(d, 0, 0, '.'));
    expect(r.ok).toBe(false);
    expect(useUiStore.getState().notice?.text).toMatch(/needs a start/);
    expect(cfg().env.grid[0][0]).toBe('S');
  });

  it('resizes keeping what fits and keeps the start inside', () => {
    edit((d) => paint(d, 7, 7, 'S'));
    edit((d) => resize(d, 5, 4));
    const g = cfg().env.grid;
    expect(g).toHaveLength(4);
    expect(g.every((r) => r.length === 5)).toBe(true);
    expect(g[2]).toBe('..###');
    expect(findStart(cfg().env)).toEqual({ x: 4, y: 3 });
    edit((d) => resize(d, 7, 6));
    expect(cfg().env.grid[5]).toBe('.......');
    expect(edit((d) => resize(d, 0, 3)).ok).toBe(false);
    expect(edit((d) => resize(d, 51, 3)).ok).toBe(false);
  });

  it('sets per-cell rewards only on goal, pit, cliff and bonus cells, and drops them when the cell changes', () => {
    expect(edit((d) => setCellReward(d, 7, 7, 10)).ok).toBe(true);
    expect(cfg().env.cellRewards).toEqual([{ x: 7, y: 7, reward: 10 }]);
    expect(edit((d) => setCellReward(d, 1, 1, 3)).ok).toBe(false);
    edit((d) => paint(d, 7, 7, 'X'));
    expect(cfg().env.cellRewards).toEqual([]);
    edit((d) => setCellReward(d, 7, 7, -5));
    edit((d) => setCellReward(d, 7, 7, null));
    expect(cfg().env.cellRewards).toEqual([]);
  });

  it('clear empties everything but the start', () => {
    edit((d) => setCellReward(d, 7, 7, 10));
    edit(clearGrid);
    expect(cfg().env.grid.join('')).toBe('S' + '.'.repeat(63));
    expect(cfg().env.cellRewards).toEqual([]);
  });
});

describe('training controller', () => {
  let disconnect: () => void = () => {};
  afterEach(() => disconnect());

  it('builds a run for the current config and follows its progress', () => {
    const f = fakeFactory();
    disconnect = connectTraining(f.factory);
    const w = f.current();
    expect(w.sent[0]).toMatchObject({ type: 'speed' });
    expect(w.lastInit().config).toEqual(cfg());
    expect(useTrainingStore.getState().status).toBe('starting');
    w.ready();
    expect(useTrainingStore.getState().status).toBe('idle');
    training.play();
    expect(w.sent.at(-1)).toEqual({ type: 'play' });
    const run = new FakeRun();
    w.progress({
      running: true,
      totalSteps: 30,
      ...run.episodes([0, 1]),
    });
    const s = useTrainingStore.getState();
    expect(s.status).toBe('running');
    expect(s.totalSteps).toBe(30);
    expect(s.series.counters.episodes).toBe(2);
    expect(Array.from(s.series.retSum)).toEqual([0, 1]);
    expect(s.metrics.firstSuccess).toBe(2);
  });

  it('keeps the last summary when a message carries none, with a new version for each one', () => {
    const f = fakeFactory();
    disconnect = connectTraining(f.factory);
    const w = f.current();
    w.ready();
    const run = new FakeRun();
    w.progress({ running: true, ...run.episodes(new Array(3000).fill(0)) });
    const first = useTrainingStore.getState().series;
    expect(first.counters.episodes).toBe(3000);
    w.progress({ running: true, episode: 3001, summary: null });
    expect(useTrainingStore.getState().series).toBe(first);
    w.progress({ running: false, ...run.episodes([1]) });
    const next = useTrainingStore.getState().series;
    expect(next.counters.episodes).toBe(3001);
    expect(next.version).toBeGreaterThan(first.version);
  });

  it('an edit while training starts a new paused run and says so; old answers are ignored', () => {
    const f = fakeFactory();
    disconnect = connectTraining(f.factory);
    const w = f.current();
    w.ready();
    const oldId = w.lastInit().runId;
    w.progress({ running: true, totalSteps: 100, episode: 3 });
    edit((d) => paint(d, 1, 0, '#'));
    const init = w.lastInit();
    expect(init.runId).not.toBe(oldId);
    expect(init.config.env.grid[0]).toBe('S#......');
    expect(useTrainingStore.getState().status).toBe('starting');
    expect(useTrainingStore.getState().totalSteps).toBe(0);
    expect(useUiStore.getState().notice?.text).toMatch(/paused and reset/);
    w.reply({ type: 'progress', runId: oldId, progress: { ...makeStale() } });
    expect(useTrainingStore.getState().totalSteps).toBe(0);
  });

  it('shows a create error and blocks play', () => {
    const f = fakeFactory();
    disconnect = connectTraining(f.factory);
    const w = f.current();
    w.reply({
      type: 'error',
      runId: w.lastInit().runId,
      phase: 'create',
      message: 'the dqn agent is not available yet',
    });
    const s = useTrainingStore.getState();
    expect(s.status).toBe('error');
    expect(s.error?.message).toMatch(/not available/);
    const before = w.sent.length;
    training.play();
    expect(w.sent.length).toBe(before);
  });

  it('restarts a crashed worker with the same config and tells the user', () => {
    const f = fakeFactory();
    disconnect = connectTraining(f.factory);
    edit((d) => paint(d, 2, 0, 'G'));
    const first = f.current();
    first.ready();
    first.crash('out of memory');
    expect(first.terminated).toBe(true);
    expect(f.workers).toHaveLength(2);
    const second = f.current();
    expect(second.lastInit().config.env.grid[0]).toBe('S.G.....');
    expect(useUiStore.getState().notice?.text).toMatch(/crashed \(out of memory\) and was restarted/);
  });

  it('gives up after repeated crashes', () => {
    const f = fakeFactory();
    disconnect = connectTraining(f.factory);
    for (let i = 0; i < 4; i++) f.current().crash();
    expect(useTrainingStore.getState().status).toBe('error');
    expect(useTrainingStore.getState().error?.phase).toBe('crash');
  });
});

function makeStale() {
  return {
    seq: 1e9,
    running: true,
    done: false,
    episode: 99,
    target: 500,
    totalSteps: 999,
    stepsPerSecond: 1,
    epsilon: 0,
    loss: null,
    metrics: emptySummary().counters,
    summary: null,
    planner: null,
    frame: {
      nStates: 64,
      values: null,
      q: null,
      policy: null,
      visits: new Uint32Array(64),
      episodeVisits: new Uint32Array(64),
      trail: new Int32Array(0),
      agent: 0,
    },
  };
}
