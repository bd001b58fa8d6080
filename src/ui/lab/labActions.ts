/**
 * What the lab's buttons do: pick a preset, run or cancel the comparison and the sweep on the worker
 * pool, and open a preset (or one of its variants) in the playground.
 */
import { applyVariant, parseExperiment, type Experiment } from '../../config/experiment';
import { presetSweep, type Preset } from '../../config/presets';
import type { Config } from '../../config/schema';
import { assembleComparison, comparisonJobs, type LabJob } from '../../rl/lab/compare';
import type { RunSeries } from '../../rl/lab/runJob';
import { defaultDistances } from '../../rl/lab/placeGoal';
import { assembleSweep, sweepJobs, type SweepJob, type SweepRun } from '../../rl/lab/sweep';
import { useConfigStore } from '../../store/configStore';
import { useUiStore } from '../../store/uiStore';
import { findLabPreset } from './labPresets';
import { runPool, type PoolRun } from './labPool';
import { IDLE, useLabStore } from './labStore';

let comparePool: PoolRun | null = null;
let sweepPool: PoolRun | null = null;

export function currentPreset(): Preset {
  return findLabPreset(useLabStore.getState().presetId);
}

/** Stops both runs and forgets them (their results will not be shown). */
function dropRuns(): void {
  comparePool?.cancel();
  sweepPool?.cancel();
  comparePool = null;
  sweepPool = null;
}

export function selectPreset(id: string): void {
  dropRuns();
  useLabStore.setState({ presetId: id, focus: 0, sweepVariant: 0, compare: IDLE, sweep: IDLE });
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

export function startComparison(): void {
  comparePool?.cancel();
  comparePool = null;
  const made = experimentOf(currentPreset(), useLabStore.getState().seeds);
  if (!made.ok) {
    useLabStore.setState({ compare: { ...IDLE, status: 'error', error: made.error } });
    return;
  }
  const { exp } = made;
  const jobs = comparisonJobs(exp);
  const finished: { job: LabJob; run: RunSeries }[] = [];
  const t0 = performance.now();
  const set = (patch: Partial<ReturnType<typeof useLabStore.getState>['compare']>) =>
    useLabStore.setState((s) => ({ compare: { ...s.compare, ...patch } }));
  set({ ...IDLE, status: 'running', total: jobs.length });
  const pool = runPool(
    jobs.map((j) => ({ kind: 'compare', config: j.config })),
    (i, outcome) => {
      if (outcome.kind !== 'compare') return;
      finished.push({ job: jobs[i], run: outcome.run });
      set({ done: finished.length });
    },
  );
  comparePool = pool;
  pool.done.then(
    () => {
      if (comparePool !== pool) return;
      comparePool = null;
      const all = finished.length === jobs.length;
      set({
        status: all ? 'done' : 'cancelled',
        result: finished.length ? assembleComparison(exp, finished, performance.now() - t0) : null,
      });
    },
    (e) => {
      if (comparePool !== pool) return;
      comparePool = null;
      set({ status: 'error', error: `The comparison failed: ${message(e)}` });
    },
  );
}

export function cancelComparison(): void {
  comparePool?.cancel();
}

/** The config the sweep's agent uses: the chosen variant of the preset, else the preset's own. */
export function sweepConfig(p: Preset, variant: number): Config {
  const v = p.variants?.[variant];
  if (!v) return p.config;
  const r = applyVariant(p.config, v);
  return r.ok ? r.value : p.config;
}

export function startSweep(): void {
  sweepPool?.cancel();
  sweepPool = null;
  const { seeds, sweepVariant } = useLabStore.getState();
  const p = currentPreset();
  const config = sweepConfig(p, sweepVariant);
  const set = (patch: Partial<ReturnType<typeof useLabStore.getState>['sweep']>) =>
    useLabStore.setState((s) => ({ sweep: { ...s.sweep, ...patch } }));
  const spec = presetSweep(p, p.sweepDistances ?? defaultDistances(p.config.env), seeds, config);
  const planned = spec.ok ? sweepJobs(spec.value) : { ok: false as const, error: spec.errors.join('; ') };
  if (!spec.ok || !planned.ok) {
    set({ ...IDLE, status: 'error', error: `Cannot sweep this preset: ${planned.ok ? '' : planned.error}` });
    return;
  }
  const jobs = planned.jobs;
  const finished: { job: SweepJob; run: SweepRun }[] = [];
  const t0 = performance.now();
  set({ ...IDLE, status: 'running', total: jobs.length });
  const pool = runPool(
    jobs.map((job) => ({ kind: 'sweep', job })),
    (i, outcome) => {
      if (outcome.kind !== 'sweep') return;
      finished.push({ job: jobs[i], run: outcome.run });
      set({ done: finished.length });
    },
  );
  sweepPool = pool;
  pool.done.then(
    () => {
      if (sweepPool !== pool) return;
      sweepPool = null;
      const all = finished.length === jobs.length;
      set({
        status: all ? 'done' : 'cancelled',
        result: all ? assembleSweep(spec.value, finished, performance.now() - t0) : null,
      });
    },
    (e) => {
      if (sweepPool !== pool) return;
      sweepPool = null;
      set({ status: 'error', error: `The sweep failed: ${message(e)}` });
    },
  );
}

export function cancelSweep(): void {
  sweepPool?.cancel();
}

/** Loads a preset (or one of its variants) into the playground and switches to it. */
export function openInPlayground(p: Preset, variant?: number): void {
  const config = variant === undefined ? p.config : sweepConfig(p, variant);
  const r = useConfigStore.getState().setConfig(config);
  if (!r.ok) return;
  const ui = useUiStore.getState();
  ui.setView('playground');
  const what = variant === undefined ? p.title : `${p.title}: ${p.variants?.[variant]?.name ?? ''}`;
  ui.notify('info', `Opened "${what}" in the playground.`);
}
