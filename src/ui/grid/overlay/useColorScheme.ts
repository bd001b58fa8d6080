/** The colour scheme to paint with: the forced one, else the system's (prefers-color-scheme), live. */
import { useSyncExternalStore } from 'react';
import type { Theme } from './palette';

const QUERY = '(prefers-color-scheme: dark)';

function media(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(QUERY)
    : null;
}

function subscribe(onChange: () => void): () => void {
  const m = media();
  if (!m) return () => {};
  m.addEventListener('change', onChange);
  return () => m.removeEventListener('change', onChange);
}

function snapshot(): Theme {
  return media()?.matches ? 'dark' : 'light';
}

export function useColorScheme(forced?: Theme): Theme {
  const system = useSyncExternalStore(subscribe, snapshot, () => 'light' as Theme);
  return forced ?? system;
}
