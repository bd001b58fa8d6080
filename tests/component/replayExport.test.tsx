// Exporting the history (src/store/replayExport.ts, src/ui/history/replayPainter.ts, ExportDialog.tsx,
// the timeline's Export) against
// a fake training worker that answers snapshot requests: every recorded moment becomes one frame of a
// GIF89a (marked and last moments held longer), through a worker or in slices here, the moment on show
// is left alone, a list thinned between question and answer is looked up again, Cancel stops it, and
// Export waits for a history.
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GifBuilder, readGifInfo } from '../../src/export/gif';
import { resetConfigStore } from '../../src/store/configStore';
import { resetHistory, useHistoryStore } from '../../src/store/historyStore';
import { connectTraining, timeline } from '../../src/store/trainingController';
import { useTrainingStore } from '../../src/store/trainingStore';
import { Timeline } from '../../src/ui/history/Timeline';
import { ExportCancelled, exportReplay } from '../../src/ui/history/replayPainter';
import type { GifWorkerReply, GifWorkerRequest } from '../../src/export/gifWorker';
import type { Frame, Moment, ToWorker } from '../../src/worker/protocol';
import { fakeFactory, makeProgress, type FakeWorker } from './fakeWorker';
import { recordingContext } from './overlayCanvasStub';

const MOMENTS: Moment[] = [
  { id: 0, episode: 0, steps: 0, plans: 0, marks: [] },
  { id: 1, episode: 1, steps: 200, plans: 0, marks: [] },
  { id: 2, episode: 2, steps: 400, plans: 0, marks: ['first-success'] },
  { id: 3, episode: 5, steps: 600, plans: 0, marks: [] },
  { id: 4, episode: 9, steps: 800, plans: 0, marks: [] },
];

let disconnect = () => {};
let worker: FakeWorker;
let n = 64;
let downloads: { blob: Blob; name: string }[] = [];

function frameOf(m: Moment): Frame {
  const f = makeProgress(n, 500).frame;
  f.values = new Float64Array(n).fill(m.id / 10);
  return f;
}

/** The worker's list of moments now (a test may thin it). */
let listed: Moment[] = MOMENTS;
/** Called before each snapshot answer (a test may change the list there). */
let beforeAnswer: (index: number) => void = () => {};

/** The fake training worker answers each snapshot request a moment later, as the real one does. */
function autoAnswer(w: FakeWorker): void {
  const post = w.postMessage.bind(w);
  w.postMessage = (msg: ToWorker) => {
    post(msg);
    if (msg.type !== 'snapshot') return;
    beforeAnswer(msg.index);
    const m = listed[msg.index];
    setTimeout(() =>
      act(() =>
        w.onmessage?.({
          data: {
            type: 'snapshot',
            runId: w.lastInit().runId,
            index: msg.index,
            moment: m,
            frame: frameOf(m),
          },
        } as MessageEvent),
      ),
    );
  };
}

beforeEach(() => {
  listed = MOMENTS;
  beforeAnswer = () => {};
  resetConfigStore();
  resetHistory();
  useHistoryStore.setState({ showChanged: false, playSpeed: 5 });
  const f = fakeFactory();
  disconnect = connectTraining(f.factory);
  worker = f.current();
  const init = worker.lastInit();
  n = init.config.env.grid.length * init.config.env.grid[0].length;
  autoAnswer(worker);
  worker.ready({ episode: 9, history: { version: 1, moments: MOMENTS } });
  downloads = [];
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
    () => recordingContext().ctx as unknown as never,
  );
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  let last: Blob | null = null;
  URL.createObjectURL = vi.fn((b: Blob) => {
    last = b;
    return 'blob:export';
  });
  URL.revokeObjectURL = vi.fn();
  const append = document.body.appendChild.bind(document.body);
  vi.spyOn(document.body, 'appendChild').mockImplementation(<T extends Node>(node: T): T => {
    if (node instanceof HTMLAnchorElement && last) downloads.push({ blob: last, name: node.download });
    return append(node);
  });
});
afterEach(() => {
  cleanup();
  disconnect();
  vi.restoreAllMocks();
});

async function gifOf(blob: Blob) {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return { head: String.fromCharCode(...bytes.subarray(0, 6)), info: readGifInfo(bytes) };
}

/** A stand-in for the GIF worker: encodes with the real GifBuilder, answering a moment later. */
class FakeGifWorker {
  onmessage: ((e: MessageEvent<GifWorkerReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  maxQueued = 0;
  private queued = 0;
  private builder = new GifBuilder();
  postMessage(m: GifWorkerRequest): void {
    this.queued++;
    this.maxQueued = Math.max(this.maxQueued, this.queued);
    setTimeout(() => {
      this.queued--;
      let reply: GifWorkerReply;
      if (m.type === 'frame') {
        this.builder.add({
          width: m.width,
          height: m.height,
          delayMs: m.delayMs,
          data: new Uint8ClampedArray(m.buffer),
        });
        reply = { type: 'encoded', frames: this.builder.frames };
      } else {
        const bytes = this.builder.finish();
        reply = { type: 'done', frames: this.builder.frames, buffer: bytes.buffer as ArrayBuffer };
      }
      this.onmessage?.({ data: reply } as MessageEvent<GifWorkerReply>);
    }, 5);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('exporting the replay', () => {
  it('makes a GIF89a with one frame per recorded moment, held longer at the marks, the view staying live', async () => {
    const progress: number[] = [];
    const viewed: (number | null)[] = [];
    const unsubscribe = useHistoryStore.subscribe((s) => viewed.push(s.viewedId));
    const result = await exportReplay('gif', {
      createWorker: null,
      onProgress: (p) => progress.push(p.done),
    });
    unsubscribe();
    expect(viewed.filter((v) => v !== null)).toEqual([]);
    expect(result.frames).toBe(MOMENTS.length);
    expect(downloads).toHaveLength(1);
    expect(downloads[0].name).toMatch(/^gridworld-.*-history-\d{8}-\d{4}\.gif$/);
    expect(downloads[0].blob.type).toBe('image/gif');
    const { head, info } = await gifOf(downloads[0].blob);
    expect(head).toBe('GIF89a');
    expect(info?.frames).toBe(MOMENTS.length);
    // 5 a second; the first reward 1 s, the last 2 s.
    expect(info?.delays).toEqual([200, 200, 1000, 200, 2000]);
    expect(progress.at(-1)).toBe(MOMENTS.length);
    expect(useHistoryStore.getState().viewedId).toBeNull();
    expect(useTrainingStore.getState().viewed).toBeNull();
  });

  it('encodes in the GIF worker with few frames in flight, leaving the moment on show alone', async () => {
    act(() => timeline.view(3));
    await waitFor(() => expect(useHistoryStore.getState().shown?.id).toBe(3));
    const gifWorker = new FakeGifWorker();
    const result = await exportReplay('gif', { createWorker: () => gifWorker as unknown as Worker });
    expect(result.frames).toBe(MOMENTS.length);
    const { head, info } = await gifOf(downloads[0].blob);
    expect(head).toBe('GIF89a');
    expect(info?.frames).toBe(MOMENTS.length);
    expect(gifWorker.maxQueued).toBeLessThanOrEqual(3);
    expect(gifWorker.terminated).toBe(true);
    expect(useHistoryStore.getState().shown?.id).toBe(3);
    expect(useHistoryStore.getState().viewedId).toBe(3);
  });

  it('looks a moment up again when the list was thinned between the question and the answer', async () => {
    beforeAnswer = (index) => {
      if (index !== 2 || listed !== MOMENTS) return;
      // Moment 1 is thinned away just before the worker answers for index 2 (now moment 3).
      listed = MOMENTS.filter((m) => m.id !== 1);
      worker.progress({ episode: 9, history: { version: 2, moments: listed } });
    };
    const result = await exportReplay('gif', { createWorker: null });
    const asked = worker.of('snapshot').map((m) => m.index);
    // 0, 1, 2 (answered with moment 3), moment 2 again at 1, then moments 3 and 4 at 2 and 3.
    expect(asked).toEqual([0, 1, 2, 1, 2, 3]);
    expect(result.frames).toBe(5);
  });

  it('stops when cancelled, downloading nothing', async () => {
    const ctrl = new AbortController();
    const run = exportReplay('gif', {
      createWorker: null,
      signal: ctrl.signal,
      onProgress: (p) => p.done === 2 && ctrl.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(ExportCancelled);
    expect(downloads).toHaveLength(0);
    expect(useHistoryStore.getState().viewedId).toBeNull();
  });

  it('says so when there is nothing recorded, and the video needs a browser that records', async () => {
    resetHistory();
    await expect(exportReplay('gif')).rejects.toThrow(/no history to export yet/);
    worker.progress({ history: { version: 2, moments: MOMENTS } });
    await expect(exportReplay('webm')).rejects.toThrow(/cannot record a video/);
  });
});

describe('the timeline’s Export', () => {
  it('waits for a history, then opens the dialog that makes and saves the GIF', async () => {
    resetHistory();
    const user = userEvent.setup();
    render(<Timeline />);
    const exportButton = screen.getByRole('button', { name: 'Export' });
    expect(exportButton).toHaveAttribute('aria-disabled', 'true');
    expect(exportButton.title).toMatch(/nothing is recorded yet/);
    await user.click(exportButton);
    expect(screen.queryByRole('dialog')).toBeNull();
    // The run's start alone is no replay.
    worker.progress({ episode: 0, history: { version: 2, moments: MOMENTS.slice(0, 1) } });
    expect(exportButton).toHaveAttribute('aria-disabled', 'true');

    worker.progress({ episode: 9, history: { version: 3, moments: MOMENTS } });
    expect(exportButton).not.toHaveAttribute('aria-disabled');
    await user.click(exportButton);
    const dialog = await screen.findByRole('dialog', { name: 'Export the replay' });
    expect(dialog).toHaveTextContent('5 recorded moments');
    // No MediaRecorder here: the video is offered but refused, with the reason.
    const video = screen.getByRole('button', { name: 'Export video' });
    expect(video).toHaveAttribute('aria-disabled', 'true');
    expect(video.title).toMatch(/cannot record a video/);
    await user.click(screen.getByRole('button', { name: 'Export GIF' }));
    expect(await screen.findByTestId('export-done', {}, { timeout: 10_000 })).toHaveTextContent(
      /Saved gridworld-.*\.gif \(5 frames, \d+ KB\)/,
    );
    expect(downloads).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
