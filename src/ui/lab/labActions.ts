/**
 * What the lab's buttons do: pick a preset, run or cancel the comparison, the sweep and the thinking
 * budget on the worker pool, and open a preset (or one of its variants) in the playground.
 */
import { applyVariant, parseExperiment, type Experiment } from '../../config/experiment';
import { presetBudget, presetSweep, type Preset } from '../../config/presets';
import type { Config } from '../../config/schema';
import { assembleBudget, budgetJobs } from '../../rl/lab/budget';
import { assembleComparison, comparisonJobs } from '../../rl/lab/compare';
import { defaultDistances } from '../../rl/lab/placeGoal';
import { assembleSweep, sweepJobs } from '../../rl/lab/sweep';
import { useConfigStore } from '../../store/configStore';
import { useUiStore } from '../../store/uiStore';
import { findLabPreset } from './labPresets';
import { runPool, type PoolRun } from './labPool';
import type { LabOutcome, LabTask } from '../../worker/labProtocol';
import { IDLE, useLabStore, type LabState, type RunState } from './labStore';

type Slot = 'compare' | 'sweep' | 'budget';
type RunOf<K extends Slot> = Extract<LabOutcome, { kind: K }>['run'];
type ResultOf<K extends Slot> = NonNullable<LabState[K]['result']>;

const pools: Record<Slot, PoolRun | null> = { compare: null, sweep: null, budget: null };

export function currentPreset(): Preset {
  return findLabPreset(useLabStore.getState().presetId);
}

/** Stops a run and forgets it (its results will not be shown). */
function dropRun(slot: Slot): void {
  pools[slot]?.cancel();
  pools[slot] = null;
}

/** Stops every run and forgets them (their results will not be shown). */
function dropRuns(): void {
  dropRun('compare');
  dropRun('sweep');
  dropRun('budget');
}

export function selectPreset(id: string): void {
  dropRuns();
  useLabStore.setState({
    presetId: id,
    focus: 0,
    sweepVariant: 0,
    compare: IDLE,
    sweep: IDLE,
    budgetSeeds: null,
    budget: IDLE,
  });
}

export function experimentOf(
  p: Preset,
  seeds: number,
): { ok: true; exp: Experiment } | { ok: false; error: string } {
  if (!p.variants) return { ok: false, error: 'This preset has no variants to compare.' };
  const r = parseExperiment({ version: 1, title: p.title, base: p.config, variants: p.variants, seeds });
  return r.ok ? { ok: true, exp: r.value } : { ok: false, error: r.errors.join('; ') };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function setRun<K extends Slot>(slot: K, patch: Partial<RunState<ResultOf<K>>>): void {
  useLabStore.setState((s) => ({ [slot]: { ...s[slot], ...patch } }));
}

/**
 * Runs `jobs` on the worker pool into the store's `slot`: progress as each job finishes, then done (all
 * finished) or cancelled with what `assemble` makes of the finished ones, or an error naming `what`.
 */
function runOnPool<K extends Slot, J>(
  slot: K,
  what: string,
  jobs: readonly J[],
  task: (job: J) => LabTask,
  assemble: (finished: { job: J; run: RunOf<K> }[], all: boolean, elapsedMs: number) => ResultOf<K> | null,
): void {
  const finished: { job: J; run: RunOf<K> }[] = [];
  const t0 = performance.now();
  const set = (patch: Partial<RunState<ResultOf<K>>>) => setRun(slot, patch);
  set({ ...IDLE, status: 'running', total: jobs.length });
  const pool = runPool(jobs.map(task), (i, outcome) => {
    if (outcome.kind !== slot) return;
    finished.push({ job: jobs[i], run: outcome.run as RunOf<K> });
    set({ done: finished.length });
  });
  pools[slot] = pool;
  pool.done.then(
    () => {
      if (pools[slot] !== pool) return;
      pools[slot] = null;
      const all = finished.length === jobs.length;
      set({
        status: all ? 'done' : 'cancelled',
        result: assemble(finished, all, performance.now() - t0),
      });
    },
    (e) => {
      if (pools[slot] !== pool) return;
      pools[slot] = null;
      set({ status: 'error', error: `The ${what} failed: ${message(e)}` });
    },
  );
}

export function startComparison(): void {
  dropRun('compare');
  const made = experimentOf(currentPreset(), useLabStore.getState().seeds);
  if (!made.ok) {
    useLabStore.setState({ compare: { ...IDLE, status: 'error', error: made.error } });
    return;
  }
  const { exp } = made;
  runOnPool(
    'compare',
    'comparison',
    comparisonJobs(exp),
    (j) => ({ kind: 'compare', config: j.config }),
    (finished, _all, ms) => (finished.length ? assembleComparison(exp, finished, ms) : null),
  );
}

export function cancelComparison(): void {
  pools.compare?.cancel();
}

/** The config the sweep's agent uses: the chosen variant of the preset, else the preset's own. */
export function sweepConfig(p: Preset, variant: number): Config {
  const v = p.variants?.[variant];
  if (!v) return p.config;
  const r = applyVariant(p.config, v);
  return r.ok ? r.value : p.config;
}

export function startSweep(): void {
  dropRun('sweep');
  const { seeds, sweepVariant } = useLabStore.getState();
  const p = currentPreset();
  const config = sweepConfig(p, sweepVariant);
  const spec = presetSweep(p, p.sweepDistances ?? defaultDistances(p.config.env), seeds, config);
  const planned = spec.ok ? sweepJobs(spec.value) : { ok: false as const, error: spec.errors.join('; ') };
  if (!spec.ok || !planned.ok) {
    setRun('sweep', {
      ...IDLE,
      status: 'error',
      error: `Cannot sweep this preset: ${planned.ok ? '' : planned.error}`,
    });
    return;
  }
  runOnPool(
    'sweep',
    'sweep',
    planned.jobs,
    (job) => ({ kind: 'sweep', job }),
    (finished, all, ms) => (all ? assembleSweep(spec.value, finished, ms) : null),
  );
}

export function cancelSweep(): void {
  pools.sweep?.cancel();
}

/** The seeds the thinking budget runs: the ones chosen in the lab, else the preset's own. */
export function budgetSeeds(p: Preset, chosen = useLabStore.getState().budgetSeeds): number {
  return chosen ?? p.seeds ?? 8;
}

/** Runs the preset's thinking budget (every variant at every knob value, on every seed). A cancelled
 *  run shows what finished: the jobs go seed by seed, so every point has its first seeds. */
export function startBudget(): void {
  dropRun('budget');
  const p = currentPreset();
  let spec;
  try {
    spec = presetBudget(p, budgetSeeds(p));
  } catch (e) {
    setRun('budget', { ...IDLE, status: 'error', error: message(e) });
    return;
  }
  if (!spec) {
    setRun('budget', { ...IDLE, status: 'error', error: 'This preset has no thinking budget to run.' });
    return;
  }
  const budget = spec;
  runOnPool(
    'budget',
    'thinking budget',
    budgetJobs(budget),
    (job) => ({ kind: 'budget', job }),
    (finished, _all, ms) => (finished.length ? assembleBudget(budget, finished, ms) : null),
  );
}

export function cancelBudget(): void {
  pools.budget?.cancel();
}

/** Loads a preset (or one of its variants) into the playground and switches to it. */
export function openInPlayground(p: Preset, variant?: number): void {
  const config = variant === undefined ? p.config : sweepConfig(p, variant);
  const what = variant === undefined ? p.title : `${p.title}: ${p.variants?.[variant]?.name ?? ''}`;
  const r = useConfigStore.getState().setConfig(config, { reason: `Opened “${what}” from the lab` });
  if (!r.ok) return;
  const ui = useUiStore.getState();
  ui.setView('playground');
  ui.notify('info', `Opened "${what}" in the playground.`);
}
