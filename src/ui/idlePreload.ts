/**
 * Chunks the page will need soon but not to show itself, fetched once the page is idle after its first
 * paint: the charts' (recharts, the largest part of the page's code) so that the first Play neither
 * waits for it nor parses it in the same task as the run's start (issue 19 item 11: 264-342 ms at the
 * first Play when the chunk came at the first input). Not part of the first load: the load event has
 * fired, the page has painted, and the browser has time to spare. `performance.mark(IDLE_PRELOAD_MARK)`
 * says when it starts (tests/e2e/firstLoad.e2e.ts counts what comes before it).
 */
import { useSyncExternalStore } from 'react';

export const IDLE_PRELOAD_MARK = 'idle-preload';

const loaded = new Set<string>();
const listeners = new Set<() => void>();

/** True once the chunk preloaded under `key` has arrived (its component can then mount while idle). */
export function useIdlePreloaded(key: string): boolean {
  return useSyncExternalStore(
    (on) => {
      listeners.add(on);
      return () => listeners.delete(on);
    },
    () => loaded.has(key),
    () => false,
  );
}

type Idle = (cb: () => void, opts?: { timeout: number }) => number;

/** Runs `load` once the page has loaded, painted and gone idle (at most `timeoutMs` after the load);
 *  when it has, useIdlePreloaded(key) turns true. */
export function preloadWhenIdle(key: string, load: () => Promise<unknown>, timeoutMs = 4000): void {
  if (typeof window === 'undefined') return;
  const idle: Idle =
    (window as unknown as { requestIdleCallback?: Idle }).requestIdleCallback ??
    ((cb) => window.setTimeout(cb, 200));
  const start = () => {
    // After the next paint, then when the main thread is idle.
    requestAnimationFrame(() =>
      window.setTimeout(() =>
        idle(
          () => {
            performance.mark(IDLE_PRELOAD_MARK);
            load().then(
              () => {
                loaded.add(key);
                for (const on of listeners) on();
              },
              () => {
                // A failed preload is retried by the lazy import when the charts are shown.
              },
            );
          },
          { timeout: timeoutMs },
        ),
      ),
    );
  };
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
