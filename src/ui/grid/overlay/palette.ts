/**
 * Colours of the grid picture for the light and dark colour schemes (from the app's theme, ui/theme.ts,
 * which the page's CSS and the charts share), with the colour-scale lookup tables built once per
 * theme. Cell colours are indexed by Cell code (Empty 0 .. Bonus 6).
 */
import { themeColors, type GridColors, type Theme } from '../../theme';
import { buildLut, DIVERGING_BINS, readableTextColor, SEQUENTIAL_BINS } from './colorScale';

export type { Theme };

/** The theme's grid colours with the colour-scale lookup tables and their readable text colours. */
export interface Palette extends GridColors {
  diverging: readonly string[];
  divergingText: readonly string[];
  sequential: readonly string[];
  sequentialText: readonly string[];
}

function make(base: GridColors): Palette {
  const diverging = buildLut(base.divergingStops, DIVERGING_BINS);
  const sequential = buildLut(base.sequentialStops, SEQUENTIAL_BINS);
  return {
    ...base,
    diverging,
    divergingText: diverging.map(readableTextColor),
    sequential,
    sequentialText: sequential.map(readableTextColor),
  };
}

const LIGHT = make(themeColors('light').grid);
const DARK = make(themeColors('dark').grid);

export function getPalette(theme: Theme): Palette {
  return theme === 'dark' ? DARK : LIGHT;
}
