/** "?" opens the shortcut help, "P" toggles presentation mode (not while typing, not with modifiers). */
import { togglePresentation } from '../../store/presentationMode';
import { useShareState } from '../../store/shareState';
import { useWindowKeydown } from '../common/useWindowKeydown';

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number']);

export function isTypingTarget(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)
    return true;
  return el instanceof HTMLInputElement && TEXT_INPUTS.has(el.type);
}

export function handleShellKey(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
  if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
  if (e.key === '?') useShareState.getState().setHelpOpen(true);
  else if (e.key === 'p' || e.key === 'P') togglePresentation();
  else return;
  e.preventDefault();
}

export function useShellShortcuts(): void {
  useWindowKeydown(handleShellKey);
}
