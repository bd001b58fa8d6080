/**
 * A run button, or while running: a progress bar (runs done / total), the time left and a Cancel button.
 * The time left is measured here, from the runs finished since this bar first saw the run going: at
 * each finished run, elapsed / finished x runs left; between two, that estimate counts down.
 */
import { useEffect, useState } from 'react';
import type { RunState } from '../../store/labStore';

/** Milliseconds left when `finished` runs took `elapsedMs` and `left` remain (null before any). */
export function estimateLeftMs(elapsedMs: number, finished: number, left: number): number | null {
  if (finished <= 0 || !(elapsedMs >= 0)) return null;
  return (elapsedMs / finished) * Math.max(0, left);
}

/** "about 12 s left", "about 3 min left"; "estimating time left" without an estimate yet. */
export function formatTimeLeft(ms: number | null): string {
  if (ms === null) return 'estimating time left…';
  const s = Math.round(ms / 1000);
  if (s <= 1) return 'about a second left';
  if (s < 90) return `about ${s} s left`;
  return `about ${Math.round(s / 60)} min left`;
}

/** Where the estimate stands: since when (and from which count) this bar watches the run, and the
 *  estimate made at the last finished run. */
interface Mark {
  t0: number;
  done0: number;
  total: number;
  lastDone: number;
  tLast: number;
  leftAtLast: number | null;
}

function useTimeLeft(running: boolean, done: number, total: number): number | null {
  const [mark, setMark] = useState<Mark | null>(null);
  const [now, setNow] = useState(0);
  useEffect(() => {
    if (!running) {
      setMark(null);
      return;
    }
    const t = performance.now();
    setMark((m) => {
      // A new run (the count went back, or another total): start measuring again.
      if (!m || done < m.lastDone || total !== m.total)
        return { t0: t, done0: done, total, lastDone: done, tLast: t, leftAtLast: null };
      if (done === m.lastDone) return m;
      const leftAtLast = estimateLeftMs(t - m.t0, done - m.done0, total - done);
      return { ...m, lastDone: done, tLast: t, leftAtLast };
    });
    setNow(t);
  }, [running, done, total]);
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setNow(performance.now()), 1000);
    return () => clearInterval(id);
  }, [running]);
  if (!running || !mark || mark.leftAtLast === null) return null;
  return Math.max(0, mark.leftAtLast - Math.max(0, now - mark.tLast));
}

export function RunBar<R>(props: {
  label: string;
  tip: string;
  run: RunState<R>;
  disabled?: boolean;
  onRun(): void;
  onCancel(): void;
  what: string;
}) {
  const { run } = props;
  const running = run.status === 'running';
  const left = useTimeLeft(running, run.done, run.total);
  if (running)
    return (
      <div className="lab-run" role="status" aria-live="polite">
        <progress value={run.done} max={Math.max(1, run.total)} aria-label={`${props.what} progress`} />
        <span className="run-count">
          {run.done} / {run.total} runs
        </span>
        {/* Counts down every second: not announced (the run count above is). */}
        <span className="run-eta muted" aria-live="off" data-left-ms={left === null ? '' : Math.round(left)}>
          {formatTimeLeft(left)}
        </span>
        <button type="button" onClick={props.onCancel} title="Stop now and keep the runs finished so far">
          Cancel
        </button>
      </div>
    );
  return (
    <div className="lab-run">
      <button
        type="button"
        className="primary big"
        disabled={props.disabled}
        title={props.tip}
        onClick={props.onRun}
      >
        {props.label}
      </button>
      {run.status === 'cancelled' && (
        <span className="muted" role="status">
          Cancelled after {run.done} of {run.total} runs{run.result ? '; showing those.' : '.'}
        </span>
      )}
      {run.status === 'error' && (
        <span className="lab-error" role="alert">
          {run.error}
        </span>
      )}
    </div>
  );
}
