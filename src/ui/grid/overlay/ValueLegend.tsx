/**
 * Legend of the diverging value scale: a gradient bar from min to max (coloured exactly as the canvas
 * colours those values, symmetric around 0) with tick labels at min, 0 (when inside) and max.
 */
import { divergingT, sampleStops } from './colorScale';
import { formatCellNumber } from './formatCellNumber';
import { getPalette, type Theme } from './palette';
import { useColorScheme } from './useColorScheme';

export interface ValueLegendProps {
  min: number;
  max: number;
  theme?: Theme;
  /** Caption before the bar (default "Value"). */
  label?: string;
  /** Bar width in px (default 160). */
  width?: number;
  /** Tooltip: what the values are (e.g. whether they include rewards the world does not pay). */
  title?: string;
}

const GRADIENT_STOPS = 9;

export function ValueLegend({ min, max, theme, label = 'Value', width = 160, title }: ValueLegendProps) {
  const palette = getPalette(useColorScheme(theme));
  const lo = Number.isFinite(min) ? Math.min(min, max) : 0;
  const hi = Number.isFinite(max) ? Math.max(min, max) : 0;
  const maxAbs = Math.max(Math.abs(lo), Math.abs(hi));
  const stops: string[] = [];
  for (let i = 0; i < GRADIENT_STOPS; i++) {
    const v = hi > lo ? lo + ((hi - lo) * i) / (GRADIENT_STOPS - 1) : lo;
    stops.push(
      `${sampleStops(palette.divergingStops, divergingT(v, maxAbs))} ${(i * 100) / (GRADIENT_STOPS - 1)}%`,
    );
  }
  const zeroAt = hi > lo && lo < 0 && hi > 0 ? ((0 - lo) / (hi - lo)) * 100 : null;
  const tick = { position: 'absolute', top: 0, fontSize: 11, whiteSpace: 'nowrap' } as const;
  return (
    <div
      role="img"
      title={title}
      aria-label={`${label} colour scale from ${formatCellNumber(lo)} (red) through 0 to ${formatCellNumber(hi)} (blue)`}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 8, fontSize: 12, lineHeight: 1.2 }}
    >
      <span>{label}</span>
      <span style={{ display: 'inline-block', width }}>
        <span
          style={{
            display: 'block',
            height: 12,
            borderRadius: 3,
            border: '1px solid rgba(127,127,127,0.6)',
            background: `linear-gradient(to right, ${stops.join(', ')})`,
          }}
        />
        <span style={{ display: 'block', position: 'relative', height: 14 }}>
          <span data-testid="legend-min" style={{ ...tick, left: 0 }}>
            {formatCellNumber(lo)}
          </span>
          {zeroAt !== null && zeroAt > 18 && zeroAt < 82 && (
            <span style={{ ...tick, left: `${zeroAt}%`, transform: 'translateX(-50%)' }}>0</span>
          )}
          <span data-testid="legend-max" style={{ ...tick, right: 0 }}>
            {formatCellNumber(hi)}
          </span>
        </span>
      </span>
    </div>
  );
}
