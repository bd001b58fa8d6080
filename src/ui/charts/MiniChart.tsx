/**
 * One small chart: optional faint min–max band and faint raw line, and a bold main line (moving
 * average, rate or epsilon), x = episode; optionally the first successful episode as a "first goal"
 * line with the episodes before it shaded "no signal yet". Animations are off; memoised so it
 * re-renders only when its rows, size, colours or marker change.
 */
import { memo, useMemo } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ChartRow } from './chartData';
import { ChartTooltip, type TooltipLine } from './ChartTooltip';
import type { ChartTheme } from './chartTheme';
import { formatCompact } from './formatNumber';
import { episodeTicks, niceTicks, tickFormat } from './niceTicks';

/** A further series drawn over the chart's own: another run's curve (e.g. the previous run, faded). */
export interface ChartOverlay {
  /** What the series is ("previous run: no reward shaping"). */
  name: string;
  rows: readonly { ep: number; value: number }[];
  color: string;
  /** Drawn light and dashed, behind the chart's own lines. */
  faded?: boolean;
}

/** A horizontal reference line with its label (e.g. a best possible return). */
export interface ChartReference {
  y: number;
  label: string;
  color: string;
}

export interface MiniChartProps {
  title: string;
  /** Short key shown right of the title (what the bold/faint marks mean). */
  keyText?: string;
  yLabel: string;
  rows: ChartRow[];
  count: number;
  width: number;
  height: number;
  theme: ChartTheme;
  color: string;
  band?: 'retBand' | 'stepsBand';
  raw?: 'ret' | 'steps';
  main: 'retAvg' | 'stepsAvg' | 'success' | 'eps';
  yDomain?: [number | 'auto' | 'dataMin' | 'dataMax', number | 'auto' | 'dataMin' | 'dataMax'];
  tooltip: readonly TooltipLine[];
  syncId: string;
  /**
   * Marks the first successful episode: undefined draws nothing; null (none yet) shades every episode
   * "no signal yet"; a number draws a "first goal" line there and shades the episodes before it.
   */
  firstGoal?: number | null;
  /** Label of the shaded area before the first goal (default "no signal yet"). */
  beforeGoalLabel?: string;
  /** The episode on show in the history timeline, drawn as a line (null or absent: none). */
  cursor?: number | null;
  /** Further series (other runs), drawn under the chart's own lines; the x axis spans them too. */
  overlays?: readonly ChartOverlay[];
  /** Horizontal reference lines, inside the y axis's range. */
  references?: readonly ChartReference[];
  /** Labelled reference lines: `y` a level (e.g. your best return, "You"), `x` an episode (a mark). */
  refLines?: readonly RefLine[];
}

export interface RefLine {
  x?: number;
  y?: number;
  label: string;
  color?: string;
}

export const TITLE_HEIGHT = 20;

export const MiniChart = memo(function MiniChart(p: MiniChartProps) {
  const t = p.theme;
  const tick = { fill: t.muted, fontSize: 11 };
  const plotHeight = Math.max(60, p.height - TITLE_HEIGHT);
  const xMax = useMemo(() => {
    let m = p.count;
    for (const o of p.overlays ?? []) for (const r of o.rows) if (r.ep > m) m = r.ep;
    return Math.ceil(m);
  }, [p.count, p.overlays]);
  const xTicks = useMemo(() => episodeTicks(xMax), [xMax]);
  const y = useMemo(() => yAxisOf(p), [p.rows, p.band, p.raw, p.main, p.yDomain, p.overlays, p.references]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <figure style={{ margin: 0, width: p.width }} aria-label={p.title}>
      <figcaption
        style={{
          height: TITLE_HEIGHT,
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'baseline',
          gap: 8,
          fontSize: 13,
          color: t.text,
          whiteSpace: 'nowrap',
          overflow: 'hidden',
        }}
      >
        <strong style={{ fontWeight: 600 }}>{p.title}</strong>
        {p.keyText && <span style={{ fontSize: 11, color: t.muted, overflow: 'hidden' }}>{p.keyText}</span>}
      </figcaption>
      <ComposedChart
        width={p.width}
        height={plotHeight}
        data={p.rows}
        syncId={p.syncId}
        margin={{ top: 6, right: 10, bottom: 14, left: 4 }}
      >
        <CartesianGrid stroke={t.grid} strokeDasharray="3 3" />
        {p.firstGoal !== undefined && noSignal(p.firstGoal, p.count, t, p.beforeGoalLabel ?? 'no signal yet')}
        {p.firstGoal != null && (
          <ReferenceLine
            x={p.firstGoal}
            stroke={t.success}
            strokeDasharray="4 3"
            strokeWidth={1.5}
            ifOverflow="hidden"
            label={{
              value: 'first goal',
              position: p.firstGoal > p.count * 0.7 ? 'insideTopRight' : 'insideTopLeft',
              fill: t.success,
              fontSize: 11,
              fontWeight: 600,
            }}
          />
        )}
        {p.refLines?.map((r) => (
          <ReferenceLine
            key={`${r.label}:${r.x ?? ''}:${r.y ?? ''}`}
            {...(r.x !== undefined ? { x: r.x } : { y: r.y })}
            stroke={r.color ?? t.text}
            strokeDasharray="6 3"
            strokeWidth={1.5}
            ifOverflow={r.y !== undefined ? 'extendDomain' : 'hidden'}
            label={{
              value: r.label,
              position: r.x !== undefined ? 'insideBottomLeft' : 'insideTopRight',
              fill: r.color ?? t.text,
              fontSize: 11,
              fontWeight: 600,
            }}
          />
        ))}
        {p.cursor != null && (
          <ReferenceLine x={Math.max(1, p.cursor)} stroke={t.text} strokeWidth={1.5} ifOverflow="hidden" />
        )}
        <XAxis
          dataKey="ep"
          type="number"
          domain={[1, Math.max(2, xMax)]}
          ticks={xTicks}
          allowDecimals={false}
          tickFormatter={formatCompact}
          tick={tick}
          stroke={t.muted}
          height={30}
          label={{ value: 'Episode', position: 'insideBottom', offset: -10, fill: t.muted, fontSize: 11 }}
        />
        <YAxis
          width={52}
          domain={y.domain}
          ticks={y.ticks}
          tickFormatter={y.format}
          tick={tick}
          stroke={t.muted}
          label={{
            value: p.yLabel,
            angle: -90,
            position: 'insideLeft',
            offset: 8,
            fill: t.muted,
            fontSize: 11,
            textAnchor: 'middle',
          }}
        />
        <Tooltip
          isAnimationActive={false}
          cursor={{ stroke: t.muted, strokeDasharray: '2 2' }}
          content={(props) => (
            <ChartTooltip active={props.active} payload={props.payload} lines={p.tooltip} theme={t} />
          )}
        />
        {p.references?.map((r) => (
          <ReferenceLine
            key={r.label}
            y={r.y}
            stroke={r.color}
            strokeDasharray="6 3"
            strokeWidth={1.5}
            ifOverflow="extendDomain"
            label={{ value: r.label, position: 'insideTopRight', fill: r.color, fontSize: 11, fontWeight: 600 }}
          />
        ))}
        {p.overlays?.map((o) => (
          <Line
            key={o.name}
            name={o.name}
            data={o.rows as { ep: number; value: number }[]}
            dataKey="value"
            isAnimationActive={false}
            stroke={o.color}
            strokeOpacity={o.faded ? 0.45 : 1}
            strokeWidth={o.faded ? 2 : 2.5}
            strokeDasharray={o.faded ? '5 4' : undefined}
            dot={o.rows.length === 1 ? { r: 3, fill: o.color, fillOpacity: 0.45 } : false}
            activeDot={false}
            tooltipType="none"
            className="chart-overlay"
          />
        ))}
        {p.band && (
          <Area
            dataKey={p.band}
            isAnimationActive={false}
            stroke="none"
            fill={p.color}
            fillOpacity={0.1}
            activeDot={false}
            tooltipType="none"
          />
        )}
        {p.raw && (
          <Line
            dataKey={p.raw}
            isAnimationActive={false}
            stroke={p.color}
            strokeOpacity={0.35}
            strokeWidth={1}
            dot={false}
            activeDot={false}
          />
        )}
        <Line
          dataKey={p.main}
          isAnimationActive={false}
          stroke={p.color}
          strokeWidth={2.5}
          dot={p.rows.length === 1 ? { r: 3, fill: p.color } : false}
          activeDot={{ r: 4, stroke: t.tooltipBg, strokeWidth: 1.5 }}
        />
      </ComposedChart>
    </figure>
  );
});

/** The shaded "no signal yet" area: every episode before the first success (all of them while none). */
function noSignal(firstGoal: number | null, count: number, t: ChartTheme, text: string) {
  const end = firstGoal ?? count;
  if (count < 1 || end <= 1) return null;
  const wide = firstGoal === null || end / Math.max(2, count) > 0.22;
  return (
    <ReferenceArea
      x1={1}
      x2={end}
      fill={t.muted}
      fillOpacity={0.12}
      stroke="none"
      zIndex={-50}
      ifOverflow="hidden"
      label={
        wide ? { value: text, position: 'insideBottom', offset: 6, fill: t.muted, fontSize: 11 } : undefined
      }
    />
  );
}

/** The y domain and ticks: fixed ends from yDomain, the rest from the data shown. */
function yAxisOf(p: MiniChartProps): {
  domain: [number, number];
  ticks: number[];
  format: (x: number) => string;
} {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of p.rows) {
    const vals = [
      r[p.main],
      p.raw ? r[p.raw] : NaN,
      p.band ? r[p.band][0] : NaN,
      p.band ? r[p.band][1] : NaN,
    ];
    for (const v of vals) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  for (const o of p.overlays ?? [])
    for (const r of o.rows) {
      if (r.value < lo) lo = r.value;
      if (r.value > hi) hi = r.value;
    }
  for (const r of p.references ?? []) {
    if (r.y < lo) lo = r.y;
    if (r.y > hi) hi = r.y;
  }
  const [fLo, fHi] = p.yDomain ?? ['auto', 'auto'];
  if (typeof fLo === 'number') lo = fLo;
  if (typeof fHi === 'number') hi = fHi;
  const nice = niceTicks(lo, hi, 4);
  const format = tickFormat(nice.ticks);
  if (typeof fLo === 'number' && typeof fHi === 'number')
    return { domain: [fLo, fHi], ticks: nice.ticks.filter((t) => t >= fLo && t <= fHi), format };
  return { ...nice, format };
}
