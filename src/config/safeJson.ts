/**
 * JSON parsing for untrusted text (share links, imported files, localStorage, CLI files): bounded length
 * and nesting depth (checked before parsing), a leading byte order mark ignored, and no
 * prototype-pollution keys in the result. Never throws.
 */

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface SafeJsonLimits {
  maxChars: number;
  /** Deepest allowed nesting of objects and arrays (a config needs 4). */
  maxDepth: number;
}

export const CONFIG_JSON_LIMITS: SafeJsonLimits = { maxChars: 400_000, maxDepth: 12 };
/** Files the command line reads: room for an experiment (a base config and 8 variants) and for long
 *  hand-written files. */
export const FILE_JSON_LIMITS: SafeJsonLimits = { maxChars: 2_000_000, maxDepth: 12 };

export type SafeJsonResult = { ok: true; value: unknown } | { ok: false; error: string };

/** The deepest nesting of [ and { outside strings, stopping early once it passes `limit`. */
export function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92)
        i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) {
      if (++depth > max) max = depth;
      if (max > limit) return max;
    } else if (ch === 93 || ch === 125) depth--;
  }
  return max;
}

/** The path of the first forbidden key in a parsed JSON value, or null. Iterative (no recursion). */
export function findForbiddenKey(value: unknown): string | null {
  const stack: Array<{ v: unknown; path: string }> = [{ v: value, path: '' }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ v: item, path: `${path}[${i}]` }));
      continue;
    }
    for (const key of Object.keys(v)) {
      const here = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return here;
      stack.push({ v: (v as Record<string, unknown>)[key], path: here });
    }
  }
  return null;
}

/** The text without a leading UTF-8 byte order mark (some editors on Windows write one; JSON.parse
 *  refuses it). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parseJsonSafely(text: string, limits: SafeJsonLimits = CONFIG_JSON_LIMITS): SafeJsonResult {
  if (typeof text !== 'string') return { ok: false, error: 'it is not text' };
  text = stripBom(text);
  if (text.length > limits.maxChars)
    return {
      ok: false,
      error: `it is too large (${text.length.toLocaleString('en')} characters, at most ${limits.maxChars.toLocaleString('en')})`,
    };
  if (nestingDepth(text, limits.maxDepth) > limits.maxDepth)
    return { ok: false, error: `it is nested more than ${limits.maxDepth} levels deep` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `it is not valid JSON (${oneLine((e as Error).message, 120)})` };
  }
  const bad = findForbiddenKey(value);
  if (bad !== null) return { ok: false, error: `it contains the forbidden key '${oneLine(bad, 80)}'` };
  return { ok: true, value };
}

/** Shortens untrusted text for a message (never splitting a surrogate pair). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Untrusted text as one printable line of at most `max` characters: line breaks and other control
 *  characters are shown escaped (a key "a<newline>b" reads a\nb), then the text is clipped. */
export function oneLine(text: string, max: number): string {
  const escaped = text.replace(
    CONTROL,
    (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return clip(escaped, max);
}

/**
 * A file's bytes as text, the same in the page and the command line: UTF-8, or UTF-16 when the file
 * starts with a UTF-16 byte order mark (Windows editors save "Unicode" that way); a leading byte order
 * mark is dropped. Invalid bytes become U+FFFD (which JSON parsing then refuses with a message).
 */
export function decodeText(bytes: Uint8Array): string {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

/** A parse error about the text inside something (a link, an autosave): "its content is nested…". */
export function contentError(error: string): string {
  return `its content ${error.replace(/^it (is|contains) /, '$1 ')}`;
}
