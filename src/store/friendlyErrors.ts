/**
 * Turns parseConfig's path-pointing messages into sentences for the page: grid rules get plain-words
 * explanations, field messages get the field's label (declared in the schema) instead of its path.
 */
import { labelAt } from '../config/fieldMeta';

const GRID_RULES: [RegExp, string][] = [
  [/needs exactly one start S, found 0/, 'The world needs a start (S): drag the start to move it instead.'],
  [/needs exactly one start S, found (\d+)/, 'The world has exactly one start: painting a start moves it.'],
  [/needs at least one open cell/, 'The world needs at least one open cell besides the start.'],
  [/a reward override applies only to/, 'Only goal, pit, cliff and bonus cells can have their own reward.'],
];

/** `labels` maps config paths (e.g. "agent.alpha") to field labels; otherwise the schema's label. */
export function friendlyErrors(errors: string[], labels: Record<string, string> = {}): string {
  const out: string[] = [];
  for (const e of errors) {
    const rule = GRID_RULES.find(([re]) => re.test(e));
    if (rule) {
      if (!out.includes(rule[1])) out.push(rule[1]);
      continue;
    }
    const colon = e.indexOf(': ');
    const path = colon > 0 ? e.slice(0, colon) : '';
    const label = labels[path] ?? (path ? labelAt(path) : undefined);
    const text = label ? `${label}: ${e.slice(colon + 2)}` : e;
    if (!out.includes(text)) out.push(text);
    if (out.length >= 3) break;
  }
  return out.join(' ') || 'That change would make the settings invalid.';
}

/** TensorFlow.js did not load or start (its chunk, its wasm, a backend), as opposed to a bad file. */
const TFJS_FAILURE =
  /TensorFlow|tfjs|backend could start|\.wasm|WebAssembly|dynamically imported module|Failed to fetch/i;

/**
 * The advice under an error from building a run. A neural agent's hint speaks of TensorFlow.js only
 * when it is TensorFlow.js that failed; a trained-agent file that does not fit is about the file.
 */
export function createErrorHint(message: string, neural: boolean): string {
  if (/trained agent could not be loaded/i.test(message))
    return 'The file does not fit this agent and world: open another, or Reset.';
  if (neural && TFJS_FAILURE.test(message))
    return 'Neural agents need TensorFlow.js. Pick a tabular agent such as Q-learning to train right away.';
  return 'Check the agent settings, or pick another agent.';
}

/** A lazy chunk that could not be fetched (Chromium, Firefox and Safari word it differently): after a
 *  new version was installed, the old tab's files are gone from the server. */
const MISSING_CHUNK =
  /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS/i;

export function isMissingChunkError(e: unknown): boolean {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : typeof e === 'string' ? e : '';
  return MISSING_CHUNK.test(text);
}

/** What a reload costs when this tab's version is gone: the world is autosaved, the run is not. */
export function staleVersionText(episodes: number): string {
  const run =
    episodes > 0 ? ` The run (${episodes} episodes) is lost: first Save trained agent to keep it.` : '';
  return `This tab runs an older version of the app, now gone from the server. Reload for the new one: your world and settings are autosaved and come back.${run}`;
}
