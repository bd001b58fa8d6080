/** Chart colours for the light and dark colour schemes (series hues readable on both backgrounds),
 *  from the app's theme (ui/theme.ts), which the page's CSS and the grid's palette share. */
import { themeColors, type ChartColors, type Theme } from '../theme';

export type ChartTheme = ChartColors;

export function getChartTheme(theme: Theme): ChartTheme {
  return themeColors(theme).chart;
}
