/**
 * The frames of the history export (src/store/replayExport.ts runs it): each recorded moment drawn
 * offscreen with the grid's own drawing code (drawOverlay, the overlays switched on now, "What changed"
 * too when it is on) at a size of at most FRAME_MAX px, under a caption with the lesson's title and the
 * moment's episode.
 */
import { compileGrid } from '../../rl/grid';
import type { RgbaFrame } from '../../export/gif';
import { useConfigStore } from '../../store/configStore';
import {
  exportHistory,
  type ExportFormat,
  type ExportOptions,
  type ExportResult,
  type ReplayPainter,
} from '../../store/replayExport';
import { useUiStore } from '../../store/uiStore';
import { agentInfo } from '../agent/agentParams';
import type { Frame, Moment } from '../../worker/protocol';
import { agentGreedyPath } from '../grid/greedyPath';
import { drawOverlay, type OverlayData } from '../grid/overlay/drawOverlay';
import { getPalette } from '../grid/overlay/palette';
import { Scratch } from '../grid/overlay/scratch';
import { themeColors, type Theme } from '../theme';
import { changedCells } from './changedCells';
import { momentLabel } from './momentLabel';

export {
  ExportCancelled,
  webmType,
  type ExportFormat,
  type ExportOptions,
  type ExportProgress,
  type ExportResult,
} from '../../store/replayExport';

/** Longest side of the grid in a frame (px). */
export const FRAME_MAX = 480;
/** Narrowest frame (room for the caption). */
const FRAME_MIN_WIDTH = 320;
const MAX_CELL = 60;
const CAPTION_H = 46;
const PAD = 10;

/** The system's colour scheme (what the grid paints with). */
function systemTheme(): Theme {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}

/** The lesson's title on show (else the world's size) and the agent's name: "Deep needle · DQN". */
export function titleOf(): string {
  const story = useUiStore.getState().story;
  const { agent, env } = useConfigStore.getState().config;
  const where = story?.title || `Gridworld ${env.grid[0].length} x ${env.grid.length}`;
  return `${where} · ${agentInfo(agent.type)?.label ?? agent.type}`;
}

/** Size of a frame for a width x height grid. */
export function frameLayout(width: number, height: number) {
  const cs = Math.max(2, Math.min(MAX_CELL, Math.floor(FRAME_MAX / Math.max(width, height))));
  const gridW = width * cs;
  const gridH = height * cs;
  const w = Math.max(FRAME_MIN_WIDTH, gridW + 2 * PAD);
  return { cs, gridW, gridH, width: w, height: CAPTION_H + gridH + PAD, gridX: Math.round((w - gridW) / 2) };
}

function newCanvas(w: number, h: number): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('this browser cannot draw images (no 2D canvas)');
  return { canvas, ctx };
}

/** Draws one moment's frame: the caption, then the grid as GridView draws it. */
class FramePainter implements ReplayPainter {
  private readonly config = useConfigStore.getState().config;
  private readonly grid = compileGrid(this.config.env);
  private readonly show = useUiStore.getState().show;
  private readonly theme = systemTheme();
  private readonly palette = getPalette(this.theme);
  private readonly colors = themeColors(this.theme);
  private readonly scratch = new Scratch();
  private readonly title = titleOf();
  private readonly rewards: Map<number, number>;
  readonly layout = frameLayout(this.grid.width, this.grid.height);
  readonly out = newCanvas(this.layout.width, this.layout.height);
  readonly canvas = this.out.canvas;
  private readonly gridCanvas = newCanvas(this.layout.gridW, this.layout.gridH);

  constructor() {
    const w = this.grid.width;
    this.rewards = new Map(this.config.env.cellRewards.map((c) => [c.y * w + c.x, c.reward] as const));
  }

  paint(moment: Moment, f: Frame, previous: Frame | null): void {
    const { grid, layout, show } = this;
    const greedy = show.greedy && f.nStates === grid.nStates ? agentGreedyPath({ grid, frame: f }) : null;
    const data: OverlayData = {
      width: grid.width,
      height: grid.height,
      cells: grid.cells,
      cellSize: layout.cs,
      cellRewards: this.rewards,
      values: f.values,
      q: f.q,
      shaped: f.shaped,
      policy: f.policy,
      visits: f.visits,
      episodeVisits: f.episodeVisits,
      trail: f.trail,
      trailLength: f.trail.length,
      agent: f.agent,
      show: { ...show, search: false },
      greedyPath: greedy && greedy.outcome !== 'none' ? greedy : null,
      changed: previous ? changedCells(previous.values, f.values) : null,
    };
    const g = this.gridCanvas.ctx;
    g.setTransform(1, 0, 0, 1, 0, 0);
    drawOverlay(g, data, this.palette, this.scratch, { dpr: 1, theme: this.theme });

    const { ctx } = this.out;
    const ui = this.colors.ui;
    ctx.fillStyle = ui.surface;
    ctx.fillRect(0, 0, layout.width, layout.height);
    ctx.textBaseline = 'alphabetic';
    ctx.fillStyle = ui.text;
    ctx.font = '600 16px system-ui, sans-serif';
    ctx.fillText(fit(ctx, this.title, layout.width - 2 * PAD), PAD, 20);
    ctx.fillStyle = ui.muted;
    ctx.font = '14px system-ui, sans-serif';
    ctx.fillText(fit(ctx, momentLabel(moment), layout.width - 2 * PAD), PAD, 39);
    ctx.drawImage(this.gridCanvas.canvas, layout.gridX, CAPTION_H);
  }

  pixels(delayMs: number): RgbaFrame {
    const { width, height } = this.layout;
    const img = this.out.ctx.getImageData(0, 0, width, height);
    return { width, height, data: img.data, delayMs };
  }
}

/** `text`, shortened with an ellipsis to fit `max` px. */
function fit(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

/** Exports the run's history as `format` (see exportHistory), its frames drawn as the grid draws. */
export function exportReplay(format: ExportFormat, opts: ExportOptions = {}): Promise<ExportResult> {
  return exportHistory(format, () => new FramePainter(), opts);
}
