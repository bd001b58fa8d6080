/**
 * What the lab's buttons do: pick a preset, run or cancel the comparison, the sweep and the thinking
 * budget on the worker pool, and open a preset (or one of its variants, replaying a seed's training)
 * in the playground.
 */
import { applyVariant, parseExperiment, type Experiment } from '../config/experiment';
import type { Preset } from '../config/presets';
import { presetBudget, presetExperimentInput, presetSweep } from '../config/presetExperiments';
import type { Config } from '../config/schema';
import { assembleBudget, budgetJobs } from '../rl/lab/budget';
import { assembleComparison, comparisonJobs } from '../rl/lab/compare';
import { defaultDistances } from '../rl/lab/placeGoal';
import { withSeed } from '../rl/lab/runJob';
import type { VariantSummary } from '../rl/lab/summarize';
import { assembleSweep, sweepJobs } from '../rl/lab/sweep';
import { useConfigStore } from './configStore';
import { setPlaying, useHistoryStore } from './historyStore';
import { showStory } from './story';
import { timeline, training } from './trainingController';
import { useTrainingStore, type TrainingState } from './trainingStore';
import { useUiStore } from './uiStore';
import { MAX_SPEED_INDEX } from '../worker/protocol';
import { findLabPreset } from './labPresets';
import { runPool, type PoolRun } from './labPool';
import type { LabOutcome, LabTask } from '../worker/labProtocol';
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
  const input = presetExperimentInput(p, seeds);
  if (!input) return { ok: false, error: 'This preset has no variants to compare.' };
  const r = parseExperiment(input);
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

/** The seed a variant's Open replays: its median run by first success (never-succeeding runs count
 *  as the slowest), so the playground shows a typical seed; k is the offset from the config's seed. */
export function typicalSeed(v: Pick<VariantSummary, 'firstEpisodes'>): {
  k: number;
  first: number | null;
} {
  const order = v.firstEpisodes
    .map((first, k) => ({ k, first }))
    .sort((a, b) => (a.first ?? Infinity) - (b.first ?? Infinity) || a.k - b.k);
  return order[(order.length - 1) >> 1] ?? { k: 0, first: null };
}

/** The seed offset to replay for `variant` of the comparison on show, when it has every seed. */
function replaySeed(p: Preset, variant: number): { k: number; first: number | null } | null {
  const result = useLabStore.getState().compare.result;
  const v = result?.variants[variant];
  if (!result || result.title !== p.title || !v || v.seeds !== result.seeds) return null;
  return typicalSeed(v);
}

/** The replay under way (see replayInPlayground); calling it stops following the run. */
let replaying: (() => void) | null = null;

/**
 * Trains the playground's new run to its episode budget at the fastest speed (its history is then
 * recorded, the timeline ready), then shows the timeline at its first-reward mark. It stops following
 * when the run is replaced (an edit, Reset) or fails; the speed goes back to what it was unless it was
 * changed meanwhile. `labFirst`: the lab's first success for this seed, to compare.
 */
function replayInPlayground(what: string, labFirst: number | null): void {
  replaying?.();
  const ui = useUiStore.getState();
  const start = useTrainingStore.getState();
  const runId = start.runId;
  const speedBefore = start.speedIndex;
  const fastest = MAX_SPEED_INDEX;
  let played = false;
  const stop = () => {
    unsubscribe();
    if (replaying === stop) replaying = null;
    if (played && useTrainingStore.getState().speedIndex === fastest) training.setSpeed(speedBefore);
  };
  const finish = () => {
    const moments = useHistoryStore.getState().moments;
    const i = moments.findIndex((m) => m.marks.includes('first-success'));
    if (useTrainingStore.getState().runId !== runId) return;
    if (i < 0) {
      ui.notify('info', `Replayed "${what}": it never reached the goal; the timeline holds the whole run.`);
      return;
    }
    setPlaying(false);
    timeline.view(i);
    const ep = moments[i].episode;
    const same =
      labFirst === null ? '' : labFirst === ep ? ', as in the lab' : ` (the lab saw episode ${labFirst})`;
    ui.notify(
      'info',
      `Replayed "${what}": the timeline shows its first reward, episode ${ep.toLocaleString('en-US')}${same}.`,
    );
  };
  const check = (s: TrainingState) => {
    if (s.runId !== runId || s.status === 'error') return stop();
    if (!played && s.status === 'idle') {
      played = true;
      training.setSpeed(fastest);
      training.play();
    } else if (s.status === 'done') {
      stop();
      // After the message that finished the run has also brought its history.
      setTimeout(finish, 0);
    }
  };
  const unsubscribe = useTrainingStore.subscribe(check);
  replaying = stop;
  check(useTrainingStore.getState());
}

/**
 * Loads a preset (or one of its variants) into the playground and switches to it. A variant of the
 * comparison on show opens with its typical seed (typicalSeed) and replays that seed's training there:
 * the same config and seed train to the same episode count, then the timeline shows the first reward.
 */
export function openInPlayground(p: Preset, variant?: number): void {
  const base = variant === undefined ? p.config : sweepConfig(p, variant);
  const seed = variant === undefined ? null : replaySeed(p, variant);
  const config = seed ? withSeed(base, seed.k) : base;
  const name = variant === undefined ? p.title : `${p.title}: ${p.variants?.[variant]?.name ?? ''}`;
  const what = seed ? `${name}, seed ${config.train.seed}` : name;
  const r = useConfigStore.getState().setConfig(config, { reason: `Opened “${what}” from the lab` });
  if (!r.ok) return;
  const ui = useUiStore.getState();
  ui.setView('playground');
  if (!seed) {
    ui.notify('info', `Opened "${what}" in the playground.`);
    return;
  }
  // The same config as before starts no run: start a fresh one, so the replay begins at episode 0.
  if (!r.changed) training.reset();
  showStory(p);
  const episodes = config.train.episodes.toLocaleString('en-US');
  ui.notify(
    'info',
    `Replaying "${what}": training ${episodes} episodes, then the timeline shows its first reward.`,
  );
  replayInPlayground(what, seed.first);
}
