/**
 * The share-link codec: config -> compact URL-safe text (lz-string) and back, validated.
 * Decoding never throws and is bounded: oversized input is refused before it is decompressed.
 */
import LZString from 'lz-string';
import { parseConfig, type Config, type ParseResult } from './schema';

export const LINK_PARAM = 'c';
export const MAX_LINK_CHARS = 16_000;
const MAX_JSON_CHARS = 400_000;

/** Drop defaults-only noise? No: the link carries the whole config so it replays exactly. */
export function encodeConfig(config: Config): string {
  return LZString.compressToEncodedURIComponent(JSON.stringify(config));
}

/** The payload of a link: the `c=` value of a URL fragment (or query), or the bare payload itself. */
export function extractPayload(link: string): string {
  const text = link.trim();
  const hash = text.indexOf('#');
  const part =
    hash >= 0 ? text.slice(hash + 1) : text.includes('?') ? text.slice(text.indexOf('?') + 1) : text;
  for (const kv of part.split('&')) {
    if (kv.startsWith(`${LINK_PARAM}=`)) return kv.slice(LINK_PARAM.length + 1);
  }
  return part;
}

export function decodeConfig(link: string): ParseResult {
  if (typeof link !== 'string' || link.length === 0) return { ok: false, errors: ['link: it is empty'] };
  if (link.length > MAX_LINK_CHARS)
    return {
      ok: false,
      errors: [`link: it is ${link.length} characters, more than ${MAX_LINK_CHARS} allowed`],
    };
  const payload = extractPayload(link);
  let json: string | null;
  try {
    json = LZString.decompressFromEncodedURIComponent(payload);
  } catch {
    json = null;
  }
  if (!json) return { ok: false, errors: ['link: it is damaged or truncated (could not decompress it)'] };
  if (json.length > MAX_JSON_CHARS) return { ok: false, errors: ['link: its content is too large'] };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, errors: ['link: it is damaged or truncated (its content is not JSON)'] };
  }
  return parseConfig(data);
}

/** A full share URL for a page location (origin + path) and a config. */
export function shareUrl(base: string, config: Config): string {
  return `${base.split('#')[0]}#${LINK_PARAM}=${encodeConfig(config)}`;
}
