/**
 * Four small synchronised charts of training progress, x = episode: return (faint min–max band and
 * bucket mean, bold moving average), steps per episode, success rate over a moving window (%), and
 * epsilon; optionally the first success marked on the return chart. Long logs are downsampled to at
 * most ~200 points and recomputed only when series.version changes (as a deferred, interruptible
 * render, so playback stays smooth).
 */
import { useDeferredValue, useMemo, useRef } from 'react';
import type { Theme } from '../grid/overlay/palette';
import { useColorScheme } from '../grid/overlay/useColorScheme';
import { buildChartData, MAX_POINTS } from './chartData';
import { bandText, type TooltipLine } from './ChartTooltip';
import { getChartTheme } from './chartTheme';
import { formatCompact } from './formatNumber';
import type { MetricsSummary } from '../../rl/metrics';
import { MiniChart, TITLE_HEIGHT, type MiniChartProps } from './MiniChart';
import { useElementWidth } from './useElementWidth';
import { useStaggered } from './useStaggered';
import { useViewedEpisode } from '../history/hooks';

export type { MetricsSummary } from '../../rl/metrics';

export interface TrainingChartsProps {
  series: MetricsSummary;
  /** Total height in px of the chart area (all four charts; default 360). */
  height?: number;
  /** Colour scheme; default: the system's. */
  theme?: Theme;
  /** Moving-average window in episodes (default: a round number near count/40, >= 10); the success
   *  rate is always over the last SUCCESS_WINDOW episodes. */
  window?: number;
  /** Most points per series (default 200). */
  maxPoints?: number;
  /** Mark the first successful episode on the return chart ("first goal", "no signal yet" before it). */
  markFirstGoal?: boolean;
  /** Labelled reference lines on the return chart (your best return as "You", a "passed you" mark). */
  returnLines?: MiniChartProps['refLines'];
}

const GAP = 12;
// Constant props, so the memoised charts that did not get new data skip their render.
const FROM_ZERO: MiniChartProps['yDomain'] = [0, 'auto'];
const PERCENT: MiniChartProps['yDomain'] = [0, 100];
const SYNC_ID = 'training-charts';
/** Milliseconds between the four charts taking new data (see useStaggered). */
const STAGGER_MS = 60;
const TWO_COLUMNS_FROM = 560;

/** One chart: its MiniChart props but the shared ones, and the (staggered) data it shows. */
type ChartSpec = Omit<
  MiniChartProps,
  'rows' | 'count' | 'width' | 'height' | 'theme' | 'cursor' | 'syncId'
> & {
  data: { rows: MiniChartProps['rows']; count: number };
};

export function TrainingCharts({
  series,
  height = 360,
  theme,
  window,
  maxPoints = MAX_POINTS,
  markFirstGoal = false,
  returnLines,
}: TrainingChartsProps) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref, 640);
  const t = getChartTheme(useColorScheme(theme));
  const version = useDeferredValue(series.version);
  const count = series.counters.episodes;
  const data = useMemo(
    () => buildChartData(series, maxPoints, window),
    // Recompute only when the data changes (the contract: version increments on every change).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [version, window, maxPoints],
  );
  const d1 = useStaggered(data, STAGGER_MS);
  const d2 = useStaggered(data, 2 * STAGGER_MS);
  const d3 = useStaggered(data, 3 * STAGGER_MS);
  const cols = width >= TWO_COLUMNS_FROM ? 2 : 1;
  const rowsOfCharts = 4 / cols;
  const chartW = Math.floor((width - GAP * (cols - 1)) / cols);
  const chartH = Math.max(110, Math.floor((height - GAP * (rowsOfCharts - 1)) / rowsOfCharts));
  const size = { width: chartW, height: chartH, theme: t, cursor: useViewedEpisode() };
  const single = data.exact;
  const w = formatCompact(data.window);
  const tips = useMemo(
    () => ({
      retTips: [
        {
          label: single ? 'Return' : 'Return mean (min … max)',
          value: (r) => bandText(r.ret, r.retBand, single),
        },
        { label: `Avg of last ${w}`, value: (r) => formatCompact(r.retAvg) },
      ] satisfies TooltipLine[],
      stepTips: [
        {
          label: single ? 'Steps' : 'Steps mean (min … max)',
          value: (r) => bandText(r.steps, r.stepsBand, single),
        },
        { label: `Avg of last ${w}`, value: (r) => formatCompact(r.stepsAvg) },
      ] satisfies TooltipLine[],
      successTips: [
        { label: `Success (last ${data.successWindow})`, value: (r) => `${r.success.toFixed(1)}%` },
      ] satisfies TooltipLine[],
      epsTips: [{ label: 'ε', value: (r) => r.eps.toFixed(3) }] satisfies TooltipLine[],
    }),
    [single, w, data.successWindow],
  );
  const { retTips, stepTips, successTips, epsTips } = tips;
  // The four charts, each taking its data a stagger later than the one before (useStaggered).
  const charts: ChartSpec[] = [
    {
      title: 'Return per episode',
      keyText: `bold: avg of ${w}`,
      yLabel: 'Return',
      data,
      color: t.returns,
      band: 'retBand',
      raw: 'ret',
      main: 'retAvg',
      tooltip: retTips,
      firstGoal: markFirstGoal && data.count > 0 ? data.firstSuccess : undefined,
      beforeGoalLabel: data.rewardBeforeGoal ? 'no goal yet' : 'no signal yet',
      refLines: returnLines,
    },
    {
      title: 'Steps per episode',
      keyText: `bold: avg of ${w}`,
      yLabel: 'Steps',
      data: d1,
      color: t.steps,
      band: 'stepsBand',
      raw: 'steps',
      main: 'stepsAvg',
      yDomain: FROM_ZERO,
      tooltip: stepTips,
    },
    {
      title: 'Success rate (%)',
      keyText: `% of last ${data.successWindow} reaching a goal`,
      yLabel: 'Success',
      data: d2,
      color: t.success,
      main: 'success',
      yDomain: PERCENT,
      tooltip: successTips,
    },
    {
      title: 'Exploration ε',
      keyText: single ? undefined : 'mean per point',
      yLabel: 'ε',
      data: d3,
      color: t.epsilon,
      main: 'eps',
      yDomain: FROM_ZERO,
      tooltip: epsTips,
    },
  ];

  return (
    <div
      ref={ref}
      className="training-charts"
      style={{ position: 'relative', width: '100%', minHeight: height, color: t.text }}
    >
      {/* The charts stay mounted while empty: mounting four recharts charts at once is the costliest
          update of all, and would otherwise land on the first finished episode, mid-training. */}
      {/* Over the first chart's plot only, so that it covers no chart's title. */}
      {(count === 0 || data.rows.length === 0) && (
        <div
          style={{
            position: 'absolute',
            top: TITLE_HEIGHT,
            left: 0,
            width: chartW,
            height: Math.max(0, chartH - TITLE_HEIGHT),
            zIndex: 1,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            pointerEvents: 'none',
          }}
        >
          <span
            role="status"
            style={{
              padding: '8px 14px',
              border: `1px solid ${t.grid}`,
              borderRadius: 999,
              background: t.tooltipBg,
              color: t.text,
              fontSize: 14,
              boxShadow: '0 1px 4px rgba(0, 0, 0, 0.12)',
            }}
          >
            No episodes yet: press Play
          </span>
        </div>
      )}
      <div style={{ display: 'grid', gridTemplateColumns: `repeat(${cols}, ${chartW}px)`, gap: GAP }}>
        {charts.map(({ data: d, ...chart }) => (
          <MiniChart key={chart.title} {...chart} rows={d.rows} count={d.count} {...size} syncId={SYNC_ID} />
        ))}
      </div>
    </div>
  );
}
