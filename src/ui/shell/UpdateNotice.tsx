/// <reference types="vite-plugin-pwa/react" />
/**
 * Registers the service worker (offline use, vite.config.ts) and, when a new version of the app has been
 * downloaded, says so instead of swapping it in under a running session: "Reload" activates it and
 * reloads the page (the world is autosaved), "Later" keeps this version until the next visit.
 *
 * The reload is ours, on the worker's controllerchange after Reload was pressed: the plugin reloads only
 * when the page was controlled before it registered, so not in the tab of the very first visit (which
 * the first worker claims). A controller change that this tab did not ask for (another tab pressed
 * Reload, and the new worker claimed every tab) shows the notice too: this page still runs the old code.
 * In the dev server and the tests the registration is a no-op.
 *
 * A lazy chunk that fails to load (this tab's version is gone from the server: public/sw-keep.js keeps
 * the last versions' chunks, but a browser without the service worker, or a cleared cache, has none)
 * brings a notice that says what a reload keeps (the world, autosaved on the way out) and what it does
 * not (the run), with a Reload that takes the new version.
 */
import { useEffect, useRef, useState } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { isMissingChunkError, staleVersionText } from '../../store/friendlyErrors';
import { useTrainingStore } from '../../store/trainingStore';
import './updateNotice.css';

export function UpdateNotice() {
  const reloading = useRef(false);
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onNeedReload: () => {},
    // Offline use is an extra: a browser that refuses the worker (private mode, blocked storage) still
    // runs the app, online only.
    onRegisterError: (e: unknown) => console.warn('Offline use is not available:', e),
  });

  useEffect(() => {
    const sw = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
    if (!sw) return;
    let controlled = !!sw.controller;
    const onControllerChange = () => {
      if (reloading.current) window.location.reload();
      else if (controlled) setNeedRefresh(true);
      controlled = true;
    };
    sw.addEventListener('controllerchange', onControllerChange);
    return () => sw.removeEventListener('controllerchange', onControllerChange);
  }, [setNeedRefresh]);

  const [stale, setStale] = useState(false);
  const episodes = useTrainingStore((s) => s.episode);
  useEffect(() => {
    const onPreloadError = (e: Event) => {
      if (isMissingChunkError((e as Event & { payload?: unknown }).payload)) setStale(true);
    };
    const onRejection = (e: PromiseRejectionEvent) => {
      if (isMissingChunkError(e.reason)) setStale(true);
    };
    window.addEventListener('vite:preloadError', onPreloadError);
    window.addEventListener('unhandledrejection', onRejection);
    return () => {
      window.removeEventListener('vite:preloadError', onPreloadError);
      window.removeEventListener('unhandledrejection', onRejection);
    };
  }, []);

  const reload = async () => {
    reloading.current = true;
    const waiting = (await navigator.serviceWorker?.getRegistration())?.waiting;
    // A waiting worker takes over first (then controllerchange reloads); one already in charge: reload.
    if (waiting) await updateServiceWorker();
    else window.location.reload();
  };

  if (stale)
    return (
      <div className="update-notice" role="alert" data-testid="stale-version-notice">
        <span>{staleVersionText(episodes)}</span>
        {/* The reload's pagehide flushes the autosave (initShare.ts). */}
        <button type="button" className="primary" onClick={() => void reload()}>
          Reload, keeping the world
        </button>
        <button type="button" onClick={() => setStale(false)} title="Stay on this version for now">
          Not now
        </button>
      </div>
    );
  if (!needRefresh) return null;
  return (
    <div className="update-notice" role="status" data-testid="update-notice">
      <span>A new version is available.</span>
      <button type="button" className="primary" onClick={() => void reload()}>
        Reload
      </button>
      <button
        type="button"
        onClick={() => setNeedRefresh(false)}
        title="Keep this version until the next visit"
      >
        Later
      </button>
    </div>
  );
}
