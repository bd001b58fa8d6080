/** Share of seeds reaching the goal per episode (smoothed), one line per variant. */
import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ComparisonResult } from '../../rl/lab/compare';
import type { Theme } from '../grid/overlay/palette';
import { ChartFrame } from './ChartFrame';
import { successRows } from './chartRows';
import { labChartStyle, TICK, variantColor } from './labColors';

const pct = (x: number) => `${Math.round(x * 100)}%`;

export const SuccessChart = memo(function SuccessChart(props: {
  result: ComparisonResult;
  focus: number;
  theme: Theme;
  height: number;
}) {
  const { result, theme } = props;
  const st = labChartStyle(theme);
  const rows = useMemo(() => successRows(result), [result]);
  return (
    <ChartFrame title="Success rate" note="share of seeds reaching the goal, smoothed" height={props.height}>
      {(width) => (
        <LineChart
          width={width}
          height={props.height}
          data={rows}
          margin={{ top: 8, right: 16, bottom: 22, left: 8 }}
        >
          <CartesianGrid stroke={st.grid} strokeDasharray="3 3" />
          <XAxis
            dataKey="ep"
            type="number"
            domain={[1, Math.max(2, result.episodes)]}
            allowDecimals={false}
            tick={{ fill: st.muted, fontSize: TICK }}
            stroke={st.muted}
            label={{
              value: 'Episode',
              position: 'insideBottom',
              offset: -14,
              fill: st.muted,
              fontSize: TICK,
            }}
          />
          <YAxis
            width={56}
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            tickFormatter={pct}
            tick={{ fill: st.muted, fontSize: TICK }}
            stroke={st.muted}
          />
          {result.variants.map((v, i) => (
            <Line
              key={i}
              name={v.name}
              dataKey={`s${i}`}
              isAnimationActive={false}
              stroke={variantColor(i, theme)}
              strokeWidth={i === props.focus ? 3.5 : 2.5}
              dot={false}
            />
          ))}
          <Tooltip
            isAnimationActive={false}
            contentStyle={{ background: st.tooltipBg, color: st.text, fontSize: TICK }}
            labelFormatter={(ep) => `Episode ${ep}`}
            formatter={(value) => (typeof value === 'number' ? pct(value) : String(value))}
          />
        </LineChart>
      )}
    </ChartFrame>
  );
});
