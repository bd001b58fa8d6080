/**
 * Config JSON files: export (pretty, the whole config, so the file documents every setting) and import
 * (bounded, validated, migrated; a pasted share link is accepted too). Import never throws.
 */
import { decodeConfig } from '../config/codec';
import { parseVersionedConfig } from '../config/migrate';
import { CONFIG_JSON_LIMITS, parseJsonSafely, stripBom } from '../config/safeJson';
import type { Config, ParseResult } from '../config/schema';

/** Largest file accepted for import (checked before reading it). */
export const MAX_IMPORT_BYTES = 1_000_000;

export function configToJson(config: Config): string {
  return JSON.stringify(config, null, 2) + '\n';
}

function looksLikeLink(text: string): boolean {
  return /^(https?:\/\/|#|c=)/.test(text) || /#(.*&)?c=/.test(text);
}

/** Said when a trained-agent file is imported as a config. */
export const AGENT_FILE_IMPORTED =
  'file: this is a trained-agent file, not a config: open it with Share & save → Open trained agent…';

/** Whether text (or its first few hundred characters) is a trained-agent file (agentFile.ts). */
export function looksLikeAgentFile(text: string): boolean {
  return /^\s*\{\s*"format"\s*:\s*"gridworld-rl-agent"/.test(stripBom(text).slice(0, 200));
}

/** Parses the text of an imported file: a config JSON (any supported version) or a share link. */
export function parseConfigFile(text: string): ParseResult {
  const trimmed = stripBom(text).trim();
  if (!trimmed) return { ok: false, errors: ['file: it is empty'] };
  if (!trimmed.startsWith('{') && looksLikeLink(trimmed)) return decodeConfig(trimmed);
  if (looksLikeAgentFile(trimmed)) return { ok: false, errors: [AGENT_FILE_IMPORTED] };
  const json = parseJsonSafely(trimmed, CONFIG_JSON_LIMITS);
  if (!json.ok) return { ok: false, errors: [`file: ${json.error}`] };
  const v = json.value as Record<string, unknown> | null;
  if (v && typeof v === 'object' && v.format === 'gridworld-rl-agent')
    return { ok: false, errors: [AGENT_FILE_IMPORTED] };
  return parseVersionedConfig(json.value);
}
