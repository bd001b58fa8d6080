/**
 * One chart of a thinking budget: a measure of every variant against its knob value (planning steps,
 * simulations or hidden units per layer), one line per variant. The knob axis is logarithmic with 0
 * (no thinking) at a labelled left edge, about a decade before the smallest value. Measures:
 *
 * - episodes until the first success, and until solved (the greedy path reaches a goal): the median
 *   over seeds on a log axis; where the median falls on seeds that never did (censored), a hollow
 *   triangle on the "never" row above the dashed budget line, as the lab's other charts show them;
 * - the success rate over all episodes of all seeds (linear, 0-100%);
 * - the compute of a run, in one unit per chart (steps, or a network's multiply-adds: the panel draws
 *   one chart per unit, as the two do not compare), on a log axis.
 *
 * Both axes are drawn in transformed coordinates (log10) on linear scales, with the ticks chosen here
 * and labelled with the values they stand for, so 0 and "never" can have a place of their own.
 */
import { memo, useMemo } from 'react';
import { CartesianGrid, ComposedChart, Line, ReferenceLine, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import type { BudgetKnob } from '../../config/experiment';
import type { BudgetPoint, BudgetResult, ComputeUnit } from '../../rl/lab/budget';
import { formatFirst } from '../../rl/lab/report';
import type { FirstSuccess } from '../../rl/lab/stats';
import type { Theme } from '../grid/overlay/palette';
import { ChartFrame } from './ChartFrame';
import {
  axisStyle,
  CHART_MARGIN,
  gridProps,
  tooltipProps,
  xAxisLabel,
  yAxisLabel,
  yAxisStyle,
} from './chartParts';
import { labChartStyle, TICK, variantColor } from './labColors';

export type BudgetMetric = 'first' | 'solved' | 'success' | 'compute';

export const KNOB_LABEL: Record<BudgetKnob | 'mixed', string> = {
  planningSteps: 'Planning steps per move',
  simulations: 'Simulations per move',
  hidden: 'Hidden units per layer',
  mixed: 'Knob value (each variant turns its own)',
};

const Y_WIDTH = 64;
/** Width of a tick font character, as a share of its size (as FirstSuccessChart measures it). */
const CHAR_EM = 0.66;

/** 950, 1.2k, 3.4M, 5.6G: compact amounts for ticks. */
export function compactAmount(x: number): string {
  const a = Math.abs(x);
  if (a >= 1e9) return `${+(x / 1e9).toPrecision(2)}G`;
  if (a >= 1e6) return `${+(x / 1e6).toPrecision(2)}M`;
  if (a >= 1e3) return `${+(x / 1e3).toPrecision(2)}k`;
  return String(+x.toPrecision(3));
}

/** The knob axis: log10 of a value, and 0 a fixed distance left of the smallest positive value. */
export interface KnobAxis {
  pos(v: number): number;
  domain: [number, number];
  /** The distinct values (ascending). */
  values: number[];
}

export function knobAxis(values: readonly number[]): KnobAxis {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  const positive = distinct.filter((v) => v > 0);
  const lo = positive.length ? Math.log10(positive[0]) : 0;
  const hi = positive.length ? Math.log10(positive[positive.length - 1]) : 0;
  const zero = lo - Math.max(0.6, (hi - lo) * 0.15);
  const pos = (v: number) => (v > 0 ? Math.log10(v) : zero);
  const left = distinct.some((v) => v <= 0) ? zero : lo;
  const pad = Math.max(0.12, (hi - left) * 0.06);
  return { pos, domain: [left - pad, hi + pad], values: distinct };
}

/** 1-2-5 steps from `from` to `to` (inclusive), e.g. 1, 2, 5, 10, 20, 50. */
export function logTicks(from: number, to: number): number[] {
  const out: number[] = [];
  if (!(to > 0)) return out;
  for (let e = Math.floor(Math.log10(Math.max(from, 1e-12))); 10 ** e <= to * 1.0001; e++)
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v >= from * 0.9999 && v <= to * 1.0001) out.push(v);
    }
  return out;
}

/** The knob ticks: every value when their labels fit the plot's width, else round 1-2-5 values (and 0). */
export function knobTicks(axis: KnobAxis, plotWidth: number): number[] {
  const label = (v: number) => compactAmount(v).length * CHAR_EM * TICK + 10;
  const perUnit = plotWidth / Math.max(1e-9, axis.domain[1] - axis.domain[0]);
  const fits = axis.values.every(
    (v, i) =>
      i === 0 ||
      (axis.pos(v) - axis.pos(axis.values[i - 1])) * perUnit >= (label(v) + label(axis.values[i - 1])) / 2,
  );
  if (fits) return axis.values;
  const positive = axis.values.filter((v) => v > 0);
  const round = positive.length ? logTicks(positive[0], positive[positive.length - 1]) : [];
  const zero = axis.values.some((v) => v <= 0) ? [0] : [];
  // The smallest and largest values are kept when no round tick lands on them.
  const ends = positive.length ? [positive[0], positive[positive.length - 1]] : [];
  const ticks = [...new Set([...zero, ...round, ...ends])].sort((a, b) => a - b);
  return ticks.filter((v, i) => i === 0 || (axis.pos(v) - axis.pos(ticks[i - 1])) * perUnit >= label(v) + 2);
}

export type Row = Record<string, number | string | null>;

/** What a point shows for a measure: the plotted number (null: censored) and the tooltip's text. */
function measure(p: BudgetPoint, metric: BudgetMetric): { y: number | null; never: boolean; text: string } {
  if (metric === 'success')
    return { y: p.successRate, never: false, text: `${Math.round(p.successRate * 100)}%` };
  if (metric === 'compute')
    return { y: p.computeSteps, never: false, text: `${compactAmount(p.computeSteps)} ${p.unit}` };
  const f: FirstSuccess = metric === 'first' ? p.firstSuccessEpisode : p.solvedEpisode;
  return {
    y: f.median,
    never: f.median === null,
    text: `${formatFirst(f)}, ${f.censored}/${f.n} never`,
  };
}

/**
 * Rows {x, i, v<i>, n<i>, t<i>, k<i>} for the chart, one per point: its knob position (each variant
 * nudged sideways by `dodge` so equal points stay apart), its plotted value (transformed), its censored
 * marker (on the never row), the tooltip's text and the knob value. Points no seed has finished (a
 * cancelled run) are left out.
 */
export function budgetRows(
  r: BudgetResult,
  metric: BudgetMetric,
  axis: KnobAxis,
  y: (v: number) => number,
  neverY: number,
  unit?: ComputeUnit,
  dodge = 0,
): Row[] {
  const names = variantNames(r);
  const rows: Row[] = [];
  for (const p of r.points) {
    if (p.seeds === 0 || (unit && p.unit !== unit)) continue;
    const i = names.indexOf(p.variant);
    const m = measure(p, metric);
    rows.push({
      x: axis.pos(p.value) + (i - (names.length - 1) / 2) * dodge,
      i,
      [`v${i}`]: m.y === null ? null : y(m.y),
      [`n${i}`]: m.never ? neverY : null,
      [`t${i}`]: m.text,
      [`k${i}`]: p.value,
    });
  }
  return rows.sort((a, b) => Number(a.x) - Number(b.x));
}

export function variantNames(r: BudgetResult): string[] {
  return [...new Set(r.points.map((p) => p.variant))];
}

const TITLES: Record<BudgetMetric, string> = {
  first: 'Episodes until the first success',
  solved: 'Episodes until solved',
  success: 'Success rate',
  compute: 'Compute per run',
};

export const BudgetChart = memo(function BudgetChart(props: {
  result: BudgetResult;
  metric: BudgetMetric;
  /** The compute chart's unit (one chart per unit). */
  unit?: ComputeUnit;
  theme: Theme;
  height: number;
}) {
  const { result: r, metric, theme, unit } = props;
  const st = labChartStyle(theme);
  const names = useMemo(() => variantNames(r), [r]);
  const axis = useMemo(
    () => knobAxis(r.points.filter((p) => !unit || p.unit === unit).map((p) => p.value)),
    [r, unit],
  );
  const episodic = metric === 'first' || metric === 'solved';
  const logY = episodic || metric === 'compute';
  // Episodes: 1 .. the budget, "never" a step above it; compute: the decades around the values.
  const computeValues = r.points
    .filter((p) => p.seeds > 0 && (!unit || p.unit === unit))
    .map((p) => p.computeSteps);
  const yLo =
    metric === 'compute' ? 10 ** Math.floor(Math.log10(Math.max(1, Math.min(...computeValues, 1e300)))) : 1;
  const yHi =
    metric === 'compute'
      ? 10 ** Math.ceil(Math.log10(Math.max(10, ...computeValues) * 1.0001))
      : Math.max(2, r.episodes);
  const y = (v: number) => (logY ? Math.log10(Math.max(v, 1e-12)) : v);
  const neverY = episodic ? y(yHi) + Math.max(0.18, (y(yHi) - y(yLo)) * 0.14) : 0;
  const dodge = (axis.domain[1] - axis.domain[0]) * 0.012;
  const rows = useMemo(
    () => budgetRows(r, metric, axis, y, neverY, unit, dodge),
    [r, metric, axis, unit, neverY, dodge], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const yTicks = logY
    ? metric === 'compute'
      ? Array.from({ length: Math.round(Math.log10(yHi / yLo)) + 1 }, (_, k) => yLo * 10 ** k).map(y)
      : [...logTicks(1, r.episodes).filter((v) => v < r.episodes * 0.8), r.episodes].map(y).concat([neverY])
    : [0, 0.25, 0.5, 0.75, 1];
  const yDomain: [number, number] = logY ? [y(yLo) - 0.05, episodic ? neverY + 0.12 : y(yHi)] : [0, 1];
  const yLabel = (t: number) =>
    episodic && Math.abs(t - neverY) < 1e-9
      ? 'never'
      : logY
        ? compactAmount(10 ** t)
        : `${Math.round(t * 100)}%`;
  const seedsText = `median of ${r.seeds} seed${r.seeds === 1 ? '' : 's'}`;
  const neverText = `△ on "never": most never did within ${r.episodes} episode${r.episodes === 1 ? '' : 's'}`;
  const checked = r.solvedEvery > 1 ? ` (checked every ${r.solvedEvery} episodes)` : '';
  const note =
    metric === 'compute'
      ? `mean over seeds, in ${unit ?? 'steps'}${unit === 'multiply-adds' ? ' of the network updates' : ': real + imagined steps'}; log scale`
      : metric === 'success'
        ? 'share of all episodes of all seeds that reached a goal'
        : metric === 'solved'
          ? `the greedy path reaches a goal${checked}; ${seedsText}; △ on "never": most never did`
          : `${seedsText}; ${neverText}`;
  const full = metric === 'compute' && unit ? `${TITLES.compute} (${unit})` : TITLES[metric];
  return (
    <ChartFrame title={full} note={note} height={props.height} data={{ metric, ...(unit ? { unit } : {}) }}>
      {(width) => {
        const plotWidth = width - CHART_MARGIN.left - CHART_MARGIN.right - Y_WIDTH;
        const ticks = knobTicks(axis, plotWidth).map(axis.pos);
        const tickValue = new Map(knobTicks(axis, plotWidth).map((v) => [axis.pos(v), v]));
        return (
          <ComposedChart width={width} height={props.height} data={rows} margin={CHART_MARGIN}>
            <CartesianGrid {...gridProps(st)} />
            <XAxis
              dataKey="x"
              type="number"
              domain={axis.domain}
              ticks={ticks}
              interval={0}
              allowDataOverflow
              tickFormatter={(t: number) => compactAmount(tickValue.get(t) ?? 0)}
              {...axisStyle(st)}
              label={xAxisLabel(st, `${KNOB_LABEL[r.knob]} (log scale)`)}
            />
            <YAxis
              width={Y_WIDTH}
              type="number"
              domain={yDomain}
              ticks={yTicks}
              interval={0}
              allowDataOverflow
              tickFormatter={yLabel}
              {...yAxisStyle(st)}
              label={yAxisLabel(
                st,
                episodic ? 'Episode' : metric === 'success' ? 'Success' : (unit ?? 'steps'),
              )}
            />
            {episodic && r.episodes > 1 && (
              <ReferenceLine
                y={y(r.episodes)}
                stroke={st.text}
                strokeDasharray="6 4"
                label={{
                  value: `budget ${r.episodes} episode${r.episodes === 1 ? '' : 's'}`,
                  position: 'insideBottomRight',
                  fill: st.muted,
                  fontSize: TICK - 1,
                }}
              />
            )}
            {names.map((n, i) => (
              <Line
                key={`v${i}`}
                name={n}
                dataKey={`v${i}`}
                isAnimationActive={false}
                stroke={variantColor(i, theme)}
                strokeWidth={2.5}
                connectNulls
                dot={{ r: 4.5, fill: variantColor(i, theme) }}
              />
            ))}
            {episodic &&
              names.map((n, i) => (
                <Scatter
                  key={`n${i}`}
                  name={`${n}: never`}
                  dataKey={`n${i}`}
                  isAnimationActive={false}
                  fill="none"
                  stroke={variantColor(i, theme)}
                  strokeWidth={2.5}
                  shape="triangle"
                />
              ))}
            <Tooltip
              {...tooltipProps(st)}
              content={({ active, payload }) => {
                const row = payload?.[0]?.payload as Row | undefined;
                if (!active || !row) return null;
                const i = Number(row.i);
                const knob = r.points.find((p) => p.variant === names[i])?.knob ?? r.knob;
                return (
                  <div className="budget-tooltip" style={tooltipProps(st).contentStyle}>
                    <strong style={{ color: variantColor(i, theme) }}>{names[i]}</strong>
                    <div>
                      {KNOB_LABEL[knob]}: {row[`k${i}`]}
                    </div>
                    <div>{row[`t${i}`]}</div>
                  </div>
                );
              }}
            />
          </ComposedChart>
        );
      }}
    </ChartFrame>
  );
});
