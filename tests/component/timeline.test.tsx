// The history timeline (src/ui/history/Timeline.tsx) against a fake worker: keyboard steps, marks, Live,
// the replay, and "what changed".
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetConfigStore } from '../../src/store/configStore';
import { resetHistory, useHistoryStore } from '../../src/store/historyStore';
import { connectTraining } from '../../src/store/trainingController';
import { useTrainingStore } from '../../src/store/trainingStore';
import { changedCells } from '../../src/ui/history/changedCells';
import { Timeline } from '../../src/ui/history/Timeline';
import type { Frame, Moment, ToWorker } from '../../src/worker/protocol';
import { fakeFactory, makeProgress, type FakeWorker } from './fakeWorker';

let disconnect = () => {};
let worker: FakeWorker;
let n = 64;

const MOMENTS: Moment[] = [
  { id: 0, episode: 0, steps: 0, plans: 0, marks: [] },
  { id: 1, episode: 1, steps: 200, plans: 0, marks: [] },
  { id: 2, episode: 2, steps: 400, plans: 0, marks: [] },
  { id: 3, episode: 3, steps: 520, plans: 0, marks: ['first-success'] },
  { id: 4, episode: 4, steps: 600, plans: 0, marks: [] },
  { id: 5, episode: 9, steps: 800, plans: 0, marks: ['solved'] },
];

/** A frame whose value in cell 0 is the moment's id (so the test can tell which one is on show). */
function frameOf(m: Moment): Frame {
  const f = makeProgress(n, 500).frame;
  f.values = new Float64Array(n);
  f.values[0] = m.id;
  return f;
}

beforeEach(() => {
  resetConfigStore();
  resetHistory();
  useHistoryStore.setState({ showChanged: false, playSpeed: 20 });
  const f = fakeFactory();
  disconnect = connectTraining(f.factory);
  worker = f.current();
  const init = worker.lastInit();
  n = init.config.env.grid.length * init.config.env.grid[0].length;
  worker.ready({ episode: 9, history: { version: 1, moments: MOMENTS } });
  render(<Timeline />);
});
afterEach(() => {
  cleanup();
  disconnect();
});

const slider = () => screen.getByRole('slider', { name: 'History' });
const label = () => screen.getByTestId('timeline-label');
const snapshotRequests = () =>
  worker.sent.filter((m): m is Extract<ToWorker, { type: 'snapshot' }> => m.type === 'snapshot');

/** Answers every snapshot request not answered yet, as the worker would. */
let answered = 0;
function answer(): void {
  const reqs = snapshotRequests();
  for (; answered < reqs.length; answered++) {
    const { index } = reqs[answered];
    const m = MOMENTS[index];
    worker.reply({ type: 'snapshot', runId: worker.lastInit().runId, index, moment: m, frame: frameOf(m) });
  }
}
beforeEach(() => {
  answered = 0;
});

const shownId = () => useTrainingStore.getState().viewed?.values?.[0] ?? null;

describe('history timeline', () => {
  it('starts live, steps one snapshot per arrow key, Home goes to the first and End back to live', async () => {
    const user = userEvent.setup();
    expect(slider()).toHaveAttribute('aria-valuemax', String(MOMENTS.length));
    expect(slider()).toHaveAttribute('aria-valuenow', String(MOMENTS.length));
    expect(label()).toHaveTextContent('Live · episode 9');
    expect(screen.getByRole('button', { name: 'Live' })).toHaveAttribute('aria-pressed', 'true');

    slider().focus();
    await user.keyboard('{ArrowLeft}');
    expect(snapshotRequests().at(-1)).toEqual({ type: 'snapshot', index: 5 });
    expect(slider()).toHaveAttribute('aria-valuenow', '5');
    expect(label()).toHaveTextContent('Episode 9 · solved');
    answer();
    expect(shownId()).toBe(5);
    expect(screen.getByRole('button', { name: 'Live' })).toHaveAttribute('aria-pressed', 'false');

    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    answer();
    expect(slider()).toHaveAttribute('aria-valuenow', '3');
    expect(label()).toHaveTextContent('Episode 3 · first reward');
    expect(shownId()).toBe(3);

    await user.keyboard('{ArrowRight}');
    answer();
    expect(label()).toHaveTextContent(/^Episode 4$/);
    expect(shownId()).toBe(4);

    await user.keyboard('{Home}');
    answer();
    expect(slider()).toHaveAttribute('aria-valuenow', '0');
    expect(shownId()).toBe(0);
    await user.keyboard('{ArrowLeft}');
    expect(slider()).toHaveAttribute('aria-valuenow', '0');

    await user.keyboard('{End}');
    expect(slider()).toHaveAttribute('aria-valuenow', String(MOMENTS.length));
    expect(label()).toHaveTextContent('Live');
    expect(useTrainingStore.getState().viewed).toBeNull();
    // Scrubbing never sent a training command.
    expect(worker.sent.some((m) => m.type === 'pause' || m.type === 'play')).toBe(false);
  });

  it('marks the first reward and the solved moment; a mark jumps there, Live comes back', async () => {
    const user = userEvent.setup();
    const first = screen.getByRole('button', { name: 'first reward: episode 3' });
    const solved = screen.getByRole('button', { name: 'solved: episode 9' });
    expect(first.style.left).toBe(`${(100 * 3) / 6}%`);
    expect(solved.style.left).toBe(`${(100 * 5) / 6}%`);
    await user.click(first);
    answer();
    expect(shownId()).toBe(3);
    expect(label()).toHaveTextContent('first reward');
    await user.click(screen.getByRole('button', { name: 'Live' }));
    expect(useTrainingStore.getState().viewed).toBeNull();
    expect(label()).toHaveTextContent('Live · episode 9');
  });

  it('keeps the moment on show when the list is thinned, and follows it to its new index', async () => {
    const user = userEvent.setup();
    slider().focus();
    await user.keyboard('{Home}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}');
    answer();
    expect(shownId()).toBe(4);
    const thinned = MOMENTS.filter((m) => m.id !== 1 && m.id !== 2);
    act(() => worker.progress({ episode: 12, history: { version: 2, moments: thinned } }));
    expect(slider()).toHaveAttribute('aria-valuenow', '2');
    expect(label()).toHaveTextContent(/^Episode 4$/);
    expect(shownId()).toBe(4);
  });

  it('replays the history from the start at the chosen speed, one snapshot after another', async () => {
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Replay the history' }));
    expect(screen.getByRole('button', { name: 'Pause the replay' })).toBeInTheDocument();
    for (let i = 0; i < MOMENTS.length; i++) {
      await waitFor(() => expect(snapshotRequests().at(-1)?.index).toBe(i));
      answer();
      expect(shownId()).toBe(i);
    }
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Replay the history' })).toBeInTheDocument(),
    );
    expect(slider()).toHaveAttribute('aria-valuenow', String(MOMENTS.length - 1));
  });

  it('"What changed" fetches the snapshot before the one shown and compares their values', async () => {
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: 'What changed' }));
    // Live: compared with the newest snapshot.
    expect(snapshotRequests().at(-1)).toEqual({ type: 'snapshot', index: 5 });
    answer();
    expect(useHistoryStore.getState().previous?.values?.[0]).toBe(5);
    slider().focus();
    await user.keyboard('{Home}{ArrowRight}{ArrowRight}');
    answer();
    expect(shownId()).toBe(2);
    expect(useHistoryStore.getState().previous?.values?.[0]).toBe(1);
    const mask = changedCells(
      useHistoryStore.getState().previous?.values,
      useTrainingStore.getState().viewed?.values,
    );
    expect(mask?.[0]).toBe(1);
    expect(mask?.slice(1).every((c) => c === 0)).toBe(true);
  });
});

describe('changedCells', () => {
  it('ignores the rounding of packed snapshots and marks real changes', () => {
    const a = Float64Array.from([0, 1, -2, 10]);
    const b = Float64Array.from([0, 1 + 1e-5, -2.5, 10]);
    expect(Array.from(changedCells(a, b)!)).toEqual([0, 0, 1, 0]);
    expect(changedCells(a, null)).toBeNull();
    expect(changedCells(a, new Float64Array(3))).toBeNull();
  });
});
