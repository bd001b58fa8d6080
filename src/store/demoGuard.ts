/**
 * A damaged demonstration never costs the world: when a config that is loaded or edited fails only on
 * its demonstrations (a bad move letter, too many) or carries demonstrations that do not fit its world
 * (teacherAdapter.ts checkDemonstrations), the world is kept, those demonstrations are set aside (kept
 * here, not in the config) and the caller says so with the field errors.
 */
import { create } from 'zustand';
import { DEMO_LIMITS, demoLength, parseDemo } from '../config/demonstrations';
import { parseConfig, type ParseResult } from '../config/schema';
import { checkDemonstrations } from './teacherAdapter';

export interface SetAside {
  text: string;
  why: string;
}

/** The demonstrations set aside last (so they can be read or copied; they are not trained on). */
export const useSetAside = create<{ items: SetAside[] }>()(() => ({ items: [] }));

const isDemoError = (e: string) => e.startsWith('demonstrations');

/** The demonstrations that pass the form check, newest kept within DEMO_LIMITS. */
function wellFormed(list: unknown[], aside: SetAside[]): string[] {
  const ok: string[] = [];
  list.forEach((d, i) => {
    if (typeof d !== 'string')
      return aside.push({ text: String(d), why: `demonstrations[${i}]: not a move string` });
    const p = parseDemo(d);
    if (!p.ok) return aside.push({ text: d, why: `demonstrations[${i}]: ${p.error}` });
    if (p.moves.chosen.length === 0) return;
    ok.push(d);
  });
  while (
    ok.length > DEMO_LIMITS.maxEpisodes ||
    ok.reduce((n, d) => n + demoLength(d), 0) > DEMO_LIMITS.maxMoves
  )
    aside.push({ text: ok.shift()!, why: 'over the limit of demonstrations kept (the oldest went)' });
  return ok;
}

/**
 * parseConfig with the demonstrations guarded: `result` is the config with only the demonstrations that
 * are well formed and fit its world (or the parse's own errors when the world itself is invalid), and
 * `setAside` what was taken out and why.
 */
export function parseGuarded(input: unknown): { result: ParseResult; setAside: SetAside[] } {
  let r = parseConfig(input);
  const setAside: SetAside[] = [];
  if (!r.ok) {
    const demos = (input as { demonstrations?: unknown } | null)?.demonstrations;
    if (!Array.isArray(demos) || !r.errors.every(isDemoError)) return { result: r, setAside };
    const kept = wellFormed(demos, setAside);
    r = parseConfig({ ...(input as object), demonstrations: kept });
    if (!r.ok) return { result: parseConfig(input), setAside: [] };
  }
  if (r.config.demonstrations.length === 0) return { result: r, setAside };
  const fit = checkDemonstrations(r.config);
  if (fit.errors.length === 0) return { result: r, setAside };
  fit.errors.forEach((why) => {
    const i = Number(/\[(\d+)\]/.exec(why)?.[1]);
    setAside.push({ text: r.ok ? (r.config.demonstrations[i] ?? '') : '', why });
  });
  const config = { ...r.config, demonstrations: fit.valid.map((i) => r.ok && r.config.demonstrations[i]) };
  return { result: { ok: true, config: config as typeof r.config }, setAside };
}

/** The notice for demonstrations set aside. */
export function setAsideMessage(items: SetAside[]): string {
  const n = items.length;
  const first = items[0]?.why ?? '';
  return `Kept the world; set aside ${n} demonstration${n === 1 ? '' : 's'} that ${n === 1 ? 'does' : 'do'} not fit it (${first}${n > 1 ? ', …' : ''}).`;
}
