/**
 * While "Play it yourself" is on: arrow keys and WASD move you (they win over the grid's own arrow keys:
 * the listener runs in the capture phase). While a run trains on live grades: + and - grade the agent's
 * last move. Not while typing in a field, nor with a modifier, nor under a dialog.
 */
import { useEffect } from 'react';
import { play, usePlayStore } from '../../store/playStore';
import { training } from '../../store/trainingController';

const MOVE_KEYS: Record<string, number> = {
  ArrowUp: 0,
  ArrowRight: 1,
  ArrowDown: 2,
  ArrowLeft: 3,
  w: 0,
  d: 1,
  s: 2,
  a: 3,
};

function typing(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)
    return true;
  return el instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'range'].includes(el.type);
}

export function handlePlayKey(e: KeyboardEvent, grading: boolean): void {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
  if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
  if (usePlayStore.getState().on) {
    const a = MOVE_KEYS[e.key.length === 1 ? e.key.toLowerCase() : e.key];
    if (a === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    play.move(a);
    return;
  }
  if (!grading) return;
  if (e.key === '+' || e.key === '=') training.grade(1);
  else if (e.key === '-' || e.key === '_') training.grade(-1);
  else return;
  e.preventDefault();
  e.stopPropagation();
}

export function usePlayKeys(grading: boolean): void {
  useEffect(() => {
    const h = (e: KeyboardEvent) => handlePlayKey(e, grading);
    window.addEventListener('keydown', h, true);
    return () => window.removeEventListener('keydown', h, true);
  }, [grading]);
}
