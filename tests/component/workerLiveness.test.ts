import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetConfigStore } from '../../src/store/configStore';
import { connectTraining, training } from '../../src/store/trainingController';
import { useTrainingStore } from '../../src/store/trainingStore';
import { useUiStore } from '../../src/store/uiStore';
import { HEARTBEAT_MS, HEARTBEAT_TIMEOUT_MS } from '../../src/worker/protocol';
import type { ClientTimers } from '../../src/worker/workerClient';
import { fakeFactory } from './fakeWorker';

/** A clock and interval timer the test moves by hand. */
function manualTimers() {
  let t = 0;
  const fns = new Set<{ ms: number; next: number; f: () => void }>();
  const timers: ClientTimers = {
    now: () => t,
    every(ms, f) {
      const e = { ms, next: t + ms, f };
      fns.add(e);
      return () => fns.delete(e);
    },
  };
  const advance = (ms: number) => {
    const end = t + ms;
    for (;;) {
      let due: { ms: number; next: number; f: () => void } | null = null;
      for (const e of fns) if (e.next <= end && (!due || e.next < due.next)) due = e;
      if (!due) break;
      t = due.next;
      due.next += due.ms;
      due.f();
    }
    t = end;
  };
  return { timers, advance };
}

let disconnect: (() => void) | null = null;
beforeEach(() => {
  resetConfigStore();
  useUiStore.setState({ notice: null });
});
afterEach(() => {
  disconnect?.();
  disconnect = null;
});

describe('a dead worker is noticed', () => {
  it('keeps a worker that answers the heartbeat, however long it runs', () => {
    const f = fakeFactory();
    const { timers, advance } = manualTimers();
    disconnect = connectTraining(f.factory, timers);
    f.current().ready();
    advance(HEARTBEAT_TIMEOUT_MS * 10);
    expect(f.workers).toHaveLength(1);
  });

  it('restarts a worker that stops answering (closed itself), re-sends the run and says so', () => {
    const f = fakeFactory();
    const { timers, advance } = manualTimers();
    disconnect = connectTraining(f.factory, timers);
    const first = f.current();
    first.ready();
    training.play();
    first.progress({ running: true, totalSteps: 50 });
    expect(useTrainingStore.getState().status).toBe('running');
    first.silent = true;
    advance(HEARTBEAT_TIMEOUT_MS + 2 * HEARTBEAT_MS);
    expect(first.terminated).toBe(true);
    expect(f.workers).toHaveLength(2);
    const second = f.current();
    expect(second.lastInit().runId).toBeGreaterThan(first.lastInit().runId);
    // No more "Training" with frozen counters: a fresh run is being prepared, then ready.
    expect(useTrainingStore.getState().status).toBe('starting');
    expect(useUiStore.getState().notice?.text).toMatch(/stopped answering.*restarted/);
    second.ready();
    expect(useTrainingStore.getState().status).toBe('idle');
  });

  it('Reset after a silent worker does not hang at "Preparing"', () => {
    const f = fakeFactory();
    const { timers, advance } = manualTimers();
    disconnect = connectTraining(f.factory, timers);
    const first = f.current();
    first.ready();
    first.silent = true;
    training.reset();
    expect(useTrainingStore.getState().status).toBe('starting');
    advance(HEARTBEAT_TIMEOUT_MS + 2 * HEARTBEAT_MS);
    f.current().ready();
    expect(f.workers).toHaveLength(2);
    expect(useTrainingStore.getState().status).toBe('idle');
  });

  it('clears the "keeps failing" notice once a worker answers again', () => {
    const f = fakeFactory();
    const { timers } = manualTimers();
    disconnect = connectTraining(f.factory, timers);
    for (let i = 0; i < 4; i++) f.current().crash();
    expect(useUiStore.getState().notice?.text).toMatch(/keeps failing/);
    expect(useTrainingStore.getState().status).toBe('error');
    training.reset();
    f.current().ready();
    expect(useUiStore.getState().notice).toBeNull();
    expect(useTrainingStore.getState().status).toBe('idle');
  });
});

describe('pause answers at once', () => {
  it('shows the pause at once, before the worker confirms; a message in flight does not undo it', () => {
    const f = fakeFactory();
    disconnect = connectTraining(f.factory, manualTimers().timers);
    const w = f.current();
    w.ready();
    training.play();
    w.progress({ running: true, totalSteps: 10 });
    training.pause();
    expect(w.sent.at(-1)).toEqual({ type: 'pause' });
    expect(useTrainingStore.getState().status).toBe('pausing');
    w.progress({ running: true, totalSteps: 20 });
    expect(useTrainingStore.getState().status).toBe('pausing');
    w.progress({ running: false, totalSteps: 21 });
    expect(useTrainingStore.getState().status).toBe('paused');
    training.play();
    w.progress({ running: true, totalSteps: 30 });
    expect(useTrainingStore.getState().status).toBe('running');
  });
});
