/**
 * Validation of configs read back from storage. A stored value is untrusted (another version of the app,
 * a browser extension or a full disk may have written it), so a validator that throws on it counts as a
 * damaged entry, never as a crash.
 */
import { parseVersionedConfig } from '../config/migrate';
import { CONFIG_VERSION, type ParseResult } from '../config/schema';
import { errorText } from './keyValueStore';

export function parseStoredConfig(value: unknown): ParseResult {
  try {
    return parseVersionedConfig(value);
  } catch (e) {
    return { ok: false, errors: [`(config): it could not be checked (${errorText(e)})`] };
  }
}

/** Whether a stored config claims a version newer than this app reads. */
export function isFromNewerApp(value: unknown): boolean {
  const v =
    typeof value === 'object' && value !== null ? (value as { version?: unknown }).version : undefined;
  return typeof v === 'number' && v > CONFIG_VERSION;
}
