/** Variant colours (Okabe-Ito, distinguishable with colour-vision deficiencies) and chart styling. */
import type { Theme } from '../grid/overlay/palette';

const LIGHT = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8C564B', '#555555'];
const DARK = ['#56B4E9', '#FF8C42', '#2FD1A0', '#E89AC7', '#F5C242', '#9ED8FF', '#C49A7A', '#BBBBBB'];

export function variantColor(i: number, theme: Theme): string {
  const p = theme === 'dark' ? DARK : LIGHT;
  return p[i % p.length];
}

export interface LabChartStyle {
  text: string;
  muted: string;
  grid: string;
  shade: string;
  tooltipBg: string;
}

export function labChartStyle(theme: Theme): LabChartStyle {
  return theme === 'dark'
    ? { text: '#eceef1', muted: '#a0a7b2', grid: '#33373d', shade: '#9ca3af', tooltipBg: '#1b1d21' }
    : { text: '#17191c', muted: '#4b5260', grid: '#e2e5ea', shade: '#6b7280', tooltipBg: '#ffffff' };
}

/** Tick and label font size: large enough for a projector. */
export const TICK = 13;
