/**
 * npm run sim -- <config.json | share link> [--episodes N] [--seeds K] [--seed S] [--json] [--csv FILE]
 *                [--save-agent FILE] [--load-agent FILE]
 * Runs the browser's engine headlessly. --save-agent writes the trained run as a trained-agent file
 * (the page opens it with Share & save, Open trained agent); --load-agent goes on training a saved one
 * (its config, unless a config with the same world and agent is given for other training settings). Output is written as the runs go (JSON, CSV and the summary
 * alike), so memory stays flat however many episodes and seeds are asked for. Bad input: one line on
 * stderr, exit status 2. Progress goes to stderr, only when it is a terminal.
 */
import { createWriteStream, openSync, closeSync, renameSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { AGENT_FILE_LIMITS, agentFileToJson, parseAgentFileData, type AgentFile } from '../config/agentFile';
import { decodeConfig } from '../config/codec';
import { LIMITS } from '../config/limits';
import { parseVersionedConfig } from '../config/migrate';
import { FILE_JSON_LIMITS } from '../config/safeJson';
import type { Config, ParseResult } from '../config/schema';
import {
  errorLine,
  HelpRequest,
  intArg,
  isFile,
  joinProblems,
  readJsonFile,
  ttyProgress,
  UsageError,
} from './args';
import { EXPORT_TFJS, exportTfjsDir, exportTfjsProblem, TfjsExportError, writeTfjsModel } from './exportTfjs';
import { StreamOutput } from './output';
import { runSeeds, type RunEnd, type RunVisitor } from './runSeeds';

const USAGE =
  'usage: npm run sim -- <config.json | share link> [--episodes N] [--seeds K] [--seed S] [--json] [--csv FILE] [--save-agent FILE] [--load-agent FILE] [--export-tfjs DIR]';
const MAX_SEEDS = 1000;

interface Args {
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

function parseArgs(argv: string[]): Args {
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
const sameAgentAndWorld = (a: Config, b: Config) =>
  JSON.stringify([a.env, a.agent]) === JSON.stringify([b.env, b.agent]);

/** A number as JSON.stringify writes it. */
const num = (x: number) => (Number.isFinite(x) ? String(x) : 'null');

/** `{"runs":[{"seed":..,"episodes":[{return,steps,success},...],"greedy":{...},"values":[[...]]}]}`,
 *  exactly what JSON.stringify({ runs }) gives, one episode at a time. */
function jsonWriter(out: StreamOutput, seeds: number): RunVisitor {
  return {
    startRun: (seed, k) => out.write(`${k ? ',' : '{"runs":['}{"seed":${seed},"episodes":[`),
    episode: (e, i) =>
      out.write(`${i ? ',' : ''}{"return":${num(e.return)},"steps":${e.steps},"success":${e.success}}`),
    endRun: (end, k) =>
      out.write(
        `],"greedy":${JSON.stringify(end.greedy)},"values":${JSON.stringify(end.values)}}` +
          (k === seeds - 1 ? ']}\n' : ''),
      ),
  };
}

function csvWriter(out: StreamOutput): RunVisitor {
  let seed = 0;
  return {
    startRun: (s, k) => {
      seed = s;
      return k === 0 ? out.write('seed,episode,return,steps,success\n') : undefined;
    },
    episode: (e, i) => out.write(`${seed},${i + 1},${e.return},${e.steps},${e.success ? 1 : 0}\n`),
  };
}

/** The text summary: per run, the run's own metrics (RunMetrics, as the app's status shows them: the
 *  mean return and success rate of the last SUCCESS_WINDOW episodes, the 1-based first success). */
function summaryWriter(out: StreamOutput, config: Config): RunVisitor {
  return {
    startRun: (_seed, k) => {
      const g = config.env.grid;
      return k === 0
        ? out.write(`agent ${config.agent.type}, ${g[0].length} x ${g.length} grid\n`, true)
        : undefined;
    },
    endRun: (end: RunEnd) => {
      const m = end.metrics;
      const recent = m.recent();
      const n = recent.length;
      let sum = 0;
      for (const e of recent) sum += e.return;
      const first = m.firstSuccess;
      return out.write(
        `seed ${end.seed}: ${end.episodes} episodes` +
          (end.episodes
            ? `, mean return (last ${n}) ${(sum / Math.max(1, n)).toFixed(3)}, success ${(m.successRate() * 100).toFixed(0)}%, first success ${first !== null ? `episode ${first}` : 'never'}`
            : '') +
          `; greedy: return ${end.greedy.return}, ${end.greedy.steps} steps, ${end.greedy.success ? 'reaches the goal' : 'does not reach a goal'}\n`,
        true,
      );
    },
  };
}

/** Several visitors as one; waits for all that asked to. */
function allOf(visitors: RunVisitor[]): RunVisitor {
  const join = (waits: (void | Promise<void>)[]) => {
    const pending = waits.filter((w): w is Promise<void> => w instanceof Promise);
    return pending.length ? Promise.all(pending).then(() => undefined) : undefined;
  };
  return {
    startRun: (seed, k) => join(visitors.map((v) => v.startRun?.(seed, k))),
    episode: (e, i, k) => join(visitors.map((v) => v.episode?.(e, i, k))),
    endRun: (end, k) => join(visitors.map((v) => v.endRun?.(end, k))),
  };
}

/**
 * An output file written under a temporary name beside it and renamed into place only when the whole
 * command has succeeded, so a refused or failed run never empties or half-writes an existing file. The
 * temporary file is made at once: an unwritable place is found before anything runs.
 */
class PendingFile {
  readonly temp: string;
  private made = false;

  constructor(readonly path: string) {
    this.temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  }

  /** Makes the (empty) temporary file; throws the system error (ENOENT, EACCES, ...) when it cannot. */
  create(): void {
    const st = statOrNull(this.path);
    if (st?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    closeSync(openSync(this.temp, 'wx'));
    this.made = true;
  }

  commit(): void {
    renameSync(this.temp, this.path);
    this.made = false;
  }

  discard(): void {
    if (this.made) rmSync(this.temp, { force: true });
    this.made = false;
  }
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Two paths name the same file (the same path, or two names of one existing file). */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  const x = statOrNull(a);
  const y = statOrNull(b);
  return !!x && !!y && x.dev === y.dev && x.ino === y.ino;
}

/** What is wrong with the output files asked for, before anything is written; null when nothing. */
function outputProblem(args: Args): string | null {
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

/** Writing the --save-agent file failed. */
class SaveError extends Error {}

const errCode = (e: unknown) => (e as NodeJS.ErrnoException | null)?.code ?? 'error';

async function main(argv: string[]): Promise<number> {
  const fail = (message: string, status: number) => {
    process.stderr.write(errorLine('sim', message));
    return status;
  };
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof HelpRequest) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    return fail((e as Error).message, 2);
  }
  // Everything is checked before anything is written: the agent file, the config, the output files.
  let loaded: AgentFile | null = null;
  if (args.loadAgent) {
    const file = loadAgentFile(args.loadAgent);
    if (!file.ok) return fail(`cannot load the agent: ${joinProblems(file.errors)}`, 2);
    loaded = file.file;
  }
  let config: Config;
  if (args.source) {
    const parsed = loadConfig(args.source);
    if (!parsed.ok) return fail(`invalid config: ${joinProblems(parsed.errors)}`, 2);
    config = parsed.config;
    if (loaded && !sameAgentAndWorld(config, loaded.config))
      return fail(
        `the agent in ${args.loadAgent} was trained on another world or agent than ${args.source}; leave out the config to use the agent's own`,
        2,
      );
    if (loaded) config.train.seed = loaded.config.train.seed;
  } else config = loaded!.config;
  if (args.episodes !== undefined) config.train.episodes = args.episodes;
  if (args.seed !== undefined) config.train.seed = args.seed;
  if (config.train.seed + args.seeds - 1 > LIMITS.maxSeed)
    return fail(
      `--seeds ${args.seeds} from seed ${config.train.seed} goes past the largest seed ${LIMITS.maxSeed}`,
      2,
    );
  const problem = outputProblem(args);
  if (problem) return fail(problem, 2);

  const pending: PendingFile[] = [];
  const discardAll = () => pending.forEach((p) => p.discard());
  const csvFile = args.csv ? new PendingFile(args.csv) : null;
  const saveFile = args.saveAgent ? new PendingFile(args.saveAgent) : null;
  for (const f of [csvFile, saveFile]) {
    if (!f) continue;
    try {
      f.create();
      pending.push(f);
    } catch (e) {
      discardAll();
      return fail(`cannot write ${f.path} (${errCode(e)})`, 2);
    }
  }
  // Ctrl+C: the CSV keeps the whole rows written so far (as it always has), the agent is not saved.
  const onSigint = () => {
    saveFile?.discard();
    try {
      csvFile?.commit();
    } catch {
      csvFile?.discard();
    }
    process.kill(process.pid, 'SIGINT');
  };
  if (pending.length) process.once('SIGINT', onSigint);

  const tfjsProblem = exportTfjsProblem(args.exportTfjs, args.seeds, config);
  if (tfjsProblem) return fail(tfjsProblem, 2);
  let csv: StreamOutput | null = null;
  if (csvFile) {
    try {
      const stream = createWriteStream(csvFile.temp);
      await once(stream, 'open');
      csv = new StreamOutput(stream, true);
    } catch (e) {
      discardAll();
      return fail(`cannot write ${csvFile.path} (${errCode(e)})`, 2);
    }
  }
  const stdout = new StreamOutput(process.stdout);
  const progress = ttyProgress();
  const episodes = config.train.episodes;
  const visitors: RunVisitor[] = [
    {
      // only once the saved run is known to fit (its trainer is built): never "loaded" then "cannot load"
      startRun: (_seed, k) =>
        loaded && !args.json && k === 0
          ? stdout.write(
              `loaded ${args.loadAgent}: ${(loaded.state.metrics.numbers.count ?? 0).toLocaleString('en')} episodes trained before\n`,
              true,
            )
          : undefined,
    },
    args.json ? jsonWriter(stdout, args.seeds) : summaryWriter(stdout, config),
    {
      episode: (_e, i, k) => {
        if ((i & 1023) === 0)
          progress.update(
            () =>
              `seed ${k + 1}/${args.seeds}, episode ${(i + 1).toLocaleString('en')}/${episodes.toLocaleString('en')}`,
          );
      },
    },
  ];
  if (csv) visitors.push(csvWriter(csv));
  try {
    await runSeeds(config, args.seeds, allOf(visitors), {
      resume: loaded?.state,
      trained:
        saveFile || args.exportTfjs
          ? async (t) => {
              if (saveFile) {
                try {
                  await writeFile(saveFile.temp, agentFileToJson(config, t.exportState()));
                } catch (e) {
                  throw new SaveError(`cannot write ${saveFile.path} (${errCode(e)})`);
                }
              }
              if (args.exportTfjs) await writeTfjsModel(args.exportTfjs, config, t);
            }
          : undefined,
    });
    await stdout.finish();
    await csv?.finish();
    for (const f of pending) {
      try {
        f.commit();
      } catch (e) {
        throw f === saveFile
          ? new SaveError(`cannot write ${f.path} (${errCode(e)})`)
          : Object.assign(new Error(`cannot write ${f.path}`), { csvError: errCode(e) });
      }
    }
  } catch (e) {
    process.off('SIGINT', onSigint);
    progress.done();
    csv?.stream.destroy();
    discardAll();
    const outError = stdout.stream.errored ?? (errCode(e) === 'EPIPE' ? e : null);
    // the reader went away (| head): stop quietly
    if (outError)
      return errCode(outError) === 'EPIPE' ? 0 : fail(`cannot write the output (${errCode(outError)})`, 1);
    const csvError = (e as { csvError?: string } | null)?.csvError;
    if (csv?.stream.errored || csvError)
      return fail(`cannot write ${args.csv} (${csvError ?? errCode(csv?.stream.errored ?? e)})`, 1);
    if (e instanceof SaveError || e instanceof TfjsExportError) return fail(e.message, 1);
    if ((e as Error)?.name === 'AgentStateError')
      return fail(`cannot load the agent: ${(e as Error).message}`, 2);
    return fail(`the run failed: ${(e as Error)?.message ?? String(e)}`, 1);
  }
  process.off('SIGINT', onSigint);
  progress.done();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(errorLine('sim', `the run failed: ${(e as Error)?.message ?? String(e)}`));
    process.exitCode = 1;
  },
);
