/**
 * Page keyboard shortcuts: Space play/pause, S step, E episode, R reset, Ctrl+Z undo, Ctrl+Shift+Z /
 * Ctrl+Y redo, digits 1-8 pick a paint tool. Ignored while typing in a field; Space keeps its usual meaning on buttons and controls
 * (but on a grid cell it plays / pauses; Enter paints).
 */
import { useConfigStore } from '../../store/configStore';
import { training } from '../../store/trainingController';
import { useUiStore } from '../../store/uiStore';
import { TOOLS } from '../editor/tools';
import { useWindowKeydown } from '../common/useWindowKeydown';

const NON_TEXT_INPUTS = new Set(['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color']);

export function isTyping(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(el.type);
}

function usesSpace(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement) || el.dataset.cell !== undefined) return false;
  return el.matches('button, summary, a[href], input, select, [role="button"], [role="tab"]');
}

export function handleShortcut(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.altKey || isTyping(e.target)) return;
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod) {
    if (key === 'z' && !e.shiftKey) useConfigStore.getState().undo();
    else if ((key === 'z' && e.shiftKey) || key === 'y') useConfigStore.getState().redo();
    else return;
    e.preventDefault();
    return;
  }
  if (e.key === ' ') {
    if (usesSpace(e.target) || e.repeat) return;
    training.toggle();
  } else if (key === 's' && !e.shiftKey) training.step();
  else if (key === 'e' && !e.shiftKey) training.episode();
  else if (key === 'r' && !e.shiftKey) training.reset();
  else if (TOOLS.some((t) => t.digit === e.key))
    useUiStore.getState().setTool(TOOLS.find((t) => t.digit === e.key)!.tool);
  else return;
  e.preventDefault();
}

export function useShortcuts(): void {
  useWindowKeydown(handleShortcut);
}
