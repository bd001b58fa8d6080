/**
 * Every colour of the app, for the light and dark colour schemes, in one place: the page's CSS custom
 * properties (--bg, --accent, --cell-wall, ...), the grid canvas's palette (grid/overlay/palette.ts, the
 * search overlay's teal too), the training charts' colours (charts/chartTheme.ts) and the Lab's variant
 * colours and chart styling (lab/labColors.ts) all come from here, so a swatch in the tools, a
 * cell on the canvas and a line in a chart never drift apart.
 *
 * `installTheme()` (called once at start-up, before the first render) gives the page its custom
 * properties as a constructed style sheet: light by default, dark under prefers-color-scheme: dark, and
 * the high-contrast presentation colours under html.presentation. A constructed sheet goes through the
 * CSSOM, which the page's Content-Security-Policy (style-src 'self', no inline styles) allows.
 */

export type Theme = 'light' | 'dark';

/** The page's colours (CSS custom properties, see CSS_NAMES). */
export interface UiColors {
  bg: string;
  surface: string;
  surface2: string;
  border: string;
  borderStrong: string;
  text: string;
  muted: string;
  accent: string;
  accentHover: string;
  accentSoft: string;
  accentContrast: string;
  ok: string;
  okSoft: string;
  warn: string;
  warnSoft: string;
  danger: string;
  dangerSoft: string;
  dangerContrast: string;
  focus: string;
}

/** The grid picture's base colours (palette.ts builds the colour-scale tables from the stops). */
export interface GridColors {
  gridLine: string;
  /** Background per Cell code: Empty, Wall, Start, Goal, Pit, Cliff, Bonus. */
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
  greedy: string;
  greedyHalo: string;
  agentFill: string;
  agentStroke: string;
  hover: string;
  qDivider: string;
  visitBar: string;
  visitTrack: string;
  /** "What changed" on the history timeline: the outline of a changed cell, over a halo. */
  changed: string;
  changedHalo: string;
  /** A search's discs (fill and rim) and its chosen line on a halo (drawSearch.ts): teal, apart from the
   *  trail (violet), the greedy path (orange), the agent (yellow) and the value colours (red to blue). */
  searchDisc: string;
  searchRim: string;
  searchLine: string;
  searchHalo: string;
  /** The search stepper's panel (thinking.css): its tint (--search-soft) and rule (--search-rule), the
   *  same in both schemes; the chosen move's text is --search (searchLine). */
  searchSoft: string;
  searchRule: string;
  /** Diverging stops from most negative to most positive (odd count, middle = zero). */
  divergingStops: readonly string[];
  sequentialStops: readonly string[];
}

/** The training charts' colours. */
export interface ChartColors {
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

/** The Lab's colours: one per variant (Okabe-Ito, distinguishable with colour-vision deficiencies,
 *  repeating after the last) and its charts' styling. */
export interface LabColors {
  variants: readonly string[];
  text: string;
  muted: string;
  grid: string;
  /** The "no signal yet" stretch shaded behind the variant in focus. */
  shade: string;
  tooltipBg: string;
}

export interface ThemeColors {
  ui: UiColors;
  grid: GridColors;
  chart: ChartColors;
  lab: LabColors;
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

const LIGHT: ThemeColors = {
  ui: {
    bg: '#f4f5f7',
    surface: '#ffffff',
    surface2: '#f8f9fb',
    border: '#e2e5ea',
    borderStrong: '#c9ced6',
    text: '#17191c',
    muted: '#5b626d',
    // At least 4.5:1 on white and on accentSoft (text in the hint and pressed tools).
    accent: '#1d4ed8',
    accentHover: '#1e40af',
    accentSoft: '#e0eaff',
    accentContrast: '#ffffff',
    ok: '#15803d',
    okSoft: '#dcfce7',
    warn: '#a16207',
    warnSoft: '#fef3c7',
    danger: '#b91c1c',
    dangerSoft: '#fee2e2',
    dangerContrast: '#ffffff',
    focus: '#f59e0b',
  },
  grid: {
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
    changed: '#facc15',
    changedHalo: 'rgba(0,0,0,0.55)',
    searchDisc: 'rgba(13, 148, 136, 0.42)',
    searchRim: 'rgba(17, 94, 89, 0.85)',
    searchLine: '#0f766e',
    searchHalo: 'rgba(255, 255, 255, 0.9)',
    searchSoft: 'rgb(13 148 136 / 8%)',
    searchRule: '#0f766e',
    divergingStops: LIGHT_DIVERGING,
    sequentialStops: LIGHT_SEQUENTIAL,
  },
  chart: {
    text: '#27272a',
    muted: '#52525b',
    grid: '#e4e4e7',
    tooltipBg: '#ffffff',
    tooltipBorder: '#a1a1aa',
    returns: '#1d4ed8',
    steps: '#7c3aed',
    success: '#15803d',
    epsilon: '#b45309',
  },
  lab: {
    variants: ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8C564B', '#555555'],
    text: '#17191c',
    muted: '#4b5260',
    grid: '#e2e5ea',
    shade: '#6b7280',
    tooltipBg: '#ffffff',
  },
};

const DARK: ThemeColors = {
  ui: {
    bg: '#121316',
    surface: '#1b1d21',
    surface2: '#22252a',
    border: '#2e3238',
    borderStrong: '#454b54',
    text: '#eceef1',
    muted: '#a0a7b2',
    accent: '#60a5fa',
    accentHover: '#93c5fd',
    accentSoft: '#1e3a5f',
    accentContrast: '#0b1220',
    ok: '#4ade80',
    okSoft: '#14361f',
    warn: '#fbbf24',
    warnSoft: '#3d2f0b',
    danger: '#f87171',
    dangerSoft: '#3f1717',
    dangerContrast: '#0b1220',
    focus: '#f59e0b',
  },
  grid: {
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
    changed: '#fde047',
    changedHalo: 'rgba(0,0,0,0.7)',
    searchDisc: 'rgba(45, 212, 191, 0.4)',
    searchRim: 'rgba(204, 251, 241, 0.85)',
    searchLine: '#5eead4',
    searchHalo: 'rgba(0, 0, 0, 0.75)',
    searchSoft: 'rgb(13 148 136 / 8%)',
    searchRule: '#0f766e',
    divergingStops: DARK_DIVERGING,
    sequentialStops: DARK_SEQUENTIAL,
  },
  chart: {
    text: '#e4e4e7',
    muted: '#a1a1aa',
    grid: '#3f3f46',
    tooltipBg: '#18181b',
    tooltipBorder: '#52525b',
    returns: '#60a5fa',
    steps: '#c4b5fd',
    success: '#4ade80',
    epsilon: '#fbbf24',
  },
  lab: {
    variants: ['#56B4E9', '#FF8C42', '#2FD1A0', '#E89AC7', '#F5C242', '#9ED8FF', '#C49A7A', '#BBBBBB'],
    text: '#eceef1',
    muted: '#a0a7b2',
    grid: '#33373d',
    shade: '#9ca3af',
    tooltipBg: '#1b1d21',
  },
};

/** Presentation mode's page colours: black on white (white on black in dark mode), one strong accent. */
const PRESENTATION: Record<Theme, Partial<UiColors>> = {
  light: {
    bg: '#ffffff',
    surface: '#ffffff',
    surface2: '#f2f2f2',
    border: '#000000',
    borderStrong: '#000000',
    text: '#000000',
    muted: '#1f1f1f',
    accent: '#0033cc',
    accentHover: '#002299',
    accentSoft: '#dbe4ff',
    accentContrast: '#ffffff',
    ok: '#006400',
    warn: '#7a4a00',
    danger: '#b00000',
    focus: '#ff8c00',
  },
  dark: {
    bg: '#000000',
    surface: '#000000',
    surface2: '#141414',
    border: '#ffffff',
    borderStrong: '#ffffff',
    text: '#ffffff',
    muted: '#e6e6e6',
    accent: '#7fb2ff',
    accentHover: '#a8cbff',
    accentSoft: '#0a2a5c',
    accentContrast: '#000000',
    ok: '#5cff8a',
    warn: '#ffd24d',
    danger: '#ff6b6b',
    focus: '#ff8c00',
  },
};

export function themeColors(theme: Theme): ThemeColors {
  return theme === 'dark' ? DARK : LIGHT;
}

/** The CSS custom property of each page colour. */
const CSS_NAMES: Record<keyof UiColors, string> = {
  bg: '--bg',
  surface: '--surface',
  surface2: '--surface-2',
  border: '--border',
  borderStrong: '--border-strong',
  text: '--text',
  muted: '--muted',
  accent: '--accent',
  accentHover: '--accent-hover',
  accentSoft: '--accent-soft',
  accentContrast: '--accent-contrast',
  ok: '--ok',
  okSoft: '--ok-soft',
  warn: '--warn',
  warnSoft: '--warn-soft',
  danger: '--danger',
  dangerSoft: '--danger-soft',
  dangerContrast: '--danger-contrast',
  focus: '--focus',
};

/** Every custom property of a scheme: the page's colours, and the grid's for swatches drawn in CSS. */
export function cssVariables(theme: Theme): Record<string, string> {
  const { ui, grid } = themeColors(theme);
  const vars: Record<string, string> = {};
  for (const key of Object.keys(CSS_NAMES) as (keyof UiColors)[]) vars[CSS_NAMES[key]] = ui[key];
  const [empty, wall, , goal, pit, cliff] = grid.cell;
  Object.assign(vars, {
    '--cell-empty': empty,
    '--cell-wall': wall,
    '--cell-start': grid.startRing,
    '--cell-goal': goal,
    '--cell-pit': pit,
    '--cell-pit-hole': grid.pitHole,
    '--cell-cliff': cliff,
    '--cell-cliff-hatch': grid.cliffHatch,
    '--cell-bonus': grid.coin,
    '--greedy': grid.greedy,
    '--search': grid.searchLine,
    '--search-soft': grid.searchSoft,
    '--search-rule': grid.searchRule,
  });
  return vars;
}

function block(selector: string, vars: Record<string, string>): string {
  const body = Object.entries(vars)
    .map(([k, v]) => `${k}: ${v};`)
    .join(' ');
  return `${selector} { ${body} }`;
}

function presentationVars(theme: Theme): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [key, value] of Object.entries(PRESENTATION[theme]))
    vars[CSS_NAMES[key as keyof UiColors]] = value;
  return vars;
}

/** The style sheet installTheme() adds: light, dark, and presentation mode in both. */
export function themeCss(): string {
  const dark = '@media (prefers-color-scheme: dark)';
  return [
    block(':root', cssVariables('light')),
    `${dark} { ${block(':root', cssVariables('dark'))} }`,
    block('html.presentation', presentationVars('light')),
    `${dark} { ${block('html.presentation', presentationVars('dark'))} }`,
  ].join('\n');
}

/** Gives the page its colours (once; later calls do nothing). */
export function installTheme(doc: Document = document): void {
  const root = doc.documentElement;
  if (root.dataset.theme === 'installed') return;
  const css = themeCss();
  const view = doc.defaultView;
  if (view && 'adoptedStyleSheets' in doc && typeof view.CSSStyleSheet === 'function') {
    try {
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(css);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      root.dataset.theme = 'installed';
      return;
    } catch {
      // An engine without constructed sheets: the <style> below.
    }
  }
  const style = doc.createElement('style');
  style.textContent = css;
  doc.head.append(style);
  root.dataset.theme = 'installed';
}
