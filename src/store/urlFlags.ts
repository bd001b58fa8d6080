/**
 * Flags in the URL fragment next to the config: `#embed=1&controls=0&present=1&c=...`.
 * embed: only the grid and the charts (for an iframe); controls: show the run controls in embed mode
 * (default on); present: start in presentation mode. Beside them, the page state a link carries
 * (`view=`, `lesson=`, `show=`: see LinkState below).
 */
import { LINK_PARAM, linkParams, shareUrl } from '../config/codec';
import type { Config } from '../config/schema';
import {
  DEFAULT_SHOW,
  useUiStore,
  type OverlayShow,
  type UiState,
  type View,
  type VisitsMode,
} from './uiStore';

export interface UrlFlags {
  embed: boolean;
  present: boolean;
  controls: boolean;
  /** The fragment has a `c=` parameter (possibly empty or broken). */
  hasConfig: boolean;
}

const TRUE = new Set(['1', 'true', 'yes', 'on', '']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

function flag(params: Map<string, string>, key: string, fallback: boolean): boolean {
  const v = params.get(key);
  if (v === undefined) return fallback;
  const t = v.toLowerCase();
  return TRUE.has(t) ? true : FALSE.has(t) ? false : fallback;
}

/** Parses the flags of a fragment (with or without the leading '#'). Bare keys (`#embed`) count as on. */
export function parseUrlFlags(hash: string): UrlFlags {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const params = linkParams(`#${text}`);
  for (const part of text.split('&')) if (part && !part.includes('=')) params.set(part, '');
  return {
    embed: flag(params, 'embed', false),
    present: flag(params, 'present', false),
    controls: flag(params, 'controls', true),
    hasConfig: params.has(LINK_PARAM),
  };
}

/** A link that opens the config in embed mode (for an iframe). */
export function embedUrl(base: string, config: Config, opts: { controls?: boolean } = {}): string {
  return shareUrl(base, config, opts.controls === false ? { embed: '1', controls: '0' } : { embed: '1' });
}

/** An <iframe> snippet for a page or a slide. */
export function embedCode(base: string, config: Config): string {
  const src = embedUrl(base, config).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe src="${src}" width="900" height="520" style="border:0" title="Gridworld RL Playground" loading="lazy"></iframe>`;
}

/**
 * The page state a link carries beside the config: the view, the lesson (the preset whose story the
 * banner shows) and the overlays. In the fragment: `view=lab`, `lesson=needle`,
 * `show=values.policy.q.trail.greedy.visits-all` (the overlays that are on; `none` for none). Each is
 * left out when it has its default value (playground, no lesson, DEFAULT_SHOW). A missing, unknown or
 * invalid value counts as the default: a bad flag never fails a link.
 */
export interface LinkState {
  view: View;
  /** A preset id; shown only if the link's world is that preset's (see showLesson in store/story.ts). */
  lesson: string | null;
  show: OverlayShow;
}

export const VIEW_PARAM = 'view';
export const LESSON_PARAM = 'lesson';
export const SHOW_PARAM = 'show';

const VIEWS = { playground: true, lab: true } satisfies Record<View, true>;
/** The choices of the overlays that are not on/off switches (checked against their types). */
const CHOICES: { [K in keyof OverlayShow]?: readonly string[] } = {
  visits: Object.keys({ off: true, episode: true, all: true } satisfies Record<VisitsMode, true>),
};
const LESSON_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const NO_OVERLAYS = 'none';

export const DEFAULT_LINK_STATE: LinkState = { view: 'playground', lesson: null, show: DEFAULT_SHOW };

type ShowKey = keyof OverlayShow;
const showKeys = () => Object.keys(DEFAULT_SHOW) as ShowKey[];

function encodeShow(show: OverlayShow): string {
  const parts: string[] = [];
  for (const k of showKeys()) {
    const v = show[k];
    if (typeof DEFAULT_SHOW[k] === 'boolean') {
      if (v === true) parts.push(k);
    } else if (CHOICES[k]?.includes(String(v)) && v !== DEFAULT_SHOW[k]) parts.push(`${k}-${String(v)}`);
  }
  return parts.length ? parts.join('.') : NO_OVERLAYS;
}

/** The overlays of a `show=` value, or null if any part of it is unknown. */
function decodeShow(text: string): OverlayShow | null {
  const show: Record<string, unknown> = { ...DEFAULT_SHOW };
  for (const k of showKeys()) if (typeof DEFAULT_SHOW[k] === 'boolean') show[k] = false;
  if (text === '' || text === NO_OVERLAYS) return show as unknown as OverlayShow;
  for (const part of text.split('.')) {
    const dash = part.indexOf('-');
    const key = (dash < 0 ? part : part.slice(0, dash)) as ShowKey;
    if (!Object.hasOwn(DEFAULT_SHOW, key)) return null;
    if (dash < 0 && typeof DEFAULT_SHOW[key] === 'boolean') show[key] = true;
    else if (dash >= 0 && CHOICES[key]?.includes(part.slice(dash + 1))) show[key] = part.slice(dash + 1);
    else return null;
  }
  return show as unknown as OverlayShow;
}

/** Whether two overlay settings are the same. */
export function sameShow(a: OverlayShow, b: OverlayShow): boolean {
  return showKeys().every((k) => a[k] === b[k]);
}

/** The parameters of a link or of a fragment (with or without its '#'). */
const fragmentParams = (link: string) => linkParams(link.includes('#') ? link : `#${link}`);

/** The view, lesson and overlays of a link or fragment (with or without '#'); never throws. */
export function parseLinkState(hash: string): LinkState {
  let params: Map<string, string>;
  try {
    params = fragmentParams(hash);
  } catch {
    return DEFAULT_LINK_STATE;
  }
  const view = params.get(VIEW_PARAM)?.toLowerCase() ?? '';
  const lesson = params.get(LESSON_PARAM)?.toLowerCase() ?? '';
  const show = params.get(SHOW_PARAM);
  return {
    view: Object.hasOwn(VIEWS, view) ? (view as View) : DEFAULT_LINK_STATE.view,
    lesson: LESSON_ID.test(lesson) ? lesson : null,
    show: (show !== undefined && decodeShow(show)) || DEFAULT_LINK_STATE.show,
  };
}

/** Whether a fragment says anything about the page state (a config, a view, a lesson, overlays). */
export function hasLinkState(hash: string): boolean {
  const params = fragmentParams(hash);
  return [LINK_PARAM, VIEW_PARAM, LESSON_PARAM, SHOW_PARAM].some((k) => params.has(k));
}

/** The fragment parameters of a page state (only those that differ from the defaults). */
export function linkStateParams(state: LinkState): Record<string, string> {
  const params: Record<string, string> = {};
  if (state.view !== DEFAULT_LINK_STATE.view) params[VIEW_PARAM] = state.view;
  if (state.lesson !== null && LESSON_ID.test(state.lesson)) params[LESSON_PARAM] = state.lesson;
  if (!sameShow(state.show, DEFAULT_SHOW)) params[SHOW_PARAM] = encodeShow(state.show);
  return params;
}

/** The page state in the UI store now. */
export function currentLinkState(
  ui: Pick<UiState, 'view' | 'story' | 'show'> = useUiStore.getState(),
): LinkState {
  return { view: ui.view, lesson: ui.story?.id ?? null, show: ui.show };
}

/** The link to a config and a page state: the Share menu's "Copy link" and the address bar. */
export function linkUrl(base: string, config: Config, state: LinkState = currentLinkState()): string {
  return shareUrl(base, config, linkStateParams(state));
}
