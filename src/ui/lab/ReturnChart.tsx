/**
 * Mean return per episode of every variant, with its band over seeds (min-max or +-1 std), a dot where
 * each seed first reached the goal, and the focused variant's flat start shaded as "no signal yet".
 */
import { memo, useMemo } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceDot,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ComparisonResult } from '../../rl/lab/compare';
import type { Theme } from '../grid/overlay/palette';
import { ChartFrame } from './ChartFrame';
import {
  yAxisStyle,
  CHART_MARGIN,
  episodeTooltip,
  episodeXAxis,
  gridProps,
  Y_AXIS_WIDTH,
  yAxisLabel,
} from './chartParts';
import { niceAxis } from '../charts/niceTicks';
import { firstSuccessMarkers, returnRows } from './chartRows';
import { labChartStyle, TICK, variantColor } from './labColors';

/** Tooltip values: three significant digits at most. */
const fmt = (x: number) =>
  Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(1) : x.toFixed(2);

/** Room above the highest curve for the "no signal yet" label, as a share of the data's span. */
const HEADROOM = 0.14;

export const ReturnChart = memo(function ReturnChart(props: {
  result: ComparisonResult;
  band: 'minmax' | 'std';
  focus: number;
  theme: Theme;
  height: number;
}) {
  const { result, band, focus, theme } = props;
  const st = labChartStyle(theme);
  const rows = useMemo(() => returnRows(result, band), [result, band]);
  const markers = useMemo(() => firstSuccessMarkers(result), [result]);
  const f = result.variants[focus] ?? result.variants[0];
  const shadeTo = Math.min(result.episodes, f.noSignalUntil + 1);
  const y = useMemo(() => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const row of rows)
      for (let i = 0; i < result.variants.length; i++) {
        const b = row[`b${i}`];
        const m = row[`m${i}`];
        for (const v of [...(Array.isArray(b) ? b : []), typeof m === 'number' ? m : NaN]) {
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
      }
    return niceAxis(lo, hi + HEADROOM * Math.max(1e-9, hi - lo), 5);
  }, [rows, result.variants.length]);
  const firsts = Object.fromEntries(result.variants.map((v) => [v.name, v.firstEpisode.median]));
  return (
    <ChartFrame
      title="Return per episode"
      note={`mean over ${result.seeds} seeds (each smoothed over ${result.variants[0]?.smoothWindow ?? 1} episodes), band ${band === 'minmax' ? 'min-max' : '±1 std'}; dots: each seed's first goal`}
      height={props.height}
      data={{ 'first-success-median': JSON.stringify(firsts) }}
    >
      {(width) => (
        <ComposedChart width={width} height={props.height} data={rows} margin={CHART_MARGIN}>
          <CartesianGrid {...gridProps(st)} />
          <XAxis {...episodeXAxis(st, result.episodes)} />
          <YAxis
            width={Y_AXIS_WIDTH}
            domain={y.domain}
            ticks={y.ticks}
            allowDataOverflow
            {...yAxisStyle(st)}
            tickFormatter={y.format}
            label={yAxisLabel(st, 'Return')}
          />
          {shadeTo > 1 && (
            <ReferenceArea
              x1={1}
              x2={shadeTo}
              fill={st.shade}
              fillOpacity={0.14}
              ifOverflow="hidden"
              label={{
                value: `no signal yet: ${f.name}${f.firstEpisode.min === null ? ' (never found the goal)' : ''}`,
                position: 'insideTopLeft',
                fill: st.text,
                fontSize: TICK,
              }}
            />
          )}
          {result.variants.map((_, i) => (
            <Area
              key={`b${i}`}
              dataKey={`b${i}`}
              isAnimationActive={false}
              stroke="none"
              fill={variantColor(i, theme)}
              fillOpacity={i === focus ? 0.18 : 0.08}
              activeDot={false}
              tooltipType="none"
            />
          ))}
          {result.variants.map((v, i) => (
            <Line
              key={`m${i}`}
              name={v.name}
              dataKey={`m${i}`}
              isAnimationActive={false}
              stroke={variantColor(i, theme)}
              strokeWidth={i === focus ? 3.5 : 2.5}
              dot={false}
            />
          ))}
          {markers.map((m, k) => (
            <ReferenceDot
              key={k}
              x={m.ep}
              y={m.y}
              r={5}
              fill={variantColor(m.variant, theme)}
              stroke={st.tooltipBg}
              strokeWidth={1.5}
              ifOverflow="hidden"
            />
          ))}
          <Tooltip {...episodeTooltip(st, fmt)} />
        </ComposedChart>
      )}
    </ChartFrame>
  );
});
