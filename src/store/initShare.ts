/**
 * Start-up wiring of the sharing features, called once in main.tsx before the first render (and before
 * connectTraining, so the first run uses the right world):
 * - loads the config from the link in location.hash, else the autosave, else the default world; a
 *   broken link or damaged autosave becomes a message (StartupNotice) over the fallback world, and a
 *   rejected autosave is kept aside first (see startupConfig.ts); the link's view, lesson and overlays
 *   (see LinkState in urlFlags.ts) are applied too;
 * - keeps the address bar on the current world and page state, in the same form as the Share menu's
 *   link (linkUrl), so copying the URL is sharing: edits and overlay switches replace the history entry
 *   (debounced, flushed when the page is hidden), a view switch (Playground | Lab) pushes one, so Back
 *   and Forward move between views; embed mode leaves its URL as given;
 * - autosaves every config change (debounced, flushed when the page is hidden or closed), unless the
 *   slot holds work that could not be kept aside;
 * - keeps every world that another one replaces (link, preset, file, saved config, Back or Forward to
 *   another world) in the replaced worlds, shown under "Recently replaced" in the saved-configs dialog;
 * - sets the `embed` and `presentation` classes on <html>;
 * - applies an address that changes under the open page: a pasted link (hashchange) or Back / Forward
 *   (popstate). A different world in it is loaded through setConfig (undoable, the replaced world kept);
 *   otherwise only the view, lesson and overlays change. Applying an address never adds an entry.
 * Returns a function that undoes the listeners (for tests).
 */
import { onReplace, useConfigStore } from './configStore';
import { showLesson } from './story';
import { useUiStore } from './uiStore';
import { Autosaver, watchOtherTabs } from '../storage/autosave';
import { browserStore, errorText } from '../storage/keyValueStore';
import { ReplacedWorlds } from '../storage/replacedWorlds';
import { setPresentation, storedPresentation } from './presentationMode';
import { useShareState } from './shareState';
import {
  LINK_REASON,
  WHERE_REPLACED,
  decodeLinkSafely,
  linkProblem,
  resolveStartupConfig,
} from './startupConfig';
import {
  currentLinkState,
  hasLinkState,
  linkUrl,
  parseLinkState,
  parseUrlFlags,
  sameShow,
  type LinkState,
} from './urlFlags';

/** How long the address bar waits after the last change before it follows (one write per drag). */
export const ADDRESS_DELAY_MS = 300;
/** Why a world is replaced when Back or Forward leads to an entry with another world. */
export const HISTORY_REASON = 'Went back or forward in the browser';
/** The state of the history entries this page writes: Back or Forward to one is history, not a new link. */
const ENTRY_MARK = { gridworld: 1 } as const;
const isOurEntry = (state: unknown) =>
  typeof state === 'object' && state !== null && (state as { gridworld?: unknown }).gridworld === 1;

const notify = (kind: 'info' | 'warn' | 'error', text: string) => useUiStore.getState().notify(kind, text);

/** Puts a link's view, lesson and overlays on the page (the config must already be the link's). */
function applyLinkState(state: LinkState): void {
  const ui = useUiStore.getState();
  if (ui.view !== state.view) ui.setView(state.view);
  if (!sameShow(ui.show, state.show)) ui.setShow(state.show);
  showLesson(state.lesson);
}

const OTHER_TAB_REASON = 'Autosaved by another tab';

export function initShare(win: Window = window): () => void {
  const flags = parseUrlFlags(win.location.hash);
  const { store, persistent } = browserStore();
  const start = resolveStartupConfig(win.location.hash, store);
  useConfigStore.setState({ config: start.config });
  applyLinkState(parseLinkState(win.location.hash));
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

  const cleanups: Array<() => void> = [];
  const onHidden: Array<() => void> = [];
  const onVisibility = () => win.document.visibilityState === 'hidden' && onHidden.forEach((f) => f());
  const onPageHide = () => onHidden.forEach((f) => f());
  win.addEventListener('pagehide', onPageHide);
  win.document.addEventListener('visibilitychange', onVisibility);

  // The address bar: the fragment of the last address written or applied (an event for it is ours).
  let known = win.location.hash;
  /** True while an address is applied: its changes are not written back (no loop, no entry). */
  let applying = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancelWrite = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  /** Writes the current world and `state` into the address bar: a new entry (push) or this one. */
  const writeAddress = (state: LinkState = currentLinkState(), push = false) => {
    cancelWrite();
    const url = linkUrl(win.location.href, useConfigStore.getState().config, state);
    if (push || url.slice(url.indexOf('#')) !== win.location.hash) {
      try {
        if (push) win.history.pushState(ENTRY_MARK, '', url);
        else win.history.replaceState(ENTRY_MARK, '', url);
      } catch {
        // A browser may refuse a history write (too many, too long): the address just lags behind.
      }
    }
    known = win.location.hash;
  };
  const writeLater = () => {
    cancelWrite();
    timer = setTimeout(() => writeAddress(), ADDRESS_DELAY_MS);
  };

  if (!flags.embed) {
    writeAddress();
    onHidden.push(() => timer !== null && writeAddress());
    cleanups.push(
      cancelWrite,
      useConfigStore.subscribe((s, prev) => {
        if (s.config !== prev.config && !applying) writeLater();
      }),
      useUiStore.subscribe((s, prev) => {
        if (applying) return;
        if (s.view !== prev.view) {
          // The entry left keeps the view it had (and any edit still waiting); the new view gets its own.
          writeAddress(currentLinkState(prev));
          writeAddress(currentLinkState(s), true);
        } else if (s.story !== prev.story || s.show !== prev.show) writeLater();
      }),
    );
  }

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
        else if (r.memoryOnly)
          useShareState.setState({
            storageWarning: `Storage is full: the world you replaced is in Recently replaced for this tab only, lost when it closes.`,
          });
      }),
    );
  }
  if (!flags.embed && !start.keepAutosaveSlot) {
    const autosaver = new Autosaver(store, {
      onError: (r) => notify('error', `Autosave failed: ${r.message}`),
      // Another tab's autosaved world is kept, not silently overwritten.
      onOverwrite: (theirs) => {
        if (new ReplacedWorlds(store).record(theirs, OTHER_TAB_REASON).ok)
          notify('warn', `Another tab had autosaved a different world; it is kept in ${WHERE_REPLACED}.`);
      },
    });
    cleanups.push(
      watchOtherTabs(win, autosaver.tab, () =>
        notify(
          'warn',
          `This app is open in another tab too: both autosave to the same place. A world one of them overwrites is kept in ${WHERE_REPLACED}.`,
        ),
      ),
    );
    if (start.source === 'autosave') autosaver.markSaved(start.config);
    else autosaver.schedule(start.config);
    cleanups.push(
      useConfigStore.subscribe((s, prev) => {
        if (s.config !== prev.config) autosaver.schedule(s.config);
      }),
    );
    const flush = () => void autosaver.flush();
    onHidden.push(flush);
    cleanups.push(flush);
  }
  cleanups.push(() => {
    win.removeEventListener('pagehide', onPageHide);
    win.document.removeEventListener('visibilitychange', onVisibility);
  });

  // An address that changed under the page: a pasted link (hashchange; Chromium also sends popstate
  // first) or Back / Forward (popstate, then hashchange). Each address is applied once.
  const onAddress = (e: Event) => {
    const hash = win.location.hash;
    if (hash === known) return;
    known = hash;
    if (!hasLinkState(hash)) return; // e.g. an in-page anchor: nothing for the page state
    const back = e.type === 'popstate' && isOurEntry((e as PopStateEvent).state);
    const next = parseUrlFlags(hash);
    applying = true;
    try {
      if (next.hasConfig) {
        const r = decodeLinkSafely(hash);
        if (r.ok) {
          const set = useConfigStore
            .getState()
            .setConfig(r.config, { reason: back ? HISTORY_REASON : LINK_REASON });
          useShareState.getState().setProblem(null);
          if (set.ok && set.changed)
            notify(
              'info',
              flags.embed
                ? 'Loaded the world from the link.'
                : `${back ? 'Back or Forward opened another world' : 'Loaded the world from the link'}. Undo (Ctrl+Z) brings back the previous one; it is also kept in ${WHERE_REPLACED}.`,
            );
        } else useShareState.getState().setProblem(linkProblem(r.errors, 'Your current world is unchanged.'));
      }
      applyLinkState(parseLinkState(hash));
    } finally {
      applying = false;
    }
    // The address now says what the page shows (a broken link's world is the current one); no entry.
    if (!flags.embed) writeAddress();
  };
  win.addEventListener('hashchange', onAddress);
  win.addEventListener('popstate', onAddress);
  cleanups.push(() => {
    win.removeEventListener('hashchange', onAddress);
    win.removeEventListener('popstate', onAddress);
  });
  return () => cleanups.forEach((f) => f());
}
