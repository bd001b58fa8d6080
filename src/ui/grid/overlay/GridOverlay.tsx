/**
 * The grid picture as one <canvas> (aria-hidden: the page puts labelled cell buttons over it). Sized
 * width*cellSize x height*cellSize CSS px and scaled by devicePixelRatio; repaints at most once per
 * animation frame, and only when a prop changes (pass `version` when arrays are mutated in place).
 */
import { useEffect, useRef, type CSSProperties } from 'react';
import { Scratch } from './scratch';
import { drawOverlay, type DrawStats, type OverlayData, type OverlayShow } from './drawOverlay';
import { getPalette, type Theme } from './palette';
import { useColorScheme } from './useColorScheme';

export type { OverlayShow } from './drawOverlay';
export { ValueLegend } from './ValueLegend';
export { valueRange } from './minMax';
export type { Theme } from './palette';

/** What to draw (see OverlayData) and how. */
export interface GridOverlayProps extends OverlayData {
  /** Colour scheme; default: the system's (prefers-color-scheme). */
  theme?: Theme;
  /** Bump to force a repaint when typed arrays were changed in place. */
  version?: number;
  className?: string;
  style?: CSSProperties;
  /**
   * Most device pixels the canvas may have (default 1.2 million): above it the backing store gets a
   * lower pixel ratio than the screen's, keeping huge grids on high-DPI screens fast (slightly softer).
   */
  maxPixels?: number;
  /** Called after each paint with what was drawn and how long it took (ms). */
  onPaint?: (stats: DrawStats, ms: number) => void;
}

interface PaintInput {
  data: OverlayData;
  theme: Theme;
  maxPixels: number;
  onPaint?: GridOverlayProps['onPaint'];
}

export const DEFAULT_MAX_PIXELS = 1_200_000;

/** The canvas pixel ratio: the screen's (at most 3), lowered to keep within maxPixels, never below 1. */
export function backingScale(devicePixelRatio: number, cssPixels: number, maxPixels: number): number {
  const dpr = Math.max(1, Math.min(3, devicePixelRatio));
  if (cssPixels * dpr * dpr <= maxPixels) return dpr;
  return Math.max(1, Math.floor(Math.sqrt(maxPixels / cssPixels) * 8) / 8);
}

/** The props that are drawn (OverlayData without `show`, whose switches are compared one by one). */
const DATA_KEYS = [
  'width',
  'height',
  'cells',
  'cellSize',
  'cellRewards',
  'values',
  'q',
  'shaped',
  'learned',
  'policy',
  'visits',
  'episodeVisits',
  'trail',
  'trailLength',
  'agent',
  'hoverCell',
  'valueScale',
  'greedyPath',
  'changed',
  'search',
] as const satisfies readonly Exclude<keyof OverlayData, 'show'>[];

/** The overlay switches as drawn (shaped and search off unless given). */
function shownOf(show: OverlayShow): Required<OverlayShow> {
  const { values, policy, q, visits, trail, shaped = false, search = false } = show;
  return { values, policy, q, visits, trail, shaped, search };
}

export function GridOverlay(props: GridOverlayProps) {
  const {
    width,
    height,
    cellSize,
    className,
    style,
    version,
    maxPixels = DEFAULT_MAX_PIXELS,
    onPaint,
  } = props;
  const theme = useColorScheme(props.theme);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const latest = useRef<PaintInput | null>(null);
  const frame = useRef(0);
  const scratch = useRef<Scratch | null>(null);

  const show = shownOf(props.show);
  const drawn = DATA_KEYS.map((k) => props[k]);

  // Repaint (once per animation frame) when any drawn prop, switch, the theme or `version` changes.
  useEffect(
    () => {
      const data = Object.fromEntries(DATA_KEYS.map((k) => [k, props[k]])) as Omit<OverlayData, 'show'>;
      latest.current = { data: { ...data, show }, theme, maxPixels, onPaint };
      if (frame.current) return;
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        const canvas = canvasRef.current;
        const input = latest.current;
        if (!canvas || !input) return;
        scratch.current ??= new Scratch();
        paint(canvas, input.data, input.theme, input.maxPixels, scratch.current, input.onPaint);
      });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- every drawn prop (DATA_KEYS) and switch
    [...drawn, ...Object.values(show), version, theme, maxPixels, onPaint],
  );

  useEffect(
    () => () => {
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    },
    [],
  );

  return (
    <canvas
      ref={canvasRef}
      aria-hidden="true"
      className={className}
      style={{ display: 'block', width: width * cellSize, height: height * cellSize, ...style }}
    />
  );
}

function paint(
  canvas: HTMLCanvasElement,
  data: OverlayData,
  theme: Theme,
  maxPixels: number,
  scratch: Scratch,
  onPaint?: GridOverlayProps['onPaint'],
): void {
  const t0 = performance.now();
  const cssPixels = data.width * data.cellSize * data.height * data.cellSize;
  const dpr = backingScale(window.devicePixelRatio || 1, cssPixels, maxPixels);
  const pw = Math.round(data.width * data.cellSize * dpr);
  const ph = Math.round(data.height * data.cellSize * dpr);
  if (canvas.width !== pw) canvas.width = pw;
  if (canvas.height !== ph) canvas.height = ph;
  // Opaque: every pixel is painted, so the browser can skip blending the canvas with the page.
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  if (data.cells.length < data.width * data.height) return;
  const stats = drawOverlay(ctx, data, getPalette(theme), scratch, { dpr, theme });
  onPaint?.(stats, performance.now() - t0);
}
