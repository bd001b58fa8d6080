/** True on wide (projector-size) windows, where the lab draws taller charts. */
import { useSyncExternalStore } from 'react';

const QUERY = '(min-width: 1700px)';

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {};
  const m = window.matchMedia(QUERY);
  m.addEventListener('change', onChange);
  return () => m.removeEventListener('change', onChange);
}

function snapshot(): boolean {
  return (
    typeof window !== 'undefined' &&
    typeof window.matchMedia === 'function' &&
    window.matchMedia(QUERY).matches
  );
}

export function useWideScreen(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
