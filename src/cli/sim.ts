/**
 * npm run sim -- <config.json | share link> [--episodes N] [--seeds K] [--seed S] [--json] [--csv FILE]
 * Runs the browser's engine headlessly. Bad input: one line on stderr, exit status 2.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { decodeConfig } from '../config/codec';
import { LIMITS } from '../config/limits';
import { parseVersionedConfig } from '../config/migrate';
import type { Config, ParseResult } from '../config/schema';
import { runSeeds, type RunResult } from './runSeeds';
import { intArg, UsageError } from './args';

const USAGE =
  'usage: npm run sim -- <config.json | share link> [--episodes N] [--seeds K] [--seed S] [--json] [--csv FILE]';

interface Args {
  source: string;
  episodes?: number;
  seeds: number;
  seed?: number;
  json: boolean;
  csv?: string;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { source: '', seeds: 1, json: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--episodes') a.episodes = intArg(k, argv[++i], 1, LIMITS.maxEpisodes);
    else if (k === '--seeds') a.seeds = intArg(k, argv[++i], 1, 1000);
    else if (k === '--seed') a.seed = intArg(k, argv[++i], 0, LIMITS.maxSeed);
    else if (k === '--json') a.json = true;
    else if (k === '--csv') {
      a.csv = argv[++i];
      if (!a.csv) throw new UsageError('--csv needs a file name');
    } else if (k === '--help' || k === '-h') throw new UsageError(USAGE);
    else if (k.startsWith('--')) throw new UsageError(`unknown option ${k}; ${USAGE}`);
    else if (a.source) throw new UsageError(`more than one config given ('${a.source}' and '${k}')`);
    else a.source = k;
  }
  if (!a.source) throw new UsageError(`no config given; ${USAGE}`);
  return a;
}

function looksLikeLink(s: string): boolean {
  return s.includes('#') || /^https?:/.test(s) || /^c=/.test(s);
}

export function loadConfig(source: string): ParseResult {
  if (looksLikeLink(source)) return decodeConfig(source);
  let text: string;
  try {
    text = readFileSync(source, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, errors: [`${source}: cannot read the file (${code ?? 'error'})`] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`${source}: not valid JSON (${(e as Error).message})`] };
  }
  return parseVersionedConfig(data);
}

function toCsv(runs: RunResult[]): string {
  const lines = ['seed,episode,return,steps,success'];
  for (const r of runs)
    r.episodes.forEach((e, i) =>
      lines.push(`${r.seed},${i + 1},${e.return},${e.steps},${e.success ? 1 : 0}`),
    );
  return lines.join('\n') + '\n';
}

function summary(config: Config, runs: RunResult[]): string {
  const out = [`agent ${config.agent.type}, ${config.env.grid[0].length} x ${config.env.grid.length} grid`];
  for (const r of runs) {
    const n = r.episodes.length;
    const last = r.episodes.slice(-Math.min(100, n));
    const mean = last.reduce((t, e) => t + e.return, 0) / Math.max(1, last.length);
    const rate = last.filter((e) => e.success).length / Math.max(1, last.length);
    const first = r.episodes.findIndex((e) => e.success);
    out.push(
      `seed ${r.seed}: ${n} episodes` +
        (n
          ? `, mean return (last ${last.length}) ${mean.toFixed(3)}, success ${(rate * 100).toFixed(0)}%, first success ${first >= 0 ? `episode ${first + 1}` : 'never'}`
          : '') +
        `; greedy: return ${r.greedy.return}, ${r.greedy.steps} steps, ${r.greedy.success ? 'reaches the goal' : 'does not reach a goal'}`,
    );
  }
  return out.join('\n');
}

async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`sim: ${(e as Error).message}\n`);
    return 2;
  }
  const parsed = loadConfig(args.source);
  if (!parsed.ok) {
    process.stderr.write(`sim: invalid config: ${parsed.errors.join('; ')}\n`);
    return 2;
  }
  const config = parsed.config;
  if (args.episodes !== undefined) config.train.episodes = args.episodes;
  if (args.seed !== undefined) config.train.seed = args.seed;
  let runs: RunResult[];
  try {
    runs = await runSeeds(config, args.seeds);
  } catch (e) {
    process.stderr.write(`sim: the run failed: ${(e as Error).message}\n`);
    return 1;
  }
  if (args.csv) {
    try {
      writeFileSync(args.csv, toCsv(runs));
    } catch (e) {
      process.stderr.write(
        `sim: cannot write ${args.csv} (${(e as NodeJS.ErrnoException).code ?? 'error'})\n`,
      );
      return 2;
    }
  }
  process.stdout.write(args.json ? JSON.stringify({ runs }) + '\n' : summary(config, runs) + '\n');
  return 0;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
