/** Tooltip body for one mini chart: the episode (or episode range) and the chart's figures. */
import type { TooltipContentProps } from 'recharts';
import type { ChartRow } from './chartData';
import type { ChartTheme } from './chartTheme';
import { formatCompact, formatInt } from './formatNumber';

export interface TooltipLine {
  label: string;
  value: (row: ChartRow) => string;
}

export function ChartTooltip({
  active,
  payload,
  lines,
  theme,
}: Pick<TooltipContentProps, 'active' | 'payload'> & { lines: readonly TooltipLine[]; theme: ChartTheme }) {
  const row = payload?.[0]?.payload as ChartRow | undefined;
  if (!active || !row) return null;
  return (
    <div
      style={{
        background: theme.tooltipBg,
        border: `1px solid ${theme.tooltipBorder}`,
        color: theme.text,
        borderRadius: 4,
        padding: '4px 8px',
        fontSize: 12,
        lineHeight: 1.4,
        boxShadow: '0 2px 6px rgba(0,0,0,0.2)',
      }}
    >
      <div style={{ fontWeight: 600 }}>
        {row.from === row.to
          ? `Episode ${formatInt(row.from)}`
          : `Episodes ${formatInt(row.from)}–${formatInt(row.to)}`}
      </div>
      {lines.map((l) => (
        <div key={l.label}>
          {l.label}: {l.value(row)}
        </div>
      ))}
    </div>
  );
}

/** "mean (min … max)" for a bucket, or just the value for a single episode. */
export function bandText(mean: number, band: [number, number], single: boolean): string {
  return single
    ? formatCompact(mean)
    : `${formatCompact(mean)} (${formatCompact(band[0])} … ${formatCompact(band[1])})`;
}
