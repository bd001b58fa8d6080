/**
 * Props shared by the lab's recharts charts: margin, grid, axis styling and labels, the episode x axis
 * and the tooltip box. Plain props objects, spread onto the chart's own <CartesianGrid>, <XAxis>, <YAxis>
 * and <Tooltip>: recharts 3 needs those as direct children of the chart, so no wrapper components.
 */
import { useMemo } from 'react';
import { episodeTicks } from '../charts/niceTicks';
import type { Theme } from '../theme';
import { labChartStyle, TICK, type LabChartStyle } from './labColors';

/** What every lab chart is given: the result it draws, the colour scheme and its height. */
export interface LabChartProps<R> {
  result: R;
  theme: Theme;
  height: number;
}

/** A lab chart's styling and its rows (`rowsOf` a module-level function, recomputed per result). */
export function useLabChart<R, Row>(
  props: LabChartProps<R>,
  rowsOf: (result: R) => Row,
): { result: R; st: LabChartStyle; rows: Row } {
  const { result, theme } = props;
  const rows = useMemo(() => rowsOf(result), [result, rowsOf]);
  return { result, st: labChartStyle(theme), rows };
}

export const CHART_MARGIN = { top: 8, right: 16, bottom: 22, left: 8 };

/** Width of a y axis with tick labels and a rotated title. */
export const Y_AXIS_WIDTH = 56;

export function gridProps(st: LabChartStyle) {
  return { stroke: st.grid, strokeDasharray: '3 3' };
}

/** Tick text and axis line colours, for an XAxis or YAxis. */
export function axisStyle(st: LabChartStyle) {
  return { tick: { fill: st.muted, fontSize: TICK }, stroke: st.muted };
}

/** The same for a value (y) axis; its tick labels carry the class lab-y-tick. */
export function yAxisStyle(st: LabChartStyle) {
  return { tick: { fill: st.muted, fontSize: TICK, className: 'lab-y-tick' }, stroke: st.muted };
}

/** The title under an x axis. */
export function xAxisLabel(st: LabChartStyle, value: string) {
  return { value, position: 'insideBottom', offset: -14, fill: st.muted, fontSize: TICK } as const;
}

/** The rotated title left of a y axis, centred on the plot (recharts anchors it at its start). */
export function yAxisLabel(st: LabChartStyle, value: string) {
  return {
    value,
    angle: -90,
    position: 'insideLeft',
    textAnchor: 'middle',
    fill: st.muted,
    fontSize: TICK,
  } as const;
}

/** An x axis of 1-based episodes, 1 to the run's length, ticked at round episodes. */
export function episodeXAxis(st: LabChartStyle, episodes: number) {
  return {
    dataKey: 'ep',
    type: 'number',
    domain: [1, Math.max(2, episodes)],
    ticks: episodeTicks(episodes),
    allowDecimals: false,
    ...axisStyle(st),
    label: xAxisLabel(st, 'Episode'),
  } as const;
}

/** The tooltip box: no animation, themed colours. */
export function tooltipProps(st: LabChartStyle) {
  return {
    isAnimationActive: false,
    contentStyle: { background: st.tooltipBg, color: st.text, fontSize: TICK },
  };
}

/** The tooltip of a chart over episodes: "Episode N", then each value through `format`. */
export function episodeTooltip(st: LabChartStyle, format: (x: number) => string) {
  return {
    ...tooltipProps(st),
    labelFormatter: (ep: unknown) => `Episode ${ep}`,
    formatter: (value: unknown) => (typeof value === 'number' ? format(value) : String(value)),
  };
}
