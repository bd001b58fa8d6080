/**
 * The sim command's argument handling: its options, the config and trained-agent file it reads, and
 * the checks on the output files it is asked for, all before anything runs or is written (sim.ts).
 */
import { resolve } from 'node:path';
import { AGENT_FILE_LIMITS, parseAgentFileData, type AgentFile } from '../config/agentFile';
import { decodeConfig } from '../config/codec';
import { LIMITS } from '../config/limits';
import { parseVersionedConfig } from '../config/migrate';
import { FILE_JSON_LIMITS } from '../config/safeJson';
import type { Config, ParseResult } from '../config/schema';
import { HelpRequest, intArg, isFile, readJsonFile, statOrNull, UsageError } from './args';
import { EXPORT_TFJS, exportTfjsDir } from './exportTfjs';

export const USAGE =
  'usage: npm run sim -- <config.json | share link> [--episodes N] [--seeds K] [--seed S] [--json] [--csv FILE] [--save-agent FILE] [--load-agent FILE] [--export-tfjs DIR]';
const MAX_SEEDS = 1000;

export interface Args {
  source: string;
  episodes?: number;
  seeds: number;
  seed?: number;
  json: boolean;
  csv?: string;
  saveAgent?: string;
  loadAgent?: string;
  exportTfjs?: string;
}

export function parseArgs(argv: string[]): Args {
  const a: Args = { source: '', seeds: 1, json: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--episodes') a.episodes = intArg(k, argv[++i], 1, LIMITS.maxEpisodes);
    else if (k === '--seeds') a.seeds = intArg(k, argv[++i], 1, MAX_SEEDS);
    else if (k === '--seed') a.seed = intArg(k, argv[++i], 0, LIMITS.maxSeed);
    else if (k === '--json') a.json = true;
    else if (k === '--csv') {
      a.csv = argv[++i];
      if (!a.csv) throw new UsageError('--csv needs a file name');
    } else if (k === '--save-agent' || k === '--load-agent') {
      const file = argv[++i];
      if (!file || file.startsWith('--')) throw new UsageError(`${k} needs a file name`);
      if (k === '--save-agent') a.saveAgent = file;
      else a.loadAgent = file;
    } else if (k === EXPORT_TFJS) a.exportTfjs = exportTfjsDir(argv[++i]);
    else if (k === '--help' || k === '-h') throw new HelpRequest();
    else if (k.startsWith('--')) throw new UsageError(`unknown option ${k}; ${USAGE}`);
    else if (a.source) throw new UsageError(`more than one config given ('${a.source}' and '${k}')`);
    else a.source = k;
  }
  if (!a.source && !a.loadAgent) throw new UsageError(`no config given; ${USAGE}`);
  if ((a.saveAgent || a.loadAgent) && a.seeds !== 1)
    throw new UsageError(`--${a.saveAgent ? 'save' : 'load'}-agent trains one run: leave out --seeds`);
  if (a.loadAgent && a.seed !== undefined)
    throw new UsageError('--seed does not apply to a loaded agent: it goes on with its own random streams');
  return a;
}

function looksLikeLink(s: string): boolean {
  return s.includes('#') || /^https?:/.test(s) || /^c=/.test(s);
}

/** A config from a file (an existing file is read even if its name has a '#') or a share link. */
export function loadConfig(source: string): ParseResult {
  if (!isFile(source) && looksLikeLink(source)) return decodeConfig(source);
  const file = readJsonFile(source, FILE_JSON_LIMITS);
  return file.ok ? parseVersionedConfig(file.value) : { ok: false, errors: [file.error] };
}

/** A trained-agent file for --load-agent. */
export function loadAgentFile(path: string): { ok: true; file: AgentFile } | { ok: false; errors: string[] } {
  const read = readJsonFile(path, AGENT_FILE_LIMITS);
  if (!read.ok) return { ok: false, errors: [read.error] };
  return parseAgentFileData(read.value);
}

/** The world and agent of two configs are the same (a loaded agent only fits its own). */
export const sameAgentAndWorld = (a: Config, b: Config) =>
  JSON.stringify([a.env, a.agent]) === JSON.stringify([b.env, b.agent]);

/** Two paths name the same file (the same path, or two names of one existing file). */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  const x = statOrNull(a);
  const y = statOrNull(b);
  return !!x && !!y && x.dev === y.dev && x.ino === y.ino;
}

/** What is wrong with the output files asked for, before anything is written; null when nothing. */
export function outputProblem(args: Args): string | null {
  const { csv, saveAgent, source, loadAgent } = args;
  if (csv && saveAgent && sameFile(csv, saveAgent))
    return `--csv and --save-agent name the same file (${csv}): give each its own`;
  const inputs = [
    ...(source && isFile(source) ? [{ path: source, what: 'the config' }] : []),
    ...(loadAgent ? [{ path: loadAgent, what: 'the agent file' }] : []),
  ];
  for (const [option, out] of [
    ['--csv', csv],
    ['--save-agent', saveAgent],
  ] as const) {
    if (!out) continue;
    for (const input of inputs) {
      // saving the agent over the file it was loaded from is fine: it goes on from there
      if (option === '--save-agent' && input.what === 'the agent file') continue;
      if (sameFile(out, input.path))
        return `${option} ${out} is ${input.what} this command reads: write the output elsewhere`;
    }
  }
  return null;
}
