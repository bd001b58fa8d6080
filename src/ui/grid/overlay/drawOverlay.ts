/**
 * Paints the whole grid picture. Area layers (grid lines, cell colours, value or visit heat, Q
 * triangles, visit bars) and sprites (glyphs, policy arrows) go into one reused ImageData; text, the
 * trail, the greedy path, the agent and the hover outline are drawn as vectors on top. GridOverlay decides when.
 *
 * Incremental: the ImageData persists in the Scratch, with each cell's inputs as last drawn (its colour
 * bin's pixel, Q triangle pixels, visit bar, glyph, arrow sprite). A paint recomputes those inputs (cheap:
 * a bin lookup per cell) and rewrites only the cells whose inputs changed; a new size, pixel ratio,
 * palette or sprite set redraws all of them. The result is the same pixels as a full redraw
 * (tests/unit/overlayIncremental.test.ts). Then the whole image is put (one putImageData) and the vector
 * layers drawn over it. Pure: everything it keeps is in the Scratch it is given.
 */
import { Cell, N_ACTIONS } from '../../../rl/grid';
import { divergingBin, DIVERGING_BINS, logScale01, sequentialBin } from './colorScale';
import { bestActionMask } from './drawArrows';
import { drawQNumbers, drawRewardText, drawValueText, Q_NUMBERS_MIN_CELL } from './drawText';
import { drawGreedyPath, type GreedyPathDraw } from './drawGreedy';
import { drawAgent, drawHover, drawTrail } from './drawTrail';
import { drawChanged } from './drawChanged';
import { drawSearch, type SearchDraw } from './drawSearch';
import { isOpenCell, maxAbsOpen, maxCount } from './minMax';
import type { Palette } from './palette';
import { pixelColors } from './pixelColors';
import { cellBounds, rasterCell } from './rasterCells';
import type { Scratch } from './scratch';
import { blitSprite, canvasSpriteFactory, getSprites } from './sprites';

export interface OverlayShow {
  values: boolean;
  policy: boolean;
  q: boolean;
  visits: 'off' | 'episode' | 'all';
  trail: boolean;
  /** Draw the values the agent learned with potential shaping (`shaped`) instead of the world's. */
  shaped?: boolean;
  /** A search agent's last search: where it looked and the line it chose (drawSearch.ts). */
  search?: boolean;
}

export interface OverlayData {
  width: number;
  height: number;
  /** Cell codes from src/rl/grid.ts (Empty 0, Wall 1, Start 2, Goal 3, Pit 4, Cliff 5, Bonus 6). */
  cells: Uint8Array;
  /** CSS px per cell. */
  cellSize: number;
  /** Per-cell reward overrides by state index (y * width + x), shown as small text. */
  cellRewards?: Map<number, number>;
  /** V and Q as the world pays them (the worker recovers them under potential shaping). */
  values?: Float64Array | null;
  q?: Float64Array | null;
  /** The learned (shaped) V and Q, drawn instead when show.shaped is on. */
  shaped?: { values: Float64Array; q: Float64Array } | null;
  /** Where 0: the agent has not updated the cell yet (src/rl/shaping.ts learnedMask): drawn without a
   *  value colour or number ("not learned yet"), and left out of the colour scale. Absent: all values. */
  learned?: Uint8Array | null;
  /** pi(a|s) at s*4+a; when null, arrows come from greedy q (all tied maxima). */
  policy?: Float64Array | null;
  visits?: Uint32Array | null;
  episodeVisits?: Uint32Array | null;
  /** State indices of the current episode, in order. */
  trail?: Int32Array | null;
  trailLength?: number;
  agent?: number | null;
  show: OverlayShow;
  /** Its Q triangles are drawn even when show.q is false. */
  hoverCell?: number | null;
  /** Fixed extent of the value colour scale (default: max |V| over open cells). */
  valueScale?: number;
  /** The greedy policy's path from the start (dashed), drawn when given. */
  greedyPath?: GreedyPathDraw | null;
  /** Cells outlined as changed since the previous snapshot (history timeline), where non-zero. */
  changed?: Uint8Array | null;
  /** The last search, drawn when show.search is on. */
  search?: SearchDraw | null;
}

export interface DrawStats {
  heatCells: number;
  qCells: number;
  arrows: number;
  valueTexts: number;
  trailSegments: number;
  /** Cells whose pixels were rewritten this paint (all of them on a full redraw). */
  redrawnCells: number;
}

const MID = (DIVERGING_BINS - 1) / 2;

/** Paints d at the given device pixel ratio; ctx must already be scaled by dpr for the vector layers. */
export function drawOverlay(
  ctx: CanvasRenderingContext2D,
  d: OverlayData,
  p: Palette,
  sc: Scratch,
  opts: { dpr: number; theme: string },
): DrawStats {
  const { width, height, cells, cellSize: cs, show } = d;
  const dpr = opts.dpr;
  const n = width * height;
  const stats: DrawStats = {
    heatCells: 0,
    qCells: 0,
    arrows: 0,
    valueTexts: 0,
    trailSegments: 0,
    redrawnCells: 0,
  };
  sc.ensure(width, height);
  cellBounds(sc.X, width, cs * dpr);
  cellBounds(sc.Y, height, cs * dpr);
  const pw = sc.X[width];
  const ph = sc.Y[height];
  let image = sc.image;
  const newImage = !image || image.width !== pw || image.height !== ph;
  if (!image || newImage) {
    image = sc.image = ctx.createImageData(pw, ph);
    sc.pixels = new Uint32Array(image.data.buffer);
  }
  const u32 = sc.pixels;
  const px = pixelColors(p);
  const gap = Math.max(1, Math.round(dpr));

  const tables = show.shaped && d.shaped ? d.shaped : d;
  const values = show.values && tables.values ? tables.values : null;
  const counts = show.visits === 'all' ? d.visits : show.visits === 'episode' ? d.episodeVisits : null;
  const learned = values && d.learned && d.learned.length >= n ? d.learned : null;
  const vMax = values ? (d.valueScale ?? maxAbsOpen(values, cells, 1, learned)) : 0;
  const cMax = counts ? maxCount(counts, cells) : 0;
  const q = tables.q ?? null;
  const hover = d.hoverCell ?? -1;
  const hoverQ = q && !show.q && hover >= 0 && hover < n && isOpenCell(cells[hover]) ? hover : -1;
  const qMax = q && (show.q || hoverQ >= 0) ? maxAbsOpen(q, cells, N_ACTIONS) : 0;
  const bars = values !== null && counts !== null;
  const barMax = Math.max(1, Math.round((cs - 1) * dpr));

  for (let s = 0; s < n; s++) {
    const code = cells[s];
    const open = isOpenCell(code);
    sc.bar[s] = 0;
    sc.qCell[s] = 0;
    if (open && values && (!learned || learned[s])) {
      const b = divergingBin(values[s], vMax);
      sc.color[s] = px.diverging[b];
      sc.dark[s] = px.divergingDark[b];
      stats.heatCells++;
      if (bars && counts && counts[s] > 0)
        sc.bar[s] = Math.max(1, Math.round(logScale01(counts[s], cMax) * barMax));
    } else if (open && counts) {
      const b = sequentialBin(logScale01(counts[s], cMax), px.sequential.length);
      sc.color[s] = px.sequential[b];
      sc.dark[s] = px.sequentialDark[b];
      stats.heatCells++;
    } else {
      sc.color[s] = px.cell[code];
      sc.dark[s] = px.cellDark[code];
    }
    if (q && open && (show.q || s === hoverQ)) {
      sc.qCell[s] = 1;
      sc.qDivider[s] = px.divergingDark[MID];
      for (let a = 0; a < N_ACTIONS; a++)
        sc.qColor[s * 4 + a] = px.diverging[divergingBin(q[s * 4 + a], qMax)];
      if (show.q) stats.qCells++;
    }
  }
  const barH = Math.max(2, Math.round(cs * 0.1 * dpr));
  const raster = { width, height, pw, ph, gap, grid: px.grid, barH, barColor: px.visitBar };

  const arrowSource = show.policy ? (d.policy ?? q) : null;
  const qNumbers = show.q && q !== null && cs >= Q_NUMBERS_MIN_CELL;
  const textBelow = values !== null && !qNumbers && cs >= 36 && arrowSource !== null;
  const sprites = getSprites(
    sc.sprites,
    sc.spriteFactory ?? canvasSpriteFactory,
    p,
    opts.theme,
    cs,
    dpr,
    textBelow ? 0.3 : 0.36,
  );
  for (let s = 0; s < n; s++) {
    const mask = arrowSource && isOpenCell(cells[s]) ? bestActionMask(arrowSource, s) : 0;
    sc.arrow[s] = mask;
    stats.arrows += (mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1) + ((mask >> 3) & 1);
  }

  const was = sc.drawn;
  const layout = `${pw}x${ph}|${width}x${height}|${gap}|${barH}|${px.grid}|${px.visitBar}|${cs}|${dpr}`;
  const full = newImage || was.layout !== layout || was.sprites !== sprites || was.code.length !== n;
  for (let s = 0; s < n; s++) {
    if (!full && !cellChanged(sc, s, cells)) continue;
    rasterCell(u32, raster, sc, s);
    const code = cells[s];
    const x = s % width;
    const x0 = sc.X[x];
    const y0 = sc.Y[(s - x) / width];
    const glyph = sprites.glyph[code];
    if (glyph && code !== Cell.Empty) blitSprite(u32, pw, glyph, x0, y0);
    if (sc.arrow[s]) blitSprite(u32, pw, sprites.arrows[sc.arrow[s]], x0, y0);
    remember(sc, s, cells);
    stats.redrawnCells++;
  }
  was.layout = layout;
  was.sprites = sprites;
  ctx.putImageData(image, 0, 0);

  const g = { width, height, cs, cells };
  const hoverNumbers = !qNumbers && q !== null && hoverQ >= 0 && cs >= Q_NUMBERS_MIN_CELL;
  if (values && !qNumbers)
    stats.valueTexts = drawValueText(ctx, g, p, values, vMax, textBelow, hoverNumbers ? hoverQ : -1, learned);
  if (qNumbers) drawQNumbers(ctx, g, p, q, qMax, -1);
  else if (hoverNumbers) drawQNumbers(ctx, g, p, q, qMax, hoverQ);
  if (d.cellRewards) drawRewardText(ctx, g, p, d.cellRewards);
  if (show.trail && d.trail)
    stats.trailSegments = drawTrail(ctx, g, p, d.trail, d.trailLength ?? d.trail.length);
  if (d.changed) drawChanged(ctx, g, p, d.changed);
  if (show.search && d.search) drawSearch(ctx, g, d.search, opts.theme);
  if (d.greedyPath) drawGreedyPath(ctx, g, p, d.greedyPath);
  if (d.agent != null) drawAgent(ctx, g, p, d.agent);
  if (hover >= 0) drawHover(ctx, g, p, hover);
  return stats;
}

/** Whether cell s's inputs differ from what the image holds for it (Scratch.drawn). */
function cellChanged(sc: Scratch, s: number, cells: Uint8Array): boolean {
  const w = sc.drawn;
  if (w.code[s] !== cells[s] || w.color[s] !== sc.color[s] || w.dark[s] !== sc.dark[s]) return true;
  if (w.bar[s] !== sc.bar[s] || w.arrow[s] !== sc.arrow[s] || w.qCell[s] !== sc.qCell[s]) return true;
  if (!sc.qCell[s]) return false;
  const q = s * 4;
  return (
    w.qDivider[s] !== sc.qDivider[s] ||
    w.qColor[q] !== sc.qColor[q] ||
    w.qColor[q + 1] !== sc.qColor[q + 1] ||
    w.qColor[q + 2] !== sc.qColor[q + 2] ||
    w.qColor[q + 3] !== sc.qColor[q + 3]
  );
}

/** Records cell s's inputs as drawn. */
function remember(sc: Scratch, s: number, cells: Uint8Array): void {
  const w = sc.drawn;
  w.code[s] = cells[s];
  w.color[s] = sc.color[s];
  w.dark[s] = sc.dark[s];
  w.bar[s] = sc.bar[s];
  w.arrow[s] = sc.arrow[s];
  w.qCell[s] = sc.qCell[s];
  w.qDivider[s] = sc.qDivider[s];
  const q = s * 4;
  w.qColor[q] = sc.qColor[q];
  w.qColor[q + 1] = sc.qColor[q + 1];
  w.qColor[q + 2] = sc.qColor[q + 2];
  w.qColor[q + 3] = sc.qColor[q + 3];
}
