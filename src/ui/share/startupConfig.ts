/**
 * Which config the page starts with: the link in the URL fragment if there is one and it is valid;
 * otherwise the autosaved work; otherwise the default world. A broken link or a damaged autosave gives
 * a problem to show. Opening a link never loses the work it replaces: a different autosave is kept as
 * the saved config "Before opening a link".
 */
import { decodeConfig } from '../../config/codec';
import { defaultConfig } from '../../config/defaults';
import type { Config } from '../../config/schema';
import { readAutosave } from '../../storage/autosave';
import type { KeyValueStore } from '../../storage/keyValueStore';
import { SavedConfigs } from '../../storage/savedConfigs';
import type { StartupProblem } from './shareState';
import { parseUrlFlags } from './urlFlags';

export const STASH_NAME = 'Before opening a link';

export interface StartupResult {
  config: Config;
  source: 'link' | 'autosave' | 'default';
  problem: StartupProblem | null;
  /** Name of the saved config the previous work was kept under, if any. */
  stashedAs: string | null;
}

export function resolveStartupConfig(hash: string, store: KeyValueStore): StartupResult {
  const flags = parseUrlFlags(hash);
  // An embedded view never reads or touches the visitor's own work.
  const autosave = flags.embed ? ({ status: 'none' } as const) : readAutosave(store);
  const fallbackConfig = autosave.status === 'ok' ? autosave.config : defaultConfig();
  const fallback =
    autosave.status === 'ok'
      ? 'Showing your last autosaved work instead.'
      : 'Showing the default world instead.';

  if (flags.hasConfig) {
    const r = decodeConfig(hash);
    if (!r.ok)
      return {
        config: fallbackConfig,
        source: autosave.status === 'ok' ? 'autosave' : 'default',
        problem: { title: 'This link could not be opened', details: r.errors, fallback },
        stashedAs: null,
      };
    let stashedAs: string | null = null;
    if (autosave.status === 'ok' && JSON.stringify(autosave.config) !== JSON.stringify(r.config)) {
      const saved = new SavedConfigs(store).save(STASH_NAME, autosave.config, { overwrite: true });
      if (saved.ok) stashedAs = STASH_NAME;
    }
    return { config: r.config, source: 'link', problem: null, stashedAs };
  }
  if (autosave.status === 'ok')
    return { config: autosave.config, source: 'autosave', problem: null, stashedAs: null };
  return {
    config: defaultConfig(),
    source: 'default',
    problem:
      autosave.status === 'problem'
        ? {
            title: 'Your autosaved work could not be restored',
            details: [autosave.message],
            fallback: 'Showing the default world instead.',
          }
        : null,
    stashedAs: null,
  };
}
