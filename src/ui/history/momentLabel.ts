/** What a recorded moment is called: on the timeline's label and marks, and in an exported replay. */
import type { Moment } from '../../worker/protocol';

export const fmt = (n: number) => n.toLocaleString('en-US');

/** What a moment's marks say ("first reward", "solved"). */
export function markNames(m: Moment): string[] {
  const out: string[] = [];
  if (m.marks.includes('first-success')) out.push('first reward');
  if (m.marks.includes('solved')) out.push('solved');
  return out;
}

/** "Episode 1,234 · first reward" and the like. */
export function momentLabel(m: Moment): string {
  const parts = [`Episode ${fmt(m.episode)}`];
  if (m.plans > 0) parts.push(`planning step ${fmt(m.plans)}`);
  return [...parts, ...markNames(m)].join(' · ');
}
