/** Chart colours for the light and dark colour schemes (series hues readable on both backgrounds). */
import type { Theme } from '../grid/overlay/palette';

export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  tooltipBg: string;
  tooltipBorder: string;
  returns: string;
  steps: string;
  success: string;
  epsilon: string;
}

const LIGHT: ChartTheme = {
  text: '#27272a',
  muted: '#52525b',
  grid: '#e4e4e7',
  tooltipBg: '#ffffff',
  tooltipBorder: '#a1a1aa',
  returns: '#1d4ed8',
  steps: '#7c3aed',
  success: '#15803d',
  epsilon: '#b45309',
};

const DARK: ChartTheme = {
  text: '#e4e4e7',
  muted: '#a1a1aa',
  grid: '#3f3f46',
  tooltipBg: '#18181b',
  tooltipBorder: '#52525b',
  returns: '#60a5fa',
  steps: '#c4b5fd',
  success: '#4ade80',
  epsilon: '#fbbf24',
};

export function getChartTheme(theme: Theme): ChartTheme {
  return theme === 'dark' ? DARK : LIGHT;
}
