/**
 * Start-up wiring of the sharing features, called once in main.tsx before the first render (and before
 * connectTraining, so the first run uses the right world):
 * - loads the config from the link in location.hash, else the autosave, else the default world; a
 *   broken link or damaged autosave becomes a message (StartupNotice) over the fallback world, and a
 *   rejected autosave is kept aside first (see startupConfig.ts);
 * - removes `c=` from the address bar (the autosave keeps later edits; a reload must not revert them),
 *   except in embed mode, whose URL stays as given;
 * - autosaves every config change (debounced, flushed when the page is hidden or closed), unless the
 *   slot holds work that could not be kept aside;
 * - keeps every world that another one replaces (link, preset, file, saved config) in the replaced
 *   worlds, shown under "Recently replaced" in the saved-configs dialog;
 * - sets the `embed` and `presentation` classes on <html>;
 * - loads a link pasted into the address bar of the open page (hashchange).
 * Returns a function that undoes the listeners (for tests).
 */
import { onReplace, useConfigStore } from '../../store/configStore';
import { useUiStore } from '../../store/uiStore';
import { Autosaver } from '../../storage/autosave';
import { browserStore, errorText } from '../../storage/keyValueStore';
import { ReplacedWorlds } from '../../storage/replacedWorlds';
import { setPresentation, storedPresentation } from './presentationMode';
import { useShareState } from './shareState';
import {
  LINK_REASON,
  WHERE_REPLACED,
  decodeLinkSafely,
  linkProblem,
  resolveStartupConfig,
} from './startupConfig';
import { parseUrlFlags } from './urlFlags';

const notify = (kind: 'info' | 'warn' | 'error', text: string) => useUiStore.getState().notify(kind, text);

/** The URL without the `c=` parameter (other flags kept; no '#' left if nothing remains). */
export function urlWithoutConfig(href: string): string {
  const hash = href.indexOf('#');
  if (hash < 0) return href;
  const rest = href
    .slice(hash + 1)
    .split('&')
    .filter((kv) => kv !== 'c' && !kv.startsWith('c='));
  return href.slice(0, hash) + (rest.length ? `#${rest.join('&')}` : '');
}

export function initShare(win: Window = window): () => void {
  const flags = parseUrlFlags(win.location.hash);
  const { store, persistent } = browserStore();
  const start = resolveStartupConfig(win.location.hash, store);
  useConfigStore.setState({ config: start.config });
  useShareState.setState({
    flags,
    problem: start.problem,
    autosaveProblem: start.autosaveProblem,
    storageWarning: persistent
      ? null
      : 'This browser does not allow saving here: saved configs and autosave last only until the tab is closed.',
  });
  if (start.previousKept) notify('info', `Your previous work was kept: ${WHERE_REPLACED}.`);
  win.document.documentElement.classList.toggle('embed', flags.embed);
  setPresentation(flags.present || (!flags.embed && storedPresentation(store)), flags.embed ? null : store);

  if (flags.hasConfig && !flags.embed)
    win.history.replaceState(win.history.state, '', urlWithoutConfig(win.location.href));

  const cleanups: Array<() => void> = [];
  if (!flags.embed) {
    const replaced = new ReplacedWorlds(store);
    cleanups.push(
      onReplace((old, reason) => {
        let r: ReturnType<ReplacedWorlds['record']>;
        try {
          r = replaced.record(old, reason);
        } catch (e) {
          r = { ok: false, code: 'unavailable', message: errorText(e) };
        }
        if (!r.ok)
          useShareState.setState({
            storageWarning: `The world you replaced could not be kept in Recently replaced: ${r.message} Undo (Ctrl+Z) still brings it back.`,
          });
      }),
    );
  }
  if (!flags.embed && !start.keepAutosaveSlot) {
    const autosaver = new Autosaver(store, {
      onError: (r) => notify('error', `Autosave failed: ${r.message}`),
    });
    if (start.source === 'autosave') autosaver.markSaved(start.config);
    else autosaver.schedule(start.config);
    cleanups.push(
      useConfigStore.subscribe((s, prev) => {
        if (s.config !== prev.config) autosaver.schedule(s.config);
      }),
    );
    const flush = () => void autosaver.flush();
    const onVisibility = () => win.document.visibilityState === 'hidden' && flush();
    win.addEventListener('pagehide', flush);
    win.document.addEventListener('visibilitychange', onVisibility);
    cleanups.push(() => {
      flush();
      win.removeEventListener('pagehide', flush);
      win.document.removeEventListener('visibilitychange', onVisibility);
    });
  }

  const onHashChange = () => {
    const next = parseUrlFlags(win.location.hash);
    if (!next.hasConfig) return;
    const r = decodeLinkSafely(win.location.hash);
    if (r.ok) {
      const set = useConfigStore.getState().setConfig(r.config, { reason: LINK_REASON });
      useShareState.getState().setProblem(null);
      if (set.ok)
        notify(
          'info',
          next.embed
            ? 'Loaded the world from the link.'
            : `Loaded the world from the link. Undo (Ctrl+Z) brings back the previous one; it is also kept in ${WHERE_REPLACED}.`,
        );
    } else useShareState.getState().setProblem(linkProblem(r.errors, 'Your current world is unchanged.'));
    if (!next.embed) win.history.replaceState(win.history.state, '', urlWithoutConfig(win.location.href));
  };
  win.addEventListener('hashchange', onHashChange);
  cleanups.push(() => win.removeEventListener('hashchange', onHashChange));
  return () => cleanups.forEach((f) => f());
}
