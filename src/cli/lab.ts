/**
 * npm run lab -- compare <experiment.json | preset-id> [--seeds K] [--episodes N] [--json]
 * npm run lab -- sweep <config.json | sweep.json | preset-id> [--distances 2,4,...] [--seeds K]
 *                      [--budget STEPS] [--variant NAME] [--json]
 * npm run lab -- budget <budget.json | preset-id> [--seeds K] [--episodes N] [--json]
 * The lab's comparison, sparsity sweep and thinking budget, headless (comparisons and sweeps of neural
 * agents on one worker thread per core: labThreads.ts). Bad input: one line on stderr, exit status 2.
 * Progress goes to stderr, only when it is a terminal.
 */
import {
  applyVariant,
  budgetJson,
  budgetTable,
  comparisonJson,
  comparisonTable,
  getPreset,
  parseBudget,
  parseExperiment,
  parseSweep,
  PRESETS,
  runBudget,
  sweepJson,
  sweepTable,
  type BudgetSpec,
  type Experiment,
  type SweepSpec,
} from '../core/index';
import { MAX_LAB_EPISODES, MAX_LAB_SEEDS, MAX_SWEEP_BUDGET } from '../config/experiment';
import { presetBudgetInput, presetExperimentInput, presetSweepInput } from '../config/presetExperiments';
import { FILE_JSON_LIMITS } from '../config/safeJson';
import { parseConfig } from '../config/schema';
import { defaultDistances } from '../rl/lab/placeGoal';
import {
  errorLine,
  HelpRequest,
  intArg,
  joinProblems,
  printable,
  readJsonFile,
  stdoutFailure,
  ttyProgress,
  runCommand,
  UsageError,
  writeStdout,
} from './args';
import { runComparisonThreaded, runSweepThreaded } from './labThreads';

const USAGE =
  'usage: npm run lab -- compare <experiment.json | preset> [--seeds K] [--episodes N] [--json]\n' +
  '       npm run lab -- sweep <config.json | preset> [--distances 2,4,...] [--seeds K] [--budget STEPS] [--variant NAME] [--json]\n' +
  '       npm run lab -- budget <budget.json | preset> [--seeds K] [--episodes N] [--json]\n' +
  `presets: ${PRESETS.map((p) => p.id).join(', ')}\n` +
  `thinking-budget presets: ${PRESETS.filter((p) => p.budget)
    .map((p) => p.id)
    .join(', ')}`;

const COMMANDS = ['compare', 'sweep', 'budget'] as const;

interface Args {
  command: (typeof COMMANDS)[number];
  source: string;
  seeds?: number;
  episodes?: number;
  budget?: number;
  distances?: number[];
  variant?: string;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') throw new HelpRequest();
  if (!(COMMANDS as readonly string[]).includes(command))
    throw new UsageError(`unknown command '${command ?? ''}': use compare, sweep or budget (see --help)`);
  const a: Args = { command: command as Args['command'], source: '', json: false };
  for (let i = 0; i < rest.length; i++) {
    const k = rest[i];
    if (k === '--seeds') a.seeds = intArg(k, rest[++i], 1, MAX_LAB_SEEDS);
    else if (k === '--episodes') a.episodes = intArg(k, rest[++i], 1, MAX_LAB_EPISODES);
    else if (k === '--budget') a.budget = intArg(k, rest[++i], 100, MAX_SWEEP_BUDGET);
    else if (k === '--distances') {
      const v = rest[++i] ?? '';
      a.distances = v.split(',').map((d) => intArg('--distances', d.trim(), 1, 200));
    } else if (k === '--variant') {
      a.variant = rest[++i];
      if (!a.variant) throw new UsageError('--variant needs a variant name');
    } else if (k === '--json') a.json = true;
    else if (k === '--help' || k === '-h') throw new HelpRequest();
    else if (k.startsWith('--')) throw new UsageError(`unknown option ${k} (see --help)`);
    else if (a.source) throw new UsageError(`more than one input given ('${a.source}' and '${k}')`);
    else a.source = k;
  }
  if (!a.source) {
    const what = { compare: 'experiment', sweep: 'config', budget: 'budget' }[a.command];
    throw new UsageError(`no ${what} given (see --help)`);
  }
  return a;
}

/** A JSON file; a missing one that is not a preset id gets the list of presets. */
function readJson(path: string): unknown {
  const r = readJsonFile(path, FILE_JSON_LIMITS);
  if (r.ok) return r.value;
  const hint =
    r.code === 'ENOENT' ? `; not a preset either (presets: ${PRESETS.map((p) => p.id).join(', ')})` : '';
  throw new UsageError(r.error + hint);
}

/** The document with --seeds and --episodes applied (when it is an object; else as it is, for the
 *  parser to refuse). */
function withCounts(input: unknown, a: Args): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const o = { ...(input as Record<string, unknown>) };
  if (a.seeds !== undefined) o.seeds = a.seeds;
  if (a.episodes !== undefined) o.episodes = a.episodes;
  return o;
}

function loadExperiment(a: Args): Experiment {
  const preset = getPreset(a.source);
  let input: unknown;
  if (preset) {
    input = presetExperimentInput(preset);
    if (!input) throw new UsageError(`preset '${preset.id}' has no variants to compare`);
  } else input = readJson(a.source);
  input = withCounts(input, a);
  const r = parseExperiment(input);
  if (!r.ok) throw new UsageError(`invalid experiment: ${joinProblems(r.errors)}`);
  return r.value;
}

function loadSweep(a: Args): SweepSpec {
  const preset = getPreset(a.source);
  let doc: Record<string, unknown>;
  if (preset) {
    let base = preset.config;
    if (a.variant) {
      const v = preset.variants?.find((x) => x.name.toLowerCase() === a.variant!.toLowerCase());
      if (!v) throw new UsageError(`preset '${preset.id}' has no variant '${a.variant}'`);
      const c = applyVariant(preset.config, v);
      if (!c.ok) throw new UsageError(joinProblems(c.errors));
      base = c.value;
    }
    doc = { ...presetSweepInput(preset, base) };
  } else {
    const data = readJson(a.source);
    if (!data || typeof data !== 'object' || Array.isArray(data))
      throw new UsageError(`${a.source}: expected a JSON object`);
    if ('base' in data) doc = { ...(data as Record<string, unknown>) };
    else {
      const c = parseConfig(data);
      if (!c.ok) throw new UsageError(`invalid config: ${joinProblems(c.errors)}`);
      doc = { version: 1, base: c.config };
    }
    if (a.variant) throw new UsageError('--variant needs a preset with variants');
  }
  if (a.distances) doc.distances = a.distances;
  if (a.seeds !== undefined) doc.seeds = a.seeds;
  if (a.budget !== undefined) doc.budget = a.budget;
  if (doc.budget === undefined) delete doc.budget;
  if (!doc.distances) {
    const base = parseConfig(doc.base);
    doc.distances = base.ok ? defaultDistances(base.config.env) : [2];
  }
  const r = parseSweep(doc);
  if (!r.ok) throw new UsageError(`invalid sweep: ${joinProblems(r.errors)}`);
  return r.value;
}

function loadBudget(a: Args): BudgetSpec {
  const preset = getPreset(a.source);
  let input: unknown;
  if (preset) {
    input = presetBudgetInput(preset);
    if (!input)
      throw new UsageError(
        `preset '${preset.id}' has no thinking budget (these do: ${PRESETS.filter((p) => p.budget)
          .map((p) => p.id)
          .join(', ')})`,
      );
  } else input = readJson(a.source);
  input = withCounts(input, a);
  const r = parseBudget(input);
  if (!r.ok) throw new UsageError(`invalid budget: ${joinProblems(r.errors)}`);
  return r.value;
}

/** The result on stdout, names from input files escaped as sim escapes them; one line if stdout fails. */
const print = (text: string): Promise<number> =>
  writeStdout(printable(text)).then(
    () => 0,
    (e: unknown) => stdoutFailure('lab', e),
  );

async function main(argv: string[]): Promise<number> {
  const fail = (message: string, status: number) => {
    process.stderr.write(errorLine('lab', message));
    return status;
  };
  let args: Args;
  let exp: Experiment | null = null;
  let spec: SweepSpec | null = null;
  let budget: BudgetSpec | null = null;
  try {
    args = parseArgs(argv);
    if (args.command === 'compare') exp = loadExperiment(args);
    else if (args.command === 'budget') budget = loadBudget(args);
    else spec = loadSweep(args);
  } catch (e) {
    if (e instanceof HelpRequest) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (!(e instanceof UsageError)) throw e;
    return fail(e.message, 2);
  }
  const progress = ttyProgress();
  const onProgress = (done: number, total: number) => progress.update(() => `run ${done}/${total}`);
  if (exp) {
    const r = await runComparisonThreaded(exp, onProgress);
    progress.done();
    return print((args.json ? JSON.stringify(comparisonJson(r)) : comparisonTable(r)) + '\n');
  }
  if (budget) {
    const r = await runBudget(budget, onProgress);
    progress.done();
    return print((args.json ? JSON.stringify(budgetJson(r)) : budgetTable(r)) + '\n');
  }
  const s = await runSweepThreaded(spec!, onProgress);
  progress.done();
  if (!s.ok) return fail(s.error, 2);
  return print((args.json ? JSON.stringify(sweepJson(s.result)) : sweepTable(s.result)) + '\n');
}

runCommand('lab', main);
