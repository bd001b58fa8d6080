/**
 * Which config the page starts with: the link in the URL fragment if there is one and it is valid;
 * otherwise the autosaved work; otherwise the default world. Never throws: every source (link,
 * autosave, replaced-worlds storage) is read inside its own guard, and any failure gives the fallback
 * world plus a message saying what happened.
 *
 * Nothing is overwritten: an autosave that cannot be opened (damaged, or written by a newer version of
 * the app) is kept aside in the replaced worlds before the autosave slot may be reused; if it cannot be
 * kept, `keepAutosaveSlot` tells the caller not to autosave. A link that replaces different autosaved
 * work keeps that work in the replaced worlds ("Recently replaced" in the saved-configs dialog).
 */
import { decodeConfig } from '../config/codec';
import { defaultConfig } from '../config/defaults';
import type { Config, ParseResult } from '../config/schema';
import { AUTOSAVE_KEY, readAutosave, type AutosaveRead } from '../storage/autosave';
import { errorText, tryRead, type KeyValueStore } from '../storage/keyValueStore';
import { ReplacedWorlds } from '../storage/replacedWorlds';
import type { StartupProblem } from './shareState';
import { parseUrlFlags, type UrlFlags } from './urlFlags';

export const DEFAULT_FALLBACK = 'Showing the default world instead.';
export const LINK_ADVICE =
  'Ask the sender to copy the link again with “Copy link”, or open the JSON file they exported.';
export const WHERE_REPLACED = 'Share & save → Saved configs… → Recently replaced';
export const LINK_REASON = 'Opened a link';

export interface StartupResult {
  config: Config;
  source: 'link' | 'autosave' | 'default';
  /** A link that could not be opened, or a start-up that failed altogether. */
  problem: StartupProblem | null;
  /** The autosave could not be opened: what happened to it. */
  autosaveProblem: StartupProblem | null;
  /** The autosaved work the link replaced was kept in the replaced worlds. */
  previousKept: boolean;
  /** The autosave slot holds work that could not be kept anywhere else: do not autosave over it. */
  keepAutosaveSlot: boolean;
}

export function linkProblem(errors: string[], fallback: string): StartupProblem {
  return { title: 'This link could not be opened', details: errors, fallback, advice: LINK_ADVICE };
}

/** Decodes a link; a decoder that throws gives a failed result. */
export function decodeLinkSafely(hash: string): ParseResult {
  try {
    return decodeConfig(hash);
  } catch (e) {
    return { ok: false, errors: [`link: it could not be read (${errorText(e)})`] };
  }
}

const NO_FLAGS: UrlFlags = { embed: false, present: false, controls: true, hasConfig: false };

function safeFlags(hash: string): UrlFlags {
  try {
    return parseUrlFlags(hash);
  } catch {
    return NO_FLAGS;
  }
}

function safeReadAutosave(store: KeyValueStore): AutosaveRead {
  try {
    return readAutosave(store);
  } catch (e) {
    const read = tryRead(store, AUTOSAVE_KEY);
    const reason = `it could not be checked (${errorText(e)})`;
    return { status: 'problem', message: reason, reason, details: [], raw: read.ok ? read.raw : null };
  }
}

/** Keeps a rejected autosave aside; the problem to show and whether the slot must be left alone. */
function keepAside(
  store: KeyValueStore,
  raw: string | null,
  reason: string,
  details: string[],
  fallback: string,
): { problem: StartupProblem; keepSlot: boolean } {
  const title = `Your autosaved world could not be opened (${reason})`;
  if (raw === null)
    return {
      problem: {
        title,
        details,
        fallback: `${fallback} Autosave is paused so that it is not overwritten.`,
        advice: 'Reload the page to try again; if it keeps happening, this browser is refusing its storage.',
      },
      keepSlot: true,
    };
  let kept: { ok: true } | { ok: false; message: string };
  try {
    kept = new ReplacedWorlds(store).keepAside(raw, 'Your autosave could not be opened at start-up');
  } catch (e) {
    kept = { ok: false, message: errorText(e) };
  }
  if (kept.ok)
    return {
      problem: {
        title: `${title}; it was kept aside: see Saved configs`,
        details,
        fallback,
        advice: `To restore it (once this app can read it), copy it or download it: ${WHERE_REPLACED}.`,
      },
      keepSlot: false,
    };
  return {
    problem: {
      title: `${title}, and it could not be kept aside (${kept.message})`,
      details,
      fallback: `${fallback} Autosave is paused so that it is not overwritten.`,
      advice:
        'Save or export what you make now, delete saved configs you no longer need, then reload to try again.',
    },
    keepSlot: true,
  };
}

function resolve(hash: string, store: KeyValueStore): StartupResult {
  const flags = safeFlags(hash);
  // An embedded view never reads or touches the visitor's own work.
  const autosave: AutosaveRead = flags.embed ? { status: 'none' } : safeReadAutosave(store);
  const link = flags.hasConfig ? decodeLinkSafely(hash) : null;

  const result: StartupResult = {
    config: defaultConfig(),
    source: 'default',
    problem: null,
    autosaveProblem: null,
    previousKept: false,
    keepAutosaveSlot: false,
  };
  if (link?.ok) {
    result.config = link.config;
    result.source = 'link';
  } else if (autosave.status === 'ok') {
    result.config = autosave.config;
    result.source = 'autosave';
  }
  const shown =
    result.source === 'link'
      ? 'Showing the world from the link.'
      : result.source === 'autosave'
        ? 'Showing your last autosaved work instead.'
        : DEFAULT_FALLBACK;
  if (link && !link.ok) result.problem = linkProblem(link.errors, shown);

  if (autosave.status === 'problem') {
    const kept = keepAside(store, autosave.raw, autosave.reason, autosave.details, shown);
    result.autosaveProblem = kept.problem;
    result.keepAutosaveSlot = kept.keepSlot;
  } else if (
    autosave.status === 'ok' &&
    result.source === 'link' &&
    JSON.stringify(autosave.config) !== JSON.stringify(result.config)
  ) {
    let recorded: ReturnType<ReplacedWorlds['record']>;
    try {
      recorded = new ReplacedWorlds(store).record(autosave.config, LINK_REASON);
    } catch (e) {
      recorded = { ok: false, code: 'unavailable', message: errorText(e) };
    }
    if (recorded.ok) result.previousKept = recorded.kept;
    else {
      result.keepAutosaveSlot = true;
      result.autosaveProblem = {
        title: `Your autosaved world could not be kept before opening the link (${recorded.message})`,
        details: [],
        fallback: 'Autosave is paused so that it is not overwritten: reload without the link to get it back.',
        advice: 'Delete saved configs you no longer need to make room, then open the link again.',
      };
    }
  }
  return result;
}

export function resolveStartupConfig(hash: string, store: KeyValueStore): StartupResult {
  try {
    return resolve(hash, store);
  } catch (e) {
    // Unreachable unless a guard above has a hole: still the default world, a message, and an autosave
    // slot left alone (its content was not checked).
    let raw: string | null = null;
    const read = tryRead(store, AUTOSAVE_KEY);
    if (read.ok) raw = read.raw;
    return {
      config: defaultConfig(),
      source: 'default',
      problem: {
        title: 'The page could not open your world',
        details: [errorText(e)],
        fallback:
          raw === null
            ? DEFAULT_FALLBACK
            : `${DEFAULT_FALLBACK} Autosave is paused so that your autosaved work is not overwritten.`,
        advice: 'Reload the page to try again.',
      },
      autosaveProblem: null,
      previousKept: false,
      keepAutosaveSlot: raw !== null,
    };
  }
}
