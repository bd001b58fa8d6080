/**
 * A toggletip: a small "?" button beside a label that shows its explanation on tap, click, Enter or
 * Space (a hover-only `title` is lost on touch screens and projectors). The button says whether the tip
 * is open (aria-expanded) and the text is put into a live region when it opens, so screen readers read
 * it out; Escape, a second press or a press elsewhere closes it, and opening one closes any other.
 * The bubble is placed under the button and kept inside the viewport.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import './toggletip.css';

/** The open toggletip's id (one open at a time, page-wide). */
let openId: string | null = null;
const listeners = new Set<() => void>();
function setOpenId(id: string | null): void {
  if (openId === id) return;
  openId = id;
  for (const l of listeners) l();
}
function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
const getOpenId = () => openId;

const MARGIN = 8;
const MAX_WIDTH = 300;

export interface ToggletipProps {
  /** What the tip explains (the button is named "About <label>"). */
  label: string;
  /** The explanation. */
  text: string;
  className?: string;
}

export function Toggletip({ label, text, className }: ToggletipProps) {
  const id = useId();
  const bubbleId = `${id}-tip`;
  const open = useSyncExternalStore(subscribe, getOpenId, getOpenId) === id;
  const root = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const bubble = useRef<HTMLSpanElement>(null);
  const [pos, setPos] = useState<{ top: number; left: number; width: number } | null>(null);

  const place = useCallback(() => {
    const b = button.current?.getBoundingClientRect();
    if (!b) return;
    const vw = document.documentElement.clientWidth || window.innerWidth;
    const width = Math.max(120, Math.min(MAX_WIDTH, vw - 2 * MARGIN));
    const left = Math.max(MARGIN, Math.min(b.left + b.width / 2 - 24, vw - width - MARGIN));
    setPos({ top: b.bottom + 6, left, width });
  }, []);

  useLayoutEffect(() => {
    if (open) place();
  }, [open, place]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      setOpenId(null);
      button.current?.focus();
    };
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!root.current?.contains(t) && !bubble.current?.contains(t)) setOpenId(null);
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onDown, true);
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [open, place]);

  // Closing on unmount, so a tip of a field that went away does not stay "open".
  useEffect(() => () => {
    if (openId === id) setOpenId(null);
  }, [id]);

  return (
    <span ref={root} className={`toggletip${className ? ` ${className}` : ''}`}>
      <button
        ref={button}
        type="button"
        className="toggletip-button"
        aria-label={`About ${label}`}
        aria-expanded={open}
        aria-controls={bubbleId}
        onClick={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setOpenId(open ? null : id);
        }}
      >
        ?
      </button>
      {/* Always in the page and empty while closed: text added to a live region is read out. In the
          body, so that no container of the label (a clipped or contained one) cuts the bubble off. */}
      {createPortal(
        <span
          ref={bubble}
          id={bubbleId}
          role="status"
          className={open ? 'toggletip-bubble' : 'toggletip-live'}
          style={open && pos ? { top: pos.top, left: pos.left, width: pos.width } : undefined}
        >
          {open ? text : ''}
        </span>,
        document.body,
      )}
    </span>
  );
}

/** Closes whichever toggletip is open (for tests and for views that go away). */
export function closeToggletips(): void {
  setOpenId(null);
}
