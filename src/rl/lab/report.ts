/**
 * Text tables and JSON documents of lab results, shared by the CLI (stdout) and the app (export).
 * Censored seeds are always reported: "never" when a median falls on them, "n/k never" beside it.
 */
import type { BudgetResult } from './budget';
import type { ComparisonResult } from './compare';
import type { FirstSuccess } from './stats';
import { downsample } from './stats';
import type { SweepResult } from './sweep';

/** "12 (3-40)": median and range; "never (fastest 80)" when the median falls on a censored seed. */
export function formatFirst(f: FirstSuccess): string {
  if (f.min === null || f.max === null) return 'never';
  if (f.median === null) return `never (fastest ${f.min})`;
  return `${Math.round(f.median)} (${f.min}-${f.max})`;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(0)}%`;
}

function table(head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  return [line(head), line(w.map((n) => '-'.repeat(n))), ...rows.map(line)].join('\n');
}

export function comparisonTable(r: ComparisonResult): string {
  const head = [
    'variant',
    'first success ep. median (range)',
    'never',
    'steps to first',
    'final success',
    'return last 10%',
  ];
  const rows = r.variants.map((v) => [
    v.name,
    formatFirst(v.firstEpisode),
    `${v.firstEpisode.censored}/${v.seeds}`,
    formatFirst(v.firstSteps),
    pct(v.finalSuccessRate),
    v.meanReturnLast10.toFixed(3),
  ]);
  const title = `${r.title || 'comparison'}: ${r.variants.length} variants x ${r.seeds} seeds x ${r.episodes} episodes, ${(r.elapsedMs / 1000).toFixed(2)} s`;
  return `${title}\n${table(head, rows)}`;
}

export function sweepTable(r: SweepResult): string {
  const walkers = r.agent === 'random' ? ['random'] : ['random', 'agent'];
  const head = [
    'distance',
    ...walkers.flatMap((w) => [`${w === 'random' ? 'random walk' : r.agent} steps median (range)`, 'never']),
  ];
  const rows = r.distances.map((d) => [
    String(d),
    ...walkers.flatMap((w) => {
      const p = r.points.find((x) => x.distance === d && x.who === w);
      return p ? [formatFirst(p.stats), `${p.stats.censored}/${p.stats.n}`] : ['', ''];
    }),
  ]);
  const title = `sparsity sweep: random walk vs ${r.agent}, ${r.seeds} seeds, budget ${r.budget} steps per run, ${(r.elapsedMs / 1000).toFixed(2)} s`;
  return `${title}\n${table(head, rows)}`;
}

/** 1,234,567 (steps) or 1.2e9 style for large multiply-add counts. */
function amount(x: number): string {
  return x >= 1e7 ? x.toExponential(2) : Math.round(x).toLocaleString('en');
}

export function budgetTable(r: BudgetResult): string {
  const knobHead = r.knob === 'mixed' ? 'knob value' : r.knob;
  const head = [
    'variant',
    knobHead,
    'first success ep. median (range)',
    'never',
    'solved ep. median (range)',
    'never',
    'success',
    'compute per run',
  ];
  const rows = r.points.map((p) => [
    p.variant,
    r.knob === 'mixed' ? `${p.knob} ${p.value}` : String(p.value),
    formatFirst(p.firstSuccessEpisode),
    `${p.firstSuccessEpisode.censored}/${p.seeds}`,
    formatFirst(p.solvedEpisode),
    `${p.solvedEpisode.censored}/${p.seeds}`,
    pct(p.successRate),
    `${amount(p.computeSteps)} ${p.unit}`,
  ]);
  const every = r.solvedEvery === 1 ? 'every episode' : `every ${r.solvedEvery} episodes`;
  const title =
    `${r.title || 'thinking budget'}: ${r.points.length} points x ${r.seeds} seeds x ${r.episodes} episodes, ` +
    `greedy path checked after ${every}, ${(r.elapsedMs / 1000).toFixed(2)} s`;
  const note =
    'solved: the greedy path reaches a goal; compute: real + imagined steps (tabular, search) or multiply-adds of the updates (neural)';
  return `${title}\n${table(head, rows)}\n${note}`;
}

/** The statistics of a first-success-like time, as `lab compare --json` prints them. */
function statsJson(f: FirstSuccess) {
  return { n: f.n, censored: f.censored, median: f.median, min: f.min, max: f.max };
}

/** A JSON-ready thinking budget: per (variant, value) point the statistics, the mean compute of a run
 *  and the median steps-per-episode curve (at most CURVE_POINTS buckets). */
export function budgetJson(r: BudgetResult): unknown {
  return {
    title: r.title,
    knob: r.knob,
    seeds: r.seeds,
    episodes: r.episodes,
    solvedEvery: r.solvedEvery,
    elapsedMs: Math.round(r.elapsedMs),
    points: r.points.map((p) => ({
      variant: p.variant,
      knob: p.knob,
      value: p.value,
      firstSuccessEpisode: statsJson(p.firstSuccessEpisode),
      solvedEpisode: statsJson(p.solvedEpisode),
      successRate: p.successRate,
      computeSteps: Math.round(p.computeSteps),
      computeUnit: p.unit,
      solvedCompute: statsJson(p.solvedCompute),
      curve: { episode: p.curveEpisode, medianSteps: p.medianSteps },
    })),
  };
}

/** A JSON-ready comparison: the statistics, per-seed first successes and downsampled curves. Episodes
 *  are 1-based, as in the table. */
export function comparisonJson(r: ComparisonResult, maxPoints = 200): unknown {
  return {
    title: r.title,
    seeds: r.seeds,
    episodes: r.episodes,
    elapsedMs: Math.round(r.elapsedMs),
    variants: r.variants.map((v) => {
      const d = downsample(v.returns.mean, v.returns.min, v.returns.max, maxPoints);
      const s = downsample(v.successRate, v.successRate, v.successRate, maxPoints);
      const f = v.firstEpisode;
      return {
        name: v.name,
        firstSuccessEpisode: {
          n: f.n,
          censored: f.censored,
          median: f.median,
          min: f.min,
          max: f.max,
          perSeed: v.firstEpisodes,
        },
        firstSuccessSteps: v.firstSteps,
        finalSuccessRate: v.finalSuccessRate,
        meanReturnLast10: v.meanReturnLast10,
        totalSteps: v.totalSteps,
        greedySteps: v.greedySteps,
        curve: {
          episode: d.x.map((x) => x + 1),
          meanReturn: d.mean,
          minReturn: d.min,
          maxReturn: d.max,
          successRate: s.mean,
        },
      };
    }),
    ...(r.reference ? { reference: r.reference } : {}),
  };
}

export function sweepJson(r: SweepResult): unknown {
  return { ...r, elapsedMs: Math.round(r.elapsedMs) };
}
