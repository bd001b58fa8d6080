/**
 * "Export the replay": the history as an animated GIF or (where the browser can record a canvas) a WebM
 * video, with progress and Cancel while it is made, then the file's name and size (it is downloaded).
 * Loaded on demand with the export code (replayPainter.ts, src/store/replayExport.ts) when the
 * timeline's Export is pressed.
 */
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useHistoryStore } from '../../store/historyStore';
import { Dialog } from '../shell/Dialog';

import {
  ExportCancelled,
  exportReplay,
  webmType,
  type ExportFormat,
  type ExportResult,
} from './replayPainter';

type Phase =
  | { kind: 'choose' }
  | { kind: 'running'; format: ExportFormat; done: number; total: number }
  | { kind: 'done'; result: ExportResult }
  | { kind: 'error'; message: string };

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** A row with one button (data-autofocus: the dialog focuses it when it appears). */
function OneButton({ label, onClick, autoFocus }: { label: string; onClick(): void; autoFocus?: boolean }) {
  return (
    <div className="share-buttons">
      <button type="button" data-autofocus={autoFocus || undefined} onClick={onClick}>
        {label}
      </button>
    </div>
  );
}

const NAMES: Record<ExportFormat, string> = { gif: 'animated GIF', webm: 'video' };

export function ExportDialog({ onClose }: { onClose(): void }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const abort = useRef<AbortController | null>(null);
  const recorded = useHistoryStore((s) => s.moments.length);
  // While a file is made (and after), the moments it holds: training goes on recording more.
  const moments = phase.kind === 'running' ? phase.total : recorded;
  const speed = useHistoryStore((s) => s.playSpeed);
  const video = webmType() !== null;

  const body = useRef<HTMLDivElement>(null);

  // Closing the dialog (or leaving the page's view) stops an export under way.
  useEffect(() => () => abort.current?.abort(), []);
  // Each step's main button takes the focus (the one pressed is gone).
  useEffect(() => {
    body.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [phase.kind]);

  const start = (format: ExportFormat) => {
    abort.current?.abort();
    const ctrl = new AbortController();
    abort.current = ctrl;
    setPhase({ kind: 'running', format, done: 0, total: recorded });
    exportReplay(format, {
      signal: ctrl.signal,
      onProgress: (p) => {
        if (!ctrl.signal.aborted) setPhase({ kind: 'running', format, ...p });
      },
    }).then(
      (result) => {
        if (!ctrl.signal.aborted) setPhase({ kind: 'done', result });
      },
      (e: unknown) => {
        if (e instanceof ExportCancelled) {
          if (abort.current === ctrl) setPhase({ kind: 'choose' });
          return;
        }
        const message = e instanceof Error ? e.message : String(e);
        if (!ctrl.signal.aborted) setPhase({ kind: 'error', message });
      },
    );
  };

  const cancel = () => {
    abort.current?.abort();
    setPhase({ kind: 'choose' });
  };

  const seconds = Math.max(1, Math.round(moments / speed));
  // On the page's body: the timeline that opens it clips what overflows it.
  return createPortal(
    <Dialog title="Export the replay" onClose={onClose} describedBy="export-help">
      <div className="share-dialog-body replay-export" ref={body}>
        <p className="share-help" id="export-help">
          The run&apos;s {moments.toLocaleString('en-US')} recorded moments one after another at the replay
          speed ({speed}/s), each with the lesson&apos;s title and its episode, the grid drawn with the
          overlays that are on now. Training goes on meanwhile.
        </p>
        {phase.kind === 'choose' && (
          <div className="share-buttons">
            <button type="button" className="primary" data-autofocus onClick={() => start('gif')}>
              Export GIF
            </button>
            <button
              type="button"
              onClick={() => video && start('webm')}
              aria-disabled={!video || undefined}
              title={
                video
                  ? `A WebM video; it is recorded in real time (about ${seconds} s)`
                  : 'This browser cannot record a video of a canvas (no WebM MediaRecorder): export a GIF instead'
              }
            >
              Export video
            </button>
          </div>
        )}
        {phase.kind === 'running' && (
          <>
            <label className="replay-export-progress">
              <span role="status">
                Making the {NAMES[phase.format]}: frame {Math.min(phase.done + 1, phase.total)} of{' '}
                {phase.total}
              </span>
              <progress value={phase.done} max={phase.total} aria-label="Export progress" />
            </label>
            <OneButton label="Cancel" autoFocus onClick={cancel} />
          </>
        )}
        {phase.kind === 'done' && (
          <>
            <p
              role="status"
              data-testid="export-done"
              data-slowest-frame-ms={Math.round(phase.result.slowestFrameMs)}
            >
              Saved <b>{phase.result.fileName}</b> ({phase.result.frames} frames, {size(phase.result.bytes)}).
            </p>
            <OneButton label="Done" autoFocus onClick={onClose} />
          </>
        )}
        {phase.kind === 'error' && (
          <>
            <p role="alert" className="param-error">
              The export failed: {phase.message}.
            </p>
            <div className="share-buttons">
              <button type="button" onClick={() => setPhase({ kind: 'choose' })}>
                Back
              </button>
              <button type="button" onClick={onClose}>
                Close
              </button>
            </div>
          </>
        )}
      </div>
    </Dialog>,
    document.body,
  );
}
