/**
 * The share-link codec: config -> compact URL-safe text and back, validated.
 *
 * Encoding: the compact config (fields equal to their defaults dropped, see compactConfig.ts) as JSON,
 * compressed with lz-string's URI-safe alphabet. A link is `<page>#c=<payload>`, optionally with other
 * `&`-separated flags (`#embed=1&c=...`).
 *
 * Decoding never throws and is bounded in time and memory: the link length is checked before anything
 * else, the decompressor stops at MAX_JSON_CHARS, JSON nesting depth is checked before parsing,
 * prototype-pollution keys are refused, the version drives migration, and the schema bounds the rest.
 */
import LZString from 'lz-string';
import { compactConfig } from './compactConfig';
import { decompressBounded } from './lzDecompress';
import { parseVersionedConfig } from './migrate';
import { CONFIG_JSON_LIMITS, clip, contentError, parseJsonSafely } from './safeJson';
import { MAX_MESSAGE_CHARS, neverThrow, type Config, type ParseResult } from './schema';

export const LINK_PARAM = 'c';
/** Longest accepted link. The largest valid config (50 x 50 random grid, 2,500 reward overrides) fits. */
export const MAX_LINK_CHARS = 100_000;
/** Longest accepted decompressed JSON (the largest valid config is about 150,000 characters). */
export const MAX_JSON_CHARS = CONFIG_JSON_LIMITS.maxChars;
const MAX_ERRORS = 8;

export function encodeConfig(config: Config): string {
  return LZString.compressToEncodedURIComponent(JSON.stringify(compactConfig(config)));
}

function safeDecodeUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The part of a link that carries parameters: its fragment, else its query, else the whole text. */
function paramPart(link: string): string {
  const text = link.trim();
  const hash = text.indexOf('#');
  if (hash >= 0) return text.slice(hash + 1);
  const query = text.indexOf('?');
  return query >= 0 ? text.slice(query + 1) : text;
}

/** The `&`-separated key=value pairs of a link's fragment (first occurrence of each key wins). */
export function linkParams(link: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const kv of paramPart(link).split('&')) {
    const eq = kv.indexOf('=');
    if (eq > 0 && !params.has(kv.slice(0, eq))) params.set(kv.slice(0, eq), kv.slice(eq + 1));
  }
  return params;
}

/** The payload of a link: the `c=` value of a URL fragment (or query), or the bare payload itself. */
export function extractPayload(link: string): string {
  return linkParams(link).get(LINK_PARAM) ?? paramPart(link);
}

const fail = (message: string): ParseResult => ({ ok: false, errors: [`link: ${message}`] });

export function decodeConfig(link: string): ParseResult {
  return neverThrow('link', () => decodeLink(link));
}

function decodeLink(link: string): ParseResult {
  if (typeof link !== 'string' || link.trim().length === 0) return fail('it is empty');
  if (link.length > MAX_LINK_CHARS)
    return fail(
      `it is too long (${link.length.toLocaleString('en')} characters, at most ${MAX_LINK_CHARS.toLocaleString('en')})`,
    );
  let payload = extractPayload(link);
  if (payload.includes('%')) payload = safeDecodeUri(payload);
  if (payload.length === 0) return fail('it has no config in it (nothing after c=)');
  const unpacked = decompressBounded(payload, MAX_JSON_CHARS);
  if (!unpacked.ok)
    return fail(
      unpacked.reason === 'too-large'
        ? 'its content is too large to be a config'
        : unpacked.reason === 'alphabet'
          ? 'it is damaged or truncated (it contains characters a share link never has)'
          : 'it is damaged or truncated (it could not be decompressed)',
    );
  const json = parseJsonSafely(unpacked.text, CONFIG_JSON_LIMITS);
  if (!json.ok) return fail(`it is damaged or truncated (${contentError(json.error)})`);
  const parsed = parseVersionedConfig(json.value);
  if (parsed.ok) return parsed;
  return { ok: false, errors: parsed.errors.slice(0, MAX_ERRORS).map((e) => clip(e, MAX_MESSAGE_CHARS)) };
}

/** A full share URL for a page location and a config; other fragment flags (embed=1) are kept. */
export function shareUrl(base: string, config: Config, flags: Record<string, string> = {}): string {
  const extra = Object.entries(flags).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return `${base.split('#')[0]}#${[...extra, `${LINK_PARAM}=${encodeConfig(config)}`].join('&')}`;
}
