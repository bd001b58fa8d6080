/**
 * How many seeds first reached the goal in each stretch of episodes, per variant, with a "never" bar
 * for the seeds that did not reach it within the budget (censored, not dropped).
 *
 * The stretch labels ("153–190") are laid out for the width each bar group gets: on one line where
 * they fit, else on two ("153–" over "190"), else only every k-th label, so they never run together.
 */
import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { ComparisonResult } from '../../rl/lab/compare';
import { ChartFrame } from './ChartFrame';
import {
  gridProps,
  tooltipProps,
  xAxisLabel,
  yAxisLabel,
  yAxisStyle,
  useLabChart,
  type LabChartProps,
} from './chartParts';
import { firstSuccessHistogram } from './chartRows';
import { TICK, variantColor } from './labColors';

const MARGIN = { top: 8, right: 16, bottom: 22, left: 8 };
const Y_WIDTH = 44;
const BIN_FONT = TICK - 1;
/** Width of a character of the tick font, as a share of its size (DejaVu Sans digits are 0.64 em). */
const CHAR_EM = 0.66;
/** Clear space between two neighbouring labels, in px. */
const LABEL_GAP = 8;
const LINE_HEIGHT = 1.15;

export interface BinTickLayout {
  /** Whether each label is split after its dash. */
  twoLines: boolean;
  /** Labels skipped between two drawn ones (recharts' interval). */
  interval: number;
  /** Height the x axis needs for its tick labels, in px. */
  axisHeight: number;
}

/** Lays out the bin labels for bars `slot` px apart, estimating text width from the font size. */
export function binTickLayout(labels: readonly string[], slot: number, fontSize = BIN_FONT): BinTickLayout {
  const widthOf = (s: string) => s.length * CHAR_EM * fontSize;
  const widest = (ls: string[][]) => Math.max(0, ...ls.flat().map(widthOf));
  const oneLine = labels.map((l) => binLabelLines(l, false));
  const twoLines = labels.map((l) => binLabelLines(l, true));
  const fits = (ls: string[][]) => widest(ls) + LABEL_GAP <= slot;
  const split = !fits(oneLine);
  const lines = split ? twoLines : oneLine;
  const interval = fits(lines) ? 0 : Math.ceil((widest(lines) + LABEL_GAP) / Math.max(1, slot)) - 1;
  const rows = Math.max(1, ...lines.map((l) => l.length));
  return { twoLines: split, interval, axisHeight: Math.ceil(10 + rows * LINE_HEIGHT * fontSize) };
}

/** A label's lines: itself, or split after its dash ("153–", "190"). */
export function binLabelLines(label: string, twoLines: boolean): string[] {
  const i = label.indexOf('–');
  return twoLines && i >= 0 ? [label.slice(0, i + 1), label.slice(i + 1)] : [label];
}

/** Seed counts: whole numbers, about four steps. */
function seedTicks(max: number): { domain: [number, number]; ticks: number[] } {
  const top = Math.max(1, max);
  const step = top <= 5 ? 1 : top <= 10 ? 2 : Math.ceil(top / 4 / 5) * 5;
  const end = Math.ceil(top / step) * step;
  return { domain: [0, end], ticks: Array.from({ length: end / step + 1 }, (_, k) => k * step) };
}

export const FirstSuccessChart = memo(function FirstSuccessChart(props: LabChartProps<ComparisonResult>) {
  const { result, st, rows } = useLabChart(props, firstSuccessHistogram);
  const y = useMemo(
    () => seedTicks(Math.max(...rows.flatMap((r) => result.variants.map((_, i) => Number(r[`v${i}`]) || 0)))),
    [rows, result.variants],
  );
  const labels = useMemo(() => rows.map((r) => String(r.bin)), [rows]);
  return (
    <ChartFrame
      title="First success: when did each seed first reach the goal?"
      note={`seeds per stretch of episodes (x: episode of first success); "never" = not within ${result.episodes}`}
      height={props.height}
    >
      {(width) => {
        const slot = (width - MARGIN.left - MARGIN.right - Y_WIDTH) / Math.max(1, rows.length);
        const layout = binTickLayout(labels, slot);
        return (
          <BarChart width={width} height={props.height} data={rows} margin={MARGIN}>
            <CartesianGrid {...gridProps(st)} vertical={false} />
            <XAxis
              dataKey="bin"
              interval={layout.interval}
              height={layout.axisHeight}
              tick={(t: { x: number | string; y: number | string; payload: { value: unknown } }) => (
                <text
                  className="bin-tick"
                  x={t.x}
                  y={t.y}
                  textAnchor="middle"
                  fill={st.muted}
                  fontSize={BIN_FONT}
                >
                  {binLabelLines(String(t.payload.value), layout.twoLines).map((line, k) => (
                    <tspan key={k} x={t.x} dy={k === 0 ? '0.9em' : `${LINE_HEIGHT}em`}>
                      {line}
                    </tspan>
                  ))}
                </text>
              )}
              stroke={st.muted}
              label={xAxisLabel(st, 'Episode of first success')}
            />
            <YAxis
              width={Y_WIDTH}
              domain={y.domain}
              ticks={y.ticks}
              allowDecimals={false}
              {...yAxisStyle(st)}
              label={yAxisLabel(st, 'Seeds')}
            />
            {result.variants.map((v, i) => (
              <Bar
                key={i}
                name={v.name}
                dataKey={`v${i}`}
                fill={variantColor(i, props.theme)}
                isAnimationActive={false}
              />
            ))}
            <Tooltip
              {...tooltipProps(st)}
              cursor={{ fill: st.grid, fillOpacity: 0.5 }}
              labelFormatter={(bin) => (bin === 'never' ? 'Never reached the goal' : `Episodes ${bin}`)}
            />
          </BarChart>
        );
      }}
    </ChartFrame>
  );
});
