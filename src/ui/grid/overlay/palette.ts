/**
 * Colours of the grid picture for the light and dark colour schemes, with the colour-scale lookup
 * tables built once per theme. Cell colours are indexed by Cell code (Empty 0 .. Bonus 6).
 */
import { buildLut, DIVERGING_BINS, readableTextColor, SEQUENTIAL_BINS } from './colorScale';

export type Theme = 'light' | 'dark';

export interface Palette {
  gridLine: string;
  /** Background per Cell code. */
  cell: readonly string[];
  wallEdge: string;
  goalFlag: string;
  goalPole: string;
  pitHole: string;
  pitRim: string;
  cliffHatch: string;
  coin: string;
  coinEdge: string;
  startRing: string;
  text: string;
  textHalo: string;
  arrow: string;
  arrowHalo: string;
  trail: string;
  trailHalo: string;
  /** The greedy-path overlay (dashed line and loop marker). */
  greedy: string;
  greedyHalo: string;
  agentFill: string;
  agentStroke: string;
  hover: string;
  qDivider: string;
  visitBar: string;
  visitTrack: string;
  /** Diverging stops from most negative to most positive (odd count, middle = zero). */
  divergingStops: readonly string[];
  diverging: readonly string[];
  divergingText: readonly string[];
  sequentialStops: readonly string[];
  sequential: readonly string[];
  sequentialText: readonly string[];
}

// Diverging: red = negative, blue = positive (ColorBrewer RdBu in light mode; a dark-centred variant
// in dark mode so zero-valued cells look like empty cells).
const LIGHT_DIVERGING = [
  '#b2182b',
  '#d6604d',
  '#f4a582',
  '#fddbc7',
  '#f4f4f5',
  '#d1e5f0',
  '#92c5de',
  '#4393c3',
  '#2166ac',
];
const DARK_DIVERGING = [
  '#ff7b72',
  '#d9534f',
  '#9e3a3a',
  '#5a2a2e',
  '#2a2a2e',
  '#1f3d5c',
  '#2f6aa3',
  '#4f97db',
  '#8cc8ff',
];
// Sequential (visits): from the empty-cell colour to a strong amber/brown.
const LIGHT_SEQUENTIAL = ['#f4f4f5', '#fde68a', '#f59e0b', '#c2410c', '#7c2d12'];
const DARK_SEQUENTIAL = ['#2a2a2e', '#5b3a12', '#b45309', '#f59e0b', '#fde68a'];

function make(base: Omit<Palette, 'diverging' | 'divergingText' | 'sequential' | 'sequentialText'>): Palette {
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

const LIGHT = make({
  gridLine: '#c4c4cc',
  //     Empty      Wall       Start      Goal       Pit        Cliff      Bonus
  cell: ['#f4f4f5', '#27272a', '#dbeafe', '#15803d', '#a8a29e', '#dc2626', '#fef3c7'],
  wallEdge: '#52525b',
  goalFlag: '#ffffff',
  goalPole: '#052e16',
  pitHole: '#0c0a09',
  pitRim: '#57534e',
  cliffHatch: '#7f1d1d',
  coin: '#f59e0b',
  coinEdge: '#92400e',
  startRing: '#1d4ed8',
  text: '#111111',
  textHalo: '#ffffff',
  arrow: '#111111',
  arrowHalo: 'rgba(255,255,255,0.85)',
  trail: '#7c3aed',
  trailHalo: 'rgba(255,255,255,0.9)',
  greedy: '#ea580c',
  greedyHalo: 'rgba(255,255,255,0.95)',
  agentFill: '#facc15',
  agentStroke: '#111111',
  hover: '#111111',
  qDivider: 'rgba(0,0,0,0.25)',
  visitBar: '#c2410c',
  visitTrack: 'rgba(0,0,0,0.14)',
  divergingStops: LIGHT_DIVERGING,
  sequentialStops: LIGHT_SEQUENTIAL,
});

const DARK = make({
  gridLine: '#131316',
  cell: ['#2a2a2e', '#80808a', '#1e3a8a', '#16a34a', '#57534e', '#b91c1c', '#4a3b12'],
  wallEdge: '#b8b8c0',
  goalFlag: '#ffffff',
  goalPole: '#052e16',
  pitHole: '#000000',
  pitRim: '#a8a29e',
  cliffHatch: '#450a0a',
  coin: '#fbbf24',
  coinEdge: '#78350f',
  startRing: '#93c5fd',
  text: '#f4f4f5',
  textHalo: '#000000',
  arrow: '#fafafa',
  arrowHalo: 'rgba(0,0,0,0.8)',
  trail: '#c084fc',
  trailHalo: 'rgba(0,0,0,0.85)',
  greedy: '#fb923c',
  greedyHalo: 'rgba(0,0,0,0.9)',
  agentFill: '#facc15',
  agentStroke: '#000000',
  hover: '#fafafa',
  qDivider: 'rgba(0,0,0,0.45)',
  visitBar: '#f59e0b',
  visitTrack: 'rgba(255,255,255,0.16)',
  divergingStops: DARK_DIVERGING,
  sequentialStops: DARK_SEQUENTIAL,
});

export function getPalette(theme: Theme): Palette {
  return theme === 'dark' ? DARK : LIGHT;
}
