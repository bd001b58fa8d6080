/**
 * A small modal dialog: labelled, focus moves in on open and back on close, Tab stays inside,
 * Escape or a click on the backdrop closes it. Its content has its own error boundary, so a failing
 * dialog shows a message inside the frame (still closable) instead of taking the page down.
 */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { ErrorBoundary } from '../common/ErrorBoundary';
import './dialog.css';

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Extra class on the dialog box (e.g. "help-overlay"). */
  className?: string;
  /** id of the element to describe the dialog. */
  describedBy?: string;
}

export function Dialog({ title, onClose, children, className, describedBy }: DialogProps) {
  const titleId = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const box = boxRef.current;
    const first =
      box?.querySelector<HTMLElement>('[data-autofocus]') ??
      box?.querySelector<HTMLElement>(`.share-dialog-body :is(${FOCUSABLE})`) ??
      box?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? box)?.focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      e.preventDefault();
      closeRef.current();
      return;
    }
    if (e.key !== 'Tab' || !boxRef.current) return;
    const items = Array.from(boxRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
      (el) => !el.hasAttribute('disabled'),
    );
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="share-backdrop" onMouseDown={(e) => e.target === e.currentTarget && closeRef.current()}>
      <div
        ref={boxRef}
        className={`share-dialog ${className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <div className="share-dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button
            type="button"
            className="share-close"
            onClick={() => closeRef.current()}
            aria-label="Close"
            title="Close (Esc)"
          >
            ✕
          </button>
        </div>
        <ErrorBoundary name={`The “${title}” dialog`}>{children}</ErrorBoundary>
      </div>
    </div>
  );
}
