/**
 * Four small synchronised charts of training progress, x = episode: return (faint min–max band and
 * bucket mean, bold moving average), steps per episode, success rate over a moving window (%), and
 * epsilon; optionally the first success marked on the return chart. Long logs are downsampled to at
 * most ~200 points and recomputed only when series.version changes (as a deferred, interruptible
 * render, so playback stays smooth). The run before the last setting change can be drawn faded under
 * each curve, named in a legend whose entry removes it; reference lines can be given per chart; the
 * epsilon chart can be left out (an agent that does not decay epsilon: a flat line says nothing).
 */
import { useDeferredValue, useMemo, useRef } from 'react';
import type { Theme } from '../grid/overlay/palette';
import { useColorScheme } from '../grid/overlay/useColorScheme';
import { buildChartData, MAX_POINTS } from './chartData';
import { bandText, type TooltipLine } from './ChartTooltip';
import { getChartTheme } from './chartTheme';
import { formatCompact } from './formatNumber';
import type { MetricsSummary } from '../../rl/metrics';
import {
  MiniChart,
  TITLE_HEIGHT,
  type ChartOverlay,
  type ChartReference,
  type MiniChartProps,
} from './MiniChart';
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
  /** Another run to draw faded under each curve (the run before a setting change), and its name. */
  previous?: { label: string; series: MetricsSummary } | null;
  /** The previous run's legend entry was pressed (it should go). */
  onDismissPrevious?: () => void;
  /** Show the epsilon chart (default true). */
  showEpsilon?: boolean;
  /** Horizontal reference lines per chart. */
  references?: Partial<Record<ChartId, readonly ChartReference[]>>;
  /** Labelled reference lines on the return chart (your best return as "You", a "passed you" mark). */
  returnLines?: MiniChartProps['refLines'];
}

export type ChartId = 'return' | 'steps' | 'success' | 'epsilon';

/** The main line of each chart, which the previous run's faded line repeats. */
const MAIN_OF: Record<ChartId, MiniChartProps['main']> = {
  return: 'retAvg',
  steps: 'stepsAvg',
  success: 'success',
  epsilon: 'eps',
};
const LEGEND_HEIGHT = 28;
const NARROW_LEGEND = 420;

const GAP = 12;
// Constant props, so the memoised charts that did not get new data skip their render.
const FROM_ZERO: MiniChartProps['yDomain'] = [0, 'auto'];
const PERCENT: MiniChartProps['yDomain'] = [0, 100];
const SYNC_ID = 'training-charts';
/** Milliseconds between the four charts taking new data (see useStaggered). */
const STAGGER_MS = 60;
const TWO_COLUMNS_FROM = 560;
const THREE_COLUMNS_FROM = 720;

/** One chart: its MiniChart props but the shared ones, and the (staggered) data it shows. */
type ChartSpec = Omit<
  MiniChartProps,
  'rows' | 'count' | 'width' | 'height' | 'theme' | 'cursor' | 'syncId'
> & {
  id: ChartId;
  data: { rows: MiniChartProps['rows']; count: number };
};

export function TrainingCharts({
  series,
  height = 360,
  theme,
  window,
  maxPoints = MAX_POINTS,
  markFirstGoal = false,
  previous = null,
  onDismissPrevious,
  showEpsilon = true,
  references,
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
  const prevSeries = previous?.series ?? null;
  const prevData = useMemo(
    () => (prevSeries ? buildChartData(prevSeries, maxPoints, window) : null),
    [prevSeries, maxPoints, window],
  );
  const prevName = previous ? `previous run: ${previous.label}` : '';
  const overlays = useMemo(() => {
    const out: Partial<Record<ChartId, ChartOverlay[]>> = {};
    if (!prevData) return out;
    const colors: Record<ChartId, string> = {
      return: t.returns,
      steps: t.steps,
      success: t.success,
      epsilon: t.epsilon,
    };
    for (const id of Object.keys(MAIN_OF) as ChartId[])
      out[id] = [
        {
          name: prevName,
          rows: prevData.rows.map((r) => ({ ep: r.ep, value: r[MAIN_OF[id]] })),
          color: colors[id],
          faded: true,
        },
      ];
    return out;
  }, [prevData, prevName, t]);
  const shown = showEpsilon ? 4 : 3;
  // Three charts: in a row where three fit, else one above the other (two columns would leave a hole).
  const cols = shown === 3 ? (width >= THREE_COLUMNS_FROM ? 3 : 1) : width >= TWO_COLUMNS_FROM ? 2 : 1;
  const rowsOfCharts = Math.ceil(shown / cols);
  const chartW = Math.floor((width - GAP * (cols - 1)) / cols);
  // A narrow column puts the previous run's entry on a line of its own (its name stays readable).
  const legendRows = width < NARROW_LEGEND ? 2 : 1;
  const legendH = previous ? LEGEND_HEIGHT * legendRows : 0;
  const chartH = Math.max(
    110,
    Math.floor((height - legendH - GAP * (rowsOfCharts - 1)) / rowsOfCharts),
  );
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
  const all: ChartSpec[] = [
    {
      id: 'return',
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
      id: 'steps',
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
      id: 'success',
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
      id: 'epsilon',
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
  const charts = showEpsilon ? all : all.filter((c) => c.id !== 'epsilon');

  return (
    <div
      ref={ref}
      className="training-charts"
      style={{ position: 'relative', width: '100%', minHeight: height, color: t.text }}
    >
      {/* The charts stay mounted while empty: mounting four recharts charts at once is the costliest
          update of all, and would otherwise land on the first finished episode, mid-training. */}
      {/* Over the first chart's plot only, so that it covers no chart's title. */}
      {previous && (
        <div
          className="charts-legend"
          role="group"
          aria-label="Runs on the charts"
          style={{
            height: legendH,
            display: 'flex',
            flexDirection: legendRows === 2 ? 'column' : 'row',
            alignItems: legendRows === 2 ? 'flex-start' : 'center',
            justifyContent: 'center',
            gap: legendRows === 2 ? 2 : 14,
            fontSize: 12,
            color: t.muted,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
          }}
        >
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
            <LegendLine color={t.text} /> this run
          </span>
          <button
            type="button"
            className="charts-legend-previous"
            data-testid="previous-run-legend"
            onClick={onDismissPrevious}
            aria-label={`Hide the ${prevName} from the charts`}
            style={{
              display: 'inline-flex',
              alignItems: 'center',
              gap: 4,
              minHeight: 24,
              padding: '0 6px',
              border: `1px solid ${t.grid}`,
              borderRadius: 999,
              background: 'transparent',
              color: t.text,
              font: 'inherit',
              cursor: 'pointer',
              minWidth: 0,
              maxWidth: '100%',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
            }}
          >
            <LegendLine color={t.text} faded />
            <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{prevName}</span>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
      {(count === 0 || data.rows.length === 0) && (
        <div
          style={{
            position: 'absolute',
            top: TITLE_HEIGHT + legendH,
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
            {previous ? 'New run: press Play to compare' : 'No episodes yet: press Play'}
          </span>
        </div>
      )}
      <div style={{ display: 'grid', gridTemplateColumns: `repeat(${cols}, ${chartW}px)`, gap: GAP }}>
        {charts.map(({ data: d, id, ...chart }) => (
          <MiniChart
            key={id}
            {...chart}
            rows={d.rows}
            count={d.count}
            {...size}
            syncId={SYNC_ID}
            overlays={overlays[id]}
            references={references?.[id]}
          />
        ))}
      </div>
    </div>
  );
}

/** A short sample of a line for the legend: solid (this run) or faded and dashed (the previous run). */
function LegendLine({ color, faded = false }: { color: string; faded?: boolean }) {
  return (
    <svg width="22" height="8" aria-hidden="true" style={{ flex: 'none' }}>
      <line
        x1="1"
        y1="4"
        x2="21"
        y2="4"
        stroke={color}
        strokeWidth={faded ? 2 : 2.5}
        strokeOpacity={faded ? 0.45 : 1}
        strokeDasharray={faded ? '5 4' : undefined}
      />
    </svg>
  );
}
