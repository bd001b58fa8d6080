/**
 * npm run sim -- <config.json | share link> [--episodes N] [--seeds K] [--seed S] [--json] [--csv FILE]
 *                [--save-agent FILE] [--load-agent FILE]
 * Runs the browser's engine headlessly. --save-agent writes the trained run as a trained-agent file
 * (the page opens it with Share & save, Open trained agent); --load-agent goes on training a saved one
 * (its config, unless a config with the same world and agent is given for other training settings).
 * Output is written as the runs go (JSON, CSV and the summary alike), so memory stays flat however many
 * episodes and seeds are asked for. Bad input: one line on stderr, exit status 2. Progress goes to
 * stderr, only when it is a terminal. This file runs the command; simArgs.ts reads and checks its
 * arguments and inputs, simOutput.ts writes its output.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { agentFileToJson, type AgentFile } from '../config/agentFile';
import { LIMITS } from '../config/limits';
import type { Config } from '../config/schema';
import { errorLine, HelpRequest, joinProblems, runCommand, ttyProgress } from './args';
import { exportTfjsProblem, TfjsExportError, writeTfjsModel } from './exportTfjs';
import { StreamOutput } from './output';
import { runSeeds, type RunVisitor } from './runSeeds';
import {
  loadAgentFile,
  loadConfig,
  outputProblem,
  parseArgs,
  sameAgentAndWorld,
  USAGE,
  type Args,
} from './simArgs';
import { allOf, csvWriter, jsonWriter, PendingFile, summaryWriter } from './simOutput';

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

runCommand('sim', main);
