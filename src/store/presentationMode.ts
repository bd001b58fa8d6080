/**
 * Presentation mode for a projector: the `presentation` class on <html> (styles in presentation.css),
 * remembered across visits, turned on by the `present=1` URL flag, toggled by a button or the P key.
 */
import { browserStore, type KeyValueStore } from '../storage/keyValueStore';
import { useShareState } from './shareState';

export const PRESENTATION_KEY = 'gridworld:presentation';
export const PRESENTATION_CLASS = 'presentation';

export function storedPresentation(store: KeyValueStore): boolean {
  try {
    return store.getItem(PRESENTATION_KEY) === '1';
  } catch {
    return false;
  }
}

/** Turns presentation mode on or off (class on <html>, state, and the remembered choice). */
export function setPresentation(on: boolean, store: KeyValueStore | null = browserStore().store): void {
  document.documentElement.classList.toggle(PRESENTATION_CLASS, on);
  useShareState.setState({ presentation: on });
  try {
    if (on) store?.setItem(PRESENTATION_KEY, '1');
    else store?.removeItem(PRESENTATION_KEY);
  } catch {
    // Not remembering the choice is harmless.
  }
}

export function togglePresentation(): void {
  setPresentation(!useShareState.getState().presentation);
}

/** [on, setOn] for components. */
export function usePresentationMode(): [boolean, (on: boolean) => void] {
  const on = useShareState((s) => s.presentation);
  return [on, (next: boolean) => setPresentation(next)];
}
