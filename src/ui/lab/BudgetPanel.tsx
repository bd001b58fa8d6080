/**
 * The thinking budget (src/rl/lab/budget.ts): for a preset that turns one (a knob per variant over
 * values, on seeds), the seeds and the run button with progress and cancel on the worker pool, then
 * per variant against the knob value: episodes until the first success and until solved, the success
 * rate and the compute of a run (one chart per unit when variants count different ones), the charts
 * of the measures that vary most first, the table, and what thinking buys and where it stops.
 */
import type { Preset } from '../../config/presets';
import type { BudgetResult, ComputeUnit } from '../../rl/lab/budget';
import type { Theme } from '../grid/overlay/palette';
import { ThinkingNotes } from '../think/ThinkingNotes';
import { BudgetChart, KNOB_LABEL, variantNames, type BudgetMetric } from './BudgetChart';
import { variantColor } from './labColors';
import { BudgetTable } from './BudgetTable';
import { budgetSeeds, cancelBudget, startBudget } from '../../store/labActions';
import { poolSize } from '../../store/labPool';
import { useLabStore } from '../../store/labStore';
import { RunBar } from './RunBar';
import { SeedsField } from './SeedsField';

/** Runs the budget asks for: every (variant, value) on every seed. */
function runCount(p: Preset, seeds: number): number {
  const b = p.budget;
  if (!b) return 0;
  return b.variants.reduce((n, v) => n + (v.values ?? b.values ?? []).length, 0) * seeds;
}

/**
 * The order of a budget's charts: the measures that take more different values across its points first
 * (a budget of one episode per seed only ever has a first success and a solve at episode 1 or never, so
 * its success rate, which varies, leads); ties keep first success, solved, success rate.
 */
export function budgetChartOrder(r: BudgetResult): Exclude<BudgetMetric, 'compute'>[] {
  const points = r.points.filter((p) => p.seeds > 0);
  const shown = (f: { median: number | null; censored: number }) =>
    f.median === null ? 'never' : `${f.median}/${f.censored}`;
  // One episode per seed: a first success or a solve can only be "episode 1" or "never", which the
  // success rate (the share of seeds that succeeded) already says, and in more steps.
  const binary = r.episodes <= 1;
  const distinct: Record<'first' | 'solved' | 'success', number> = {
    first: binary ? 0 : new Set(points.map((p) => shown(p.firstSuccessEpisode))).size,
    solved: binary ? 0 : new Set(points.map((p) => shown(p.solvedEpisode))).size,
    success: new Set(points.map((p) => Math.round(p.successRate * 100))).size,
  };
  return (['first', 'solved', 'success'] as const)
    .map((m, i) => ({ m, i }))
    .sort((a, b) => distinct[b.m] - distinct[a.m] || a.i - b.i)
    .map((x) => x.m);
}

const episodesText = (n: number) => `${n.toLocaleString('en-US')} real episode${n === 1 ? '' : 's'}`;

export function BudgetPanel(props: { preset: Preset; theme: Theme; big: boolean }) {
  const { preset, theme } = props;
  const run = useLabStore((s) => s.budget);
  const seeds = budgetSeeds(
    preset,
    useLabStore((s) => s.budgetSeeds),
  );
  const total = runCount(preset, seeds);
  const r = run.result;
  const h = props.big ? 320 : 250;
  const units = r
    ? ([...new Set(r.points.filter((p) => p.seeds > 0).map((p) => p.unit))] as ComputeUnit[])
    : [];
  const knobs = [...new Set((preset.budget?.variants ?? []).map((v) => v.knob ?? preset.budget?.knob))];
  return (
    <section className="lab-panel" aria-label="Thinking budget">
      <div className="lab-controls">
        <h2>Thinking budget</h2>
        <SeedsField
          title="Independent runs per variant and knob value; every point gets the same seeds"
          value={seeds}
          onChange={(n) => useLabStore.setState({ budgetSeeds: n })}
        />
        <RunBar
          label="Run thinking budget"
          what="Thinking budget"
          tip={`${total} runs on ${poolSize(total)} workers; cancel keeps the seeds finished so far`}
          run={run}
          onRun={startBudget}
          onCancel={cancelBudget}
        />
      </div>
      <p className="hint">
        Each variant turns {knobs.length > 1 ? 'its own knob' : 'one knob'} (
        {knobs.map((k) => (k ? KNOB_LABEL[k].toLowerCase() : '')).join(', ')}) and trains{' '}
        {episodesText(preset.budget?.episodes ?? preset.config.train.episodes)} per seed: how soon does it
        first reach the goal, when does its greedy path solve the world, and what did the thinking cost?
      </p>
      {r && (
        <>
          <div className="chart-key budget-key" role="group" aria-label="Variants">
            {variantNames(r).map((n, i) => (
              <span key={n}>
                <span className="swatch" style={{ background: variantColor(i, theme) }} aria-hidden />
                {n}
              </span>
            ))}
          </div>
          <div className="lab-charts budget-charts">
            {budgetChartOrder(r).map((m) => (
              <BudgetChart key={m} result={r} metric={m} theme={theme} height={m === 'success' ? h - 40 : h} />
            ))}
            {units.map((u) => (
              <BudgetChart key={u} result={r} metric="compute" unit={u} theme={theme} height={h - 40} />
            ))}
          </div>
          {units.length > 1 && (
            <p className="hint" role="note">
              Two units of compute: the neural variants count the multiply-adds of their network updates, the
              tabular and search variants real plus imagined steps. They are drawn apart because they do not
              compare.
            </p>
          )}
          <BudgetTable result={r} theme={theme} />
          <p className="muted small" data-testid="budget-summary">
            {r.points.length} points x {r.seeds} seeds x {r.episodes} episode{r.episodes === 1 ? '' : 's'} in{' '}
            {(r.elapsedMs / 1000).toFixed(1)} s
            {run.status === 'cancelled' ? ' (cancelled: the seeds that finished)' : ''}.
          </p>
        </>
      )}
      <details className="budget-notes">
        <summary>What thinking buys, and where it stops</summary>
        <ThinkingNotes />
      </details>
    </section>
  );
}
