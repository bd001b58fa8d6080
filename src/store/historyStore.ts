/**
 * The page's side of the run's history (src/rl/history.ts): the recorded moments as the worker lists
 * them, which one is on show (none: live), the snapshot frames fetched so far (a few, by moment id) and
 * the timeline's options. The frame on show goes to trainingStore.viewed, which the grid draws instead
 * of the live frame. Snapshots are asked for through `request` (the controller's, see
 * trainingController.ts), one index at a time; an answer is used when its moment is still wanted, so a
 * list thinned in the meantime never shows the wrong moment.
 */
import { create } from 'zustand';
import type { Frame, HistoryIndex, Moment } from '../worker/protocol';
import { useTrainingStore } from './trainingStore';

export interface HistoryState {
  /** The run's recorded moments, oldest first. */
  moments: Moment[];
  /** The moment on show (its id), or null: live. */
  viewedId: number | null;
  /** Its index in `moments` (kept in step when the list changes). */
  viewedIndex: number | null;
  /** The moment whose frame is on show (it lags `viewedId` while that snapshot is on its way). */
  shown: Moment | null;
  /** "What changed": mark the cells whose value changed since the snapshot before the one shown. */
  showChanged: boolean;
  /** That snapshot's frame (live: the newest snapshot's), when "what changed" is on and it has come. */
  previous: Frame | null;
  /** The timeline plays the history as an animation. */
  playing: boolean;
  /** Snapshots a second while playing. */
  playSpeed: number;
}

export const PLAY_SPEEDS = [2, 5, 10, 20] as const;

const initial = (): HistoryState => ({
  moments: [],
  viewedId: null,
  viewedIndex: null,
  shown: null,
  showChanged: false,
  previous: null,
  playing: false,
  playSpeed: 5,
});

export const useHistoryStore = create<HistoryState>()(initial);

/** Frames fetched, by moment id (the few last used), and the requests on their way (index -> id). */
const CACHE = 6;
const cache = new Map<number, Frame>();
const pending = new Map<number, number>();

export type SnapshotRequest = (index: number) => void;

/** A snapshot as the worker answers: the moment now at the index asked for and its frame (null: none). */
export interface SnapshotAnswer {
  moment: Moment | null;
  frame: Frame | null;
}

/** Callers of fetchSnapshot waiting for an index's answer (the replay export; the view is untouched). */
const fetches = new Map<number, Array<(a: SnapshotAnswer) => void>>();

function settleFetches(index: number | null, answer: SnapshotAnswer): void {
  for (const [i, waiting] of [...fetches]) {
    if (index !== null && i !== index) continue;
    fetches.delete(i);
    for (const resolve of waiting) resolve(answer);
  }
}

/**
 * The snapshot at `index` without showing it, through the same request path as the view. The moment
 * that comes is the one at that index when the worker answered (the list may have been thinned since:
 * compare its id); a new run answers every waiting fetch with nulls.
 */
export function fetchSnapshot(index: number, request: SnapshotRequest): Promise<SnapshotAnswer> {
  return new Promise((resolve) => {
    const waiting = fetches.get(index);
    if (waiting) waiting.push(resolve);
    else {
      fetches.set(index, [resolve]);
      request(index);
    }
  });
}

/** A new run: nothing recorded, live, the options kept. */
export function resetHistory(): void {
  cache.clear();
  pending.clear();
  settleFetches(null, { moment: null, frame: null });
  const { showChanged, playSpeed } = useHistoryStore.getState();
  useHistoryStore.setState({ ...initial(), showChanged, playSpeed });
  useTrainingStore.setState({ viewed: null });
}

function remember(id: number, f: Frame): void {
  cache.delete(id);
  cache.set(id, f);
  while (cache.size > CACHE) cache.delete(cache.keys().next().value as number);
}

/** The id of the snapshot "what changed" compares with, or null. */
function previousId(s: HistoryState): number | null {
  if (!s.showChanged) return null;
  const i = (s.viewedIndex ?? s.moments.length) - 1;
  return i >= 0 ? s.moments[i].id : null;
}

/** Shows what has come and asks for what is still missing (the viewed and the previous snapshot). */
function sync(request: SnapshotRequest): void {
  const s = useHistoryStore.getState();
  const prevId = previousId(s);
  const previous = prevId !== null ? cache.get(prevId) : null;
  // The shown frame and the one it is compared with change together (never a stale comparison).
  if (previous !== undefined) {
    const patch: Partial<HistoryState> = previous !== s.previous ? { previous } : {};
    const viewed = s.viewedId !== null ? cache.get(s.viewedId) : undefined;
    if (viewed && s.shown?.id !== s.viewedId) {
      patch.shown = s.moments[s.viewedIndex ?? -1] ?? s.shown;
      useTrainingStore.setState({ viewed });
    }
    if (Object.keys(patch).length) useHistoryStore.setState(patch);
  }
  const waiting = new Set(pending.values());
  for (const id of [s.viewedId, prevId]) {
    if (id === null || cache.has(id) || waiting.has(id)) continue;
    const index = s.moments.findIndex((m) => m.id === id);
    if (index < 0) continue;
    pending.set(index, id);
    waiting.add(id);
    request(index);
  }
}

/** The worker's list of moments changed. */
export function applyHistoryIndex(h: HistoryIndex, request: SnapshotRequest): void {
  const s = useHistoryStore.getState();
  const moments = h.moments;
  let viewedId = s.viewedId;
  let viewedIndex: number | null = null;
  if (viewedId !== null) {
    // A thinned-away moment gives way to the next one recorded after it (ids grow with time).
    viewedIndex = moments.findIndex((m) => m.id >= viewedId!);
    if (viewedIndex < 0) viewedIndex = moments.length - 1;
    viewedId = moments[viewedIndex]?.id ?? null;
    if (viewedId === null) viewedIndex = null;
  }
  const ids = new Set(moments.map((m) => m.id));
  for (const id of [...cache.keys()]) if (!ids.has(id)) cache.delete(id);
  pending.clear();
  useHistoryStore.setState({ moments, viewedId, viewedIndex });
  if (viewedId === null && s.viewedId !== null) useTrainingStore.setState({ viewed: null });
  sync(request);
}

/** A snapshot came. */
export function applySnapshot(
  msg: { index: number; moment: Moment | null; frame: Frame | null },
  request: SnapshotRequest,
): void {
  pending.delete(msg.index);
  if (msg.moment && msg.frame) remember(msg.moment.id, msg.frame);
  settleFetches(msg.index, { moment: msg.moment, frame: msg.frame });
  sync(request);
}

/** Shows the moment at `index` (null or past the end: live). */
export function viewMoment(index: number | null, request: SnapshotRequest): void {
  const { moments } = useHistoryStore.getState();
  if (index === null || index < 0 || index >= moments.length || !Number.isInteger(index)) {
    useHistoryStore.setState({ viewedId: null, viewedIndex: null, shown: null, playing: false });
    useTrainingStore.setState({ viewed: null });
  } else useHistoryStore.setState({ viewedId: moments[index].id, viewedIndex: index });
  sync(request);
}

export function setShowChanged(on: boolean, request: SnapshotRequest): void {
  useHistoryStore.setState({ showChanged: on, ...(on ? {} : { previous: null }) });
  sync(request);
}

/** Starts or stops the timeline's animation (the Timeline steps it). */
export function setPlaying(playing: boolean): void {
  useHistoryStore.setState({ playing });
}

export function setPlaySpeed(playSpeed: number): void {
  if (Number.isFinite(playSpeed) && playSpeed > 0) useHistoryStore.setState({ playSpeed });
}

/** The episode the views mark as the one on show (null: live). */
export function selectViewedEpisode(s: HistoryState): number | null {
  return s.viewedIndex !== null ? (s.moments[s.viewedIndex]?.episode ?? null) : null;
}
