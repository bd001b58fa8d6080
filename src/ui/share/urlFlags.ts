/**
 * Flags in the URL fragment next to the config: `#embed=1&controls=0&present=1&c=...`.
 * embed: only the grid and the charts (for an iframe); controls: show the run controls in embed mode
 * (default on); present: start in presentation mode.
 */
import { LINK_PARAM, linkParams, shareUrl } from '../../config/codec';
import type { Config } from '../../config/schema';

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
