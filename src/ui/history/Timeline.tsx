/**
 * The run's history under the grid: a slider over the recorded moments whose right end is Live
 * (arrows step one snapshot, Home is the first, End is live), marks for the first reward and the first
 * solved greedy path, a label for the moment on show, "What changed", Play (the history as an
 * animation at a chosen speed) and Live. The grid and the charts follow (trainingStore.viewed, the
 * charts' cursor); training goes on meanwhile. Its height is fixed (timeline.css), so it never moves
 * the grid.
 */
import { lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { PLAY_SPEEDS, setPlaying, setPlaySpeed, useHistoryStore } from '../../store/historyStore';
import { timeline } from '../../store/trainingController';
import { useTrainingStore } from '../../store/trainingStore';
import { fmt, markNames, momentLabel } from './momentLabel';
import './timeline.css';

const MARK_TIPS: Record<string, string> = {
  'first reward': 'First reward: the first episode that reached a goal',
  solved: 'Solved: the first time the greedy path (the best move in every cell) reached the goal',
};

// The export dialog and the encoder load only when Export is pressed (the first load stays small).
const ExportDialog = lazy(() => import('./ExportDialog').then((m) => ({ default: m.ExportDialog })));

const pct = (i: number, n: number) => `${n > 0 ? (100 * i) / n : 100}%`;

/** Moves the view to position `i` of 0..n (n: live); a user's move stops the animation. */
function go(i: number, n: number): void {
  setPlaying(false);
  if (i >= n) timeline.live();
  else timeline.view(Math.max(0, i));
}

export function Timeline() {
  const moments = useHistoryStore((s) => s.moments);
  const viewedIndex = useHistoryStore((s) => s.viewedIndex);
  const showChanged = useHistoryStore((s) => s.showChanged);
  const playing = useHistoryStore((s) => s.playing);
  const playSpeed = useHistoryStore((s) => s.playSpeed);
  const episode = useTrainingStore((s) => s.episode);
  const track = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const [exporting, setExporting] = useState(false);
  // A replay needs two moments at least (the run's start is recorded at once).
  const canExport = moments.length >= 2;
  const n = moments.length;
  const pos = viewedIndex ?? n;
  const live = viewedIndex === null;
  const viewed = live ? null : moments[viewedIndex];
  const label = viewed ? momentLabel(viewed) : `Live · episode ${fmt(episode)}`;

  // Playing: one snapshot per tick, once the one on show has come; stops at the last.
  useEffect(() => {
    if (!playing) return;
    const id = setInterval(() => {
      const s = useHistoryStore.getState();
      if (s.viewedIndex === null || s.shown?.id !== s.viewedId) return;
      if (s.viewedIndex + 1 >= s.moments.length) setPlaying(false);
      else timeline.view(s.viewedIndex + 1);
    }, 1000 / playSpeed);
    return () => clearInterval(id);
  }, [playing, playSpeed]);

  const onKey = (e: KeyboardEvent) => {
    const step: Record<string, number> = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1 };
    const page = Math.max(1, Math.round(n / 10));
    let to: number | null = null;
    if (e.key in step) to = pos + step[e.key];
    else if (e.key === 'PageDown') to = pos - page;
    else if (e.key === 'PageUp') to = pos + page;
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = n;
    if (to === null || n === 0) return;
    e.preventDefault();
    to = Math.max(0, Math.min(n, to));
    if (to !== pos) go(to, n);
  };

  const fromPointer = (e: PointerEvent) => {
    const r = track.current?.getBoundingClientRect();
    if (!r || r.width <= 0 || n === 0) return;
    const i = Math.round(((e.clientX - r.left) / r.width) * n);
    const to = Math.max(0, Math.min(n, i));
    if (to !== pos) go(to, n);
  };

  const play = () => {
    if (playing) {
      setPlaying(false);
      return;
    }
    if (n === 0) return;
    timeline.view(live || pos >= n - 1 ? 0 : pos);
    setPlaying(true);
  };

  return (
    <section className="timeline" aria-label="History">
      <div className="timeline-body">
        <div
          ref={track}
          className="timeline-track"
          role="slider"
          tabIndex={n > 0 ? 0 : -1}
          aria-label="History"
          aria-valuemin={0}
          aria-valuemax={n}
          aria-valuenow={pos}
          aria-valuetext={label}
          aria-disabled={n === 0 || undefined}
          title="The recorded moments of this run, oldest on the left; the right end is live"
          onKeyDown={onKey}
          onPointerDown={(e) => {
            dragging.current = true;
            e.currentTarget.setPointerCapture?.(e.pointerId);
            fromPointer(e);
          }}
          onPointerMove={(e) => {
            if (dragging.current) fromPointer(e);
          }}
          onPointerUp={() => {
            dragging.current = false;
          }}
          onPointerCancel={() => {
            dragging.current = false;
          }}
        >
          <div className="timeline-rail" />
          <div className="timeline-fill" style={{ width: pct(pos, n) }} />
          <div className={`timeline-thumb${live ? ' is-live' : ''}`} style={{ left: pct(pos, n) }} />
        </div>
        <div className="timeline-marks">
          {moments.map((m, i) => {
            const names = markNames(m);
            if (names.length === 0) return null;
            const kind = m.marks.includes('first-success') ? 'first' : 'solved';
            return (
              <button
                key={m.id}
                type="button"
                className={`timeline-mark mark-${kind}`}
                style={{ left: pct(i, n) }}
                aria-label={`${names.join(', ')}: episode ${fmt(m.episode)}`}
                title={`${names.map((x) => MARK_TIPS[x]).join('; ')} (episode ${fmt(m.episode)})`}
                onClick={() => go(i, n)}
              />
            );
          })}
        </div>
      </div>
      <button
        type="button"
        className="timeline-play"
        onClick={play}
        disabled={n === 0}
        aria-label={playing ? 'Pause the replay' : 'Replay the history'}
        title="Play the recorded moments one after another"
      >
        {playing ? '❚❚' : '▶'}
      </button>
      <select
        className="timeline-speed"
        aria-label="Replay speed"
        value={playSpeed}
        onChange={(e) => setPlaySpeed(Number(e.target.value))}
      >
        {PLAY_SPEEDS.map((v) => (
          <option key={v} value={v}>
            {v}/s
          </option>
        ))}
      </select>
      <span className="timeline-label" data-testid="timeline-label" title={label}>
        {label}
      </span>
      <label
        className="toggle timeline-changed"
        title="Outline the cells whose value changed since the snapshot before the one shown"
      >
        <input
          type="checkbox"
          checked={showChanged}
          onChange={(e) => timeline.showChanged(e.target.checked)}
        />
        What changed
      </label>
      <button
        type="button"
        className="timeline-export"
        aria-label="Export"
        aria-disabled={!canExport || undefined}
        aria-haspopup="dialog"
        onClick={() => canExport && setExporting(true)}
        title={
          !canExport
            ? 'Export the replay as an animated GIF or a video: nothing is recorded yet but the start, train a few episodes first'
            : 'Export the replay: the recorded moments as an animated GIF or a video'
        }
      >
        {/* A download arrow over a tray (an icon: the label's room goes to the moment's name). */}
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <path
            d="M8 2v8M4.5 6.5 8 10l3.5-3.5M2.5 11.5v2h11v-2"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </button>
      {exporting && (
        <Suspense fallback={null}>
          <ExportDialog onClose={() => setExporting(false)} />
        </Suspense>
      )}
      <button
        type="button"
        className="timeline-live"
        aria-pressed={live}
        onClick={() => go(n, n)}
        title="Back to the run as it is now"
      >
        Live
      </button>
    </section>
  );
}
