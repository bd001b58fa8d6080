/** A run button, or while running: a progress bar (runs done / total) and a Cancel button. */
import type { RunState } from './labStore';

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
  if (run.status === 'running')
    return (
      <div className="lab-run" role="status" aria-live="polite">
        <progress value={run.done} max={Math.max(1, run.total)} aria-label={`${props.what} progress`} />
        <span className="run-count">
          {run.done} / {run.total} runs
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
