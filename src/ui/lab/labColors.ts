/** Variant colours and chart styling of the Lab, from the app's theme (ui/theme.ts). */
import { themeColors, type LabColors, type Theme } from '../theme';

export function variantColor(i: number, theme: Theme): string {
  const p = themeColors(theme).lab.variants;
  return p[i % p.length];
}

export type LabChartStyle = Omit<LabColors, 'variants'>;

export function labChartStyle(theme: Theme): LabChartStyle {
  return themeColors(theme).lab;
}

/** Tick and label font size: large enough for a projector. */
export const TICK = 13;
