/**
 * Steps to the first success against goal distance, on a log axis: the median of the seeds (band: the
 * fastest to the slowest seed that succeeded) for the random walk and the chosen agent. Where more
 * than half the seeds never succeeded, the point sits on the budget line as a hollow marker.
 */
import { memo } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { SweepResult } from '../../rl/lab/sweep';
import { ChartFrame } from './ChartFrame';
import {
  axisStyle,
  CHART_MARGIN,
  gridProps,
  tooltipProps,
  xAxisLabel,
  Y_AXIS_WIDTH,
  yAxisStyle,
  useLabChart,
  type LabChartProps,
} from './chartParts';
import { sweepRows } from './chartRows';
import { TICK } from './labColors';

const compact = (x: number) =>
  x >= 1e6 ? `${+(x / 1e6).toFixed(1)}M` : x >= 1e3 ? `${+(x / 1e3).toFixed(1)}k` : String(Math.round(x));

export const SweepChart = memo(function SweepChart(
  props: LabChartProps<SweepResult> & { agentLabel: string; agentColor: string },
) {
  const { result, st, rows } = useLabChart(props, sweepRows);
  const walkers = [
    { key: 'random', label: 'Random walk', color: st.muted },
    ...(result.agent === 'random'
      ? []
      : [{ key: 'agent', label: props.agentLabel, color: props.agentColor }]),
  ];
  const top = Math.pow(10, Math.ceil(Math.log10(result.budget * 1.01)));
  const ticks = Array.from({ length: Math.log10(top) + 1 }, (_, i) => Math.pow(10, i));
  return (
    <ChartFrame
      title="Steps until the first success vs goal distance (log scale)"
      note={`median of ${result.seeds} seeds, band: fastest to slowest; hollow = most seeds never found it`}
      height={props.height}
      keyItems={walkers.map((w) => ({ label: w.label, color: w.color }))}
    >
      {(width) => (
        <ComposedChart width={width} height={props.height} data={rows} margin={CHART_MARGIN}>
          <CartesianGrid {...gridProps(st)} />
          <XAxis
            dataKey="distance"
            type="number"
            domain={['dataMin', 'dataMax']}
            ticks={result.distances}
            {...axisStyle(st)}
            label={xAxisLabel(st, 'Goal distance (steps)')}
          />
          <YAxis
            width={Y_AXIS_WIDTH}
            scale="log"
            domain={[1, top]}
            ticks={ticks}
            allowDataOverflow
            tickFormatter={compact}
            {...yAxisStyle(st)}
          />
          <ReferenceLine
            y={result.budget}
            stroke={st.text}
            strokeDasharray="6 4"
            label={{
              value: `budget ${compact(result.budget)} steps`,
              position: 'insideTopLeft',
              fill: st.text,
              fontSize: TICK,
            }}
          />
          {walkers.map((w) => (
            <Area
              key={`${w.key}Range`}
              dataKey={`${w.key}Range`}
              isAnimationActive={false}
              stroke="none"
              fill={w.color}
              fillOpacity={0.12}
              activeDot={false}
              tooltipType="none"
            />
          ))}
          {walkers.map((w) => (
            <Line
              key={w.key}
              name={`${w.label} (median steps)`}
              dataKey={w.key}
              isAnimationActive={false}
              stroke={w.color}
              strokeWidth={3}
              dot={{ r: 5, fill: w.color }}
            />
          ))}
          {walkers.map((w) => (
            <Scatter
              key={`${w.key}Never`}
              name={`${w.label}: never (censored)`}
              dataKey={`${w.key}Never`}
              isAnimationActive={false}
              fill="none"
              stroke={w.color}
              strokeWidth={2.5}
              shape="triangle"
            />
          ))}
          <Tooltip
            {...tooltipProps(st)}
            labelFormatter={(d) => `Goal ${d} steps away`}
            formatter={(value, name) =>
              String(name).includes('never')
                ? 'more than the budget'
                : typeof value === 'number'
                  ? compact(value)
                  : String(value)
            }
          />
        </ComposedChart>
      )}
    </ChartFrame>
  );
});
