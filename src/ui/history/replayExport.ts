/**
 * The history as an animated GIF or a WebM video (loaded on demand, with the export dialog). Each
 * recorded moment is fetched through the timeline's snapshot requests (historyStore's request path; the
 * moment on show and the run are left alone), drawn offscreen with the grid's own drawing code
 * (drawOverlay, the overlays switched on now, "What changed" too when it is on) at a size of at most
 * FRAME_MAX px, under a caption with the lesson's title and the moment's episode. GIF: the frames'
 * pixels go to a module worker (src/worker/gifWorker.ts) that quantises and encodes them with gifenc, a
 * few frames in flight; the page only draws, one frame per slice. Video: the frames are drawn onto a
 * canvas recorded by MediaRecorder (src/export/video.ts), in real time. The file is downloaded through
 * a blob: URL.
 */
import { compileGrid } from '../../rl/grid';
import { downloadBlob } from '../../export/download';
import { exportFileName } from '../../export/fileNames';
import { ExportCancelled, GifBuilder, nextSlice, readGifInfo, type RgbaFrame } from '../../export/gif';
import { CanvasRecorder, webmType } from '../../export/video';
import { useConfigStore } from '../../store/configStore';
import { useHistoryStore } from '../../store/historyStore';
import { timeline } from '../../store/trainingController';
import { useTrainingStore } from '../../store/trainingStore';
import { useUiStore } from '../../store/uiStore';
import { themeColors, type Theme } from '../theme';
import { agentGreedyPath } from '../grid/greedyPath';
import { drawOverlay, type OverlayData } from '../grid/overlay/drawOverlay';
import { getPalette } from '../grid/overlay/palette';
import { Scratch } from '../grid/overlay/scratch';
import type { GifWorkerReply, GifWorkerRequest } from '../../worker/gifWorker';
import type { Frame, Moment } from '../../worker/protocol';
import { changedCells } from './changedCells';
import { momentLabel } from './momentLabel';

export { ExportCancelled } from '../../export/gif';
export { webmType } from '../../export/video';

export type ExportFormat = 'gif' | 'webm';

/** Longest side of the grid in a frame (px). */
export const FRAME_MAX = 480;
/** Narrowest frame (room for the caption). */
const FRAME_MIN_WIDTH = 320;
const MAX_CELL = 60;
const CAPTION_H = 46;
const PAD = 10;
/** How long a marked moment and the last one stay on screen (ms, at least). */
const MARK_HOLD_MS = 1000;
const LAST_HOLD_MS = 2000;
/** Frames sent to the GIF worker and not yet encoded, at most. */
const IN_FLIGHT = 2;
/** Longest wait for one snapshot from the training worker. */
const SNAPSHOT_TIMEOUT_MS = 20_000;

export interface ExportProgress {
  /** Frames done (drawn and encoded, or recorded) out of total. */
  done: number;
  total: number;
}

export interface ExportResult {
  fileName: string;
  bytes: number;
  frames: number;
  /** The longest this thread spent on one frame (drawing it and reading its pixels), ms. */
  slowestFrameMs: number;
}

export interface ExportOptions {
  signal?: AbortSignal;
  onProgress?(p: ExportProgress): void;
  /** Starts the GIF worker (tests pass a fake; null: encode on this thread in slices). */
  createWorker?: (() => Worker) | null;
}

/** The system's colour scheme (what the grid paints with). */
function systemTheme(): Theme {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}

/** The lesson's title on show, else a plain one. */
function titleOf(): string {
  const story = useUiStore.getState().story;
  if (story?.title) return story.title;
  const { agent, env } = useConfigStore.getState().config;
  return `Gridworld ${env.grid[0].length} x ${env.grid.length} · ${agent.type}`;
}

/** Size of a frame for a width x height grid. */
export function frameLayout(width: number, height: number) {
  const cs = Math.max(2, Math.min(MAX_CELL, Math.floor(FRAME_MAX / Math.max(width, height))));
  const gridW = width * cs;
  const gridH = height * cs;
  const w = Math.max(FRAME_MIN_WIDTH, gridW + 2 * PAD);
  return { cs, gridW, gridH, width: w, height: CAPTION_H + gridH + PAD, gridX: Math.round((w - gridW) / 2) };
}

function newCanvas(w: number, h: number): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('this browser cannot draw images (no 2D canvas)');
  return { canvas, ctx };
}

/** Draws one moment's frame: the caption, then the grid as GridView draws it. */
class FramePainter {
  private readonly config = useConfigStore.getState().config;
  private readonly grid = compileGrid(this.config.env);
  private readonly show = useUiStore.getState().show;
  private readonly theme = systemTheme();
  private readonly palette = getPalette(this.theme);
  private readonly colors = themeColors(this.theme);
  private readonly scratch = new Scratch();
  private readonly title = titleOf();
  private readonly rewards: Map<number, number>;
  readonly layout = frameLayout(this.grid.width, this.grid.height);
  readonly out = newCanvas(this.layout.width, this.layout.height);
  private readonly gridCanvas = newCanvas(this.layout.gridW, this.layout.gridH);

  constructor() {
    const w = this.grid.width;
    this.rewards = new Map(this.config.env.cellRewards.map((c) => [c.y * w + c.x, c.reward] as const));
  }

  paint(moment: Moment, f: Frame, previous: Frame | null): void {
    const { grid, layout, show } = this;
    const greedy = show.greedy && f.nStates === grid.nStates ? agentGreedyPath({ grid, frame: f }) : null;
    const data: OverlayData = {
      width: grid.width,
      height: grid.height,
      cells: grid.cells,
      cellSize: layout.cs,
      cellRewards: this.rewards,
      values: f.values,
      q: f.q,
      shaped: f.shaped,
      policy: f.policy,
      visits: f.visits,
      episodeVisits: f.episodeVisits,
      trail: f.trail,
      trailLength: f.trail.length,
      agent: f.agent,
      show: { ...show, search: false },
      greedyPath: greedy && greedy.outcome !== 'none' ? greedy : null,
      changed: previous ? changedCells(previous.values, f.values) : null,
    };
    const g = this.gridCanvas.ctx;
    g.setTransform(1, 0, 0, 1, 0, 0);
    drawOverlay(g, data, this.palette, this.scratch, { dpr: 1, theme: this.theme });

    const { ctx } = this.out;
    const ui = this.colors.ui;
    ctx.fillStyle = ui.surface;
    ctx.fillRect(0, 0, layout.width, layout.height);
    ctx.textBaseline = 'alphabetic';
    ctx.fillStyle = ui.text;
    ctx.font = '600 16px system-ui, sans-serif';
    ctx.fillText(fit(ctx, this.title, layout.width - 2 * PAD), PAD, 20);
    ctx.fillStyle = ui.muted;
    ctx.font = '14px system-ui, sans-serif';
    ctx.fillText(fit(ctx, momentLabel(moment), layout.width - 2 * PAD), PAD, 39);
    ctx.drawImage(this.gridCanvas.canvas, layout.gridX, CAPTION_H);
  }

  pixels(delayMs: number): RgbaFrame {
    const { width, height } = this.layout;
    const img = this.out.ctx.getImageData(0, 0, width, height);
    return { width, height, data: img.data, delayMs };
  }
}

/** `text`, shortened with an ellipsis to fit `max` px. */
function fit(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

/** `p`, or a rejection when `signal` aborts (ExportCancelled) or `ms` pass first. */
function within<T>(p: Promise<T>, signal: AbortSignal | undefined, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => finish(() => reject(new ExportCancelled()));
    const timer = setTimeout(
      () => finish(() => reject(new Error('the training worker did not send a recorded moment in time'))),
      ms,
    );
    const finish = (fn: () => void) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);
    p.then(
      (v) => finish(() => resolve(v)),
      (e: unknown) => finish(() => reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}

interface Fetched {
  moment: Moment;
  frame: Frame;
}

/**
 * Fetches the moments with these ids one by one through the timeline's snapshot requests (the view
 * on show is left alone); a moment thinned away meanwhile is skipped; stops with an error when the
 * run is replaced.
 */
class MomentFetcher {
  private readonly runId = useTrainingStore.getState().runId;
  constructor(private readonly signal?: AbortSignal) {}

  private checkRun(): void {
    if (this.signal?.aborted) throw new ExportCancelled();
    if (useTrainingStore.getState().runId !== this.runId)
      throw new Error('the run was reset during the export');
  }

  /** The moment `id` and its frame (null: it is gone from the history). */
  async fetch(id: number): Promise<Fetched | null> {
    // The index is looked up again when the list was thinned between the question and the answer.
    for (let tries = 0; tries < 4; tries++) {
      this.checkRun();
      const index = useHistoryStore.getState().moments.findIndex((m) => m.id === id);
      if (index < 0) return null;
      const answer = await within(timeline.snapshot(index), this.signal, SNAPSHOT_TIMEOUT_MS);
      this.checkRun();
      if (answer.moment?.id === id && answer.frame) return { moment: answer.moment, frame: answer.frame };
    }
    return null;
  }
}

/** How long a moment shows: the replay speed's step, longer for a marked moment and the last. */
function delayOf(m: Moment, last: boolean): number {
  const step = 1000 / useHistoryStore.getState().playSpeed;
  if (last) return Math.max(step, LAST_HOLD_MS);
  return m.marks.length > 0 ? Math.max(step, MARK_HOLD_MS) : step;
}

/** Encodes frames in the GIF worker (a few in flight), or here in slices when there is none. */
class GifSink {
  private worker: Worker | null = null;
  private local: GifBuilder | null = null;
  private sent = 0;
  private encoded = 0;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private result: ((r: { buffer: ArrayBuffer; frames: number }) => void) | null = null;

  constructor(
    create: (() => Worker) | null,
    private readonly onEncoded: (n: number) => void,
  ) {
    if (!create) {
      this.local = new GifBuilder();
      return;
    }
    const w = create();
    this.worker = w;
    w.onmessage = (e: MessageEvent<GifWorkerReply>) => {
      const m = e.data;
      if (m.type === 'encoded') {
        this.encoded = m.frames;
        this.onEncoded(m.frames);
      } else if (m.type === 'done') this.result?.({ buffer: m.buffer, frames: m.frames });
      else this.fail(new Error(m.message));
      this.poke();
    };
    w.onerror = (e) => {
      e.preventDefault?.();
      this.fail(new Error(`the GIF encoder stopped (${e.message || 'it could not start'})`));
      this.poke();
    };
  }

  private fail(e: Error): void {
    this.failure ??= e;
  }
  private poke(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }
  private check(): void {
    if (this.failure) throw this.failure;
  }

  private post(msg: GifWorkerRequest, transfer: Transferable[] = []): void {
    this.worker!.postMessage(msg, transfer);
  }

  async add(f: RgbaFrame, signal?: AbortSignal): Promise<void> {
    this.check();
    if (this.local) {
      await nextSlice();
      if (signal?.aborted) throw new ExportCancelled();
      this.local.add(f);
      this.onEncoded(this.local.frames);
      return;
    }
    const buffer = f.data.buffer as ArrayBuffer;
    this.post({ type: 'frame', width: f.width, height: f.height, delayMs: f.delayMs, buffer }, [buffer]);
    this.sent++;
    while (this.sent - this.encoded > IN_FLIGHT) {
      await new Promise<void>((r) => (this.wake = r));
      this.check();
      if (signal?.aborted) throw new ExportCancelled();
    }
  }

  async finish(): Promise<Uint8Array> {
    this.check();
    if (this.local) return this.local.finish();
    const r = await new Promise<{ buffer: ArrayBuffer; frames: number }>((resolve, reject) => {
      this.result = resolve;
      this.wake = () => {
        if (this.failure) reject(this.failure);
      };
      this.post({ type: 'finish' });
    });
    return new Uint8Array(r.buffer);
  }

  close(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}

function browserGifWorker(): Worker {
  return new Worker(new URL('../../worker/gifWorker.ts', import.meta.url), { type: 'module', name: 'gif' });
}

interface Job {
  ids: number[];
  /** "What changed" on: each frame outlines the cells changed since the one before. */
  changed: boolean;
  painter: FramePainter;
  fetcher: MomentFetcher;
  progress(done: number): void;
  signal?: AbortSignal;
}

async function exportGif(job: Job, create: (() => Worker) | null): Promise<ExportResult> {
  const { ids, painter, fetcher, signal } = job;
  const sink = new GifSink(create, job.progress);
  let slowest = 0;
  try {
    let previous: Frame | null = null;
    for (let i = 0; i < ids.length; i++) {
      const got = await fetcher.fetch(ids[i]);
      if (!got) continue;
      const t0 = performance.now();
      painter.paint(got.moment, got.frame, job.changed ? previous : null);
      previous = got.frame;
      const pixels = painter.pixels(delayOf(got.moment, i === ids.length - 1));
      slowest = Math.max(slowest, performance.now() - t0);
      await sink.add(pixels, signal);
      await nextSlice();
    }
    const bytes = await sink.finish();
    const info = readGifInfo(bytes);
    if (!info || info.frames === 0) throw new Error('the GIF encoder gave a broken file');
    job.progress(ids.length);
    const fileName = exportFileName(useConfigStore.getState().config, 'gif', 'history');
    downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/gif' }), fileName);
    return { fileName, bytes: bytes.length, frames: info.frames, slowestFrameMs: slowest };
  } finally {
    sink.close();
  }
}

async function exportWebm(job: Job): Promise<ExportResult> {
  const { ids, painter, fetcher, signal } = job;
  const recorder = new CanvasRecorder(painter.out.canvas);
  let slowest = 0;
  try {
    let frames = 0;
    let previous: Frame | null = null;
    let next = await fetcher.fetch(ids[0]);
    for (let i = 0; i < ids.length; i++) {
      const got = next;
      const last = i + 1 >= ids.length;
      if (!got) {
        next = last ? null : await fetcher.fetch(ids[i + 1]);
        continue;
      }
      const t0 = performance.now();
      painter.paint(got.moment, got.frame, job.changed ? previous : null);
      previous = got.frame;
      slowest = Math.max(slowest, performance.now() - t0);
      const held = recorder.hold(delayOf(got.moment, last), signal);
      held.catch(() => {}); // awaited below; a cancel while the next one is fetched is seen there
      // The next moment is fetched while this one is on screen.
      next = last ? null : await fetcher.fetch(ids[i + 1]);
      await held;
      frames++;
      job.progress(i + 1);
    }
    const blob = await recorder.stop();
    const fileName = exportFileName(useConfigStore.getState().config, 'webm', 'history');
    downloadBlob(blob, fileName);
    return { fileName, bytes: blob.size, frames, slowestFrameMs: slowest };
  } catch (e) {
    recorder.cancel();
    throw e;
  }
}

/** Exports the run's history (the moments recorded now) as `format`, downloads it and says what was
 *  saved. */
export async function exportReplay(format: ExportFormat, opts: ExportOptions = {}): Promise<ExportResult> {
  const { signal, onProgress } = opts;
  const history = useHistoryStore.getState();
  const ids = history.moments.map((m) => m.id);
  if (ids.length === 0) throw new Error('there is no history to export yet: train a few episodes first');
  if (format === 'webm' && !webmType()) throw new Error('this browser cannot record a video of the grid');
  const total = ids.length;
  const job: Job = {
    ids,
    changed: history.showChanged,
    painter: new FramePainter(),
    fetcher: new MomentFetcher(signal),
    progress: (done) => onProgress?.({ done: Math.min(done, total), total }),
    signal,
  };
  job.progress(0);
  if (format === 'webm') return exportWebm(job);
  const create =
    opts.createWorker !== undefined
      ? opts.createWorker
      : typeof Worker === 'function'
        ? browserGifWorker
        : null;
  return exportGif(job, create);
}
