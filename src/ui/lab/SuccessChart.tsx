/** Share of seeds reaching the goal per episode (smoothed), one line per variant. */
import { memo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ComparisonResult } from '../../rl/lab/compare';
import { ChartFrame } from './ChartFrame';
import {
  CHART_MARGIN,
  episodeTooltip,
  episodeXAxis,
  gridProps,
  Y_AXIS_WIDTH,
  yAxisStyle,
  useLabChart,
  type LabChartProps,
} from './chartParts';
import { successRows } from './chartRows';
import { variantColor } from './labColors';

const pct = (x: number) => `${Math.round(x * 100)}%`;

export const SuccessChart = memo(function SuccessChart(
  props: LabChartProps<ComparisonResult> & { focus: number },
) {
  const { result, st, rows } = useLabChart(props, successRows);
  return (
    <ChartFrame title="Success rate" note="share of seeds reaching the goal, smoothed" height={props.height}>
      {(width) => (
        <LineChart width={width} height={props.height} data={rows} margin={CHART_MARGIN}>
          <CartesianGrid {...gridProps(st)} />
          <XAxis {...episodeXAxis(st, result.episodes)} />
          <YAxis
            width={Y_AXIS_WIDTH}
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            tickFormatter={pct}
            {...yAxisStyle(st)}
          />
          {result.variants.map((v, i) => (
            <Line
              key={i}
              name={v.name}
              dataKey={`s${i}`}
              isAnimationActive={false}
              stroke={variantColor(i, props.theme)}
              strokeWidth={i === props.focus ? 3.5 : 2.5}
              dot={false}
            />
          ))}
          <Tooltip {...episodeTooltip(st, pct)} />
        </LineChart>
      )}
    </ChartFrame>
  );
});
