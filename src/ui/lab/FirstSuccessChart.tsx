/**
 * How many seeds first reached the goal in each stretch of episodes, per variant, with a "never" bar
 * for the seeds that did not reach it within the budget (censored, not dropped).
 */
import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { ComparisonResult } from '../../rl/lab/compare';
import type { Theme } from '../grid/overlay/palette';
import { ChartFrame } from './ChartFrame';
import { firstSuccessHistogram } from './chartRows';
import { labChartStyle, TICK, variantColor } from './labColors';

export const FirstSuccessChart = memo(function FirstSuccessChart(props: {
  result: ComparisonResult;
  theme: Theme;
  height: number;
}) {
  const { result, theme } = props;
  const st = labChartStyle(theme);
  const rows = useMemo(() => firstSuccessHistogram(result), [result]);
  return (
    <ChartFrame
      title="First success: when did each seed first reach the goal?"
      note={`seeds per stretch of episodes (x: episode of first success); "never" = not within ${result.episodes}`}
      height={props.height}
    >
      {(width) => (
        <BarChart
          width={width}
          height={props.height}
          data={rows}
          margin={{ top: 8, right: 16, bottom: 22, left: 8 }}
        >
          <CartesianGrid stroke={st.grid} strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="bin"
            interval={0}
            tick={{ fill: st.muted, fontSize: TICK - 1 }}
            stroke={st.muted}
            label={{
              value: 'Episode of first success',
              position: 'insideBottom',
              offset: -14,
              fill: st.muted,
              fontSize: TICK,
            }}
          />
          <YAxis
            width={40}
            allowDecimals={false}
            tick={{ fill: st.muted, fontSize: TICK }}
            stroke={st.muted}
            label={{ value: 'Seeds', angle: -90, position: 'insideLeft', fill: st.muted, fontSize: TICK }}
          />
          {result.variants.map((v, i) => (
            <Bar
              key={i}
              name={v.name}
              dataKey={`v${i}`}
              fill={variantColor(i, theme)}
              isAnimationActive={false}
            />
          ))}
          <Tooltip
            isAnimationActive={false}
            cursor={{ fill: st.grid, fillOpacity: 0.5 }}
            contentStyle={{ background: st.tooltipBg, color: st.text, fontSize: TICK }}
            labelFormatter={(bin) => (bin === 'never' ? 'Never reached the goal' : `Episodes ${bin}`)}
          />
        </BarChart>
      )}
    </ChartFrame>
  );
});
