import { describe, expect, it } from 'vitest';
import { Cell } from '../../src/rl/grid';
import { divergingBin, logScale01, sequentialBin } from '../../src/ui/grid/overlay/colorScale';
import { drawOverlay, type OverlayData, type OverlayShow } from '../../src/ui/grid/overlay/drawOverlay';
import { getPalette } from '../../src/ui/grid/overlay/palette';
import { hexToPixel } from '../../src/ui/grid/overlay/pixelColors';
import { Scratch } from '../../src/ui/grid/overlay/scratch';
import type { Sprite, SpriteFactory } from '../../src/ui/grid/overlay/sprites';
import { recordingContext, type RecordingContext } from '../component/overlayCanvasStub';

// 3 x 2 grid, 10 px cells:  S . G
//                           # . X
const cells = Uint8Array.from([Cell.Start, Cell.Empty, Cell.Goal, Cell.Wall, Cell.Empty, Cell.Pit]);
const OFF: OverlayShow = { values: false, policy: false, q: false, visits: 'off', trail: false };
const p = getPalette('light');
const px = (hex: string) => hexToPixel(hex);

/** Sprites of one opaque pixel at (2, 2), each with its own colour, so the image shows which was drawn. */
function markerFactory(): SpriteFactory {
  let id = 1;
  return (): Sprite => ({
    n: 1,
    dx: Int16Array.of(2),
    dy: Int16Array.of(2),
    src: Uint32Array.of(hexToPixel(`#0000${(id++).toString(16).padStart(2, '0')}`)),
    alpha: Uint8Array.of(255),
  });
}

function paint(over: Partial<OverlayData> = {}, dpr = 1) {
  const rec: RecordingContext = recordingContext();
  const sc = new Scratch(markerFactory());
  const d: OverlayData = { width: 3, height: 2, cells, cellSize: 10, show: OFF, ...over };
  const stats = drawOverlay(rec.ctx, d, p, sc, { dpr, theme: 'light' });
  const put = rec.calls.find((c) => c.name === 'putImageData')!.args[0] as ImageData;
  const u32 = new Uint32Array(put.data.buffer);
  const at = (x: number, y: number) => u32[y * put.width + x];
  const sprites = [...sc.sprites.values()][0];
  return { rec, stats, put, at, sprites };
}

function policy(): Float64Array {
  const pi = new Float64Array(24);
  pi.set([0, 1, 0, 0], 0); // start: right
  pi.set([0.5, 0, 0.5, 0], 4); // cell 1: up and down tie
  pi.set([0.25, 0.25, 0.25, 0.25], 16); // cell 4: undecided, four arrows
  pi.set([1, 0, 0, 0], 8); // goal: terminal, never drawn
  pi.set([1, 0, 0, 0], 12); // wall: never drawn
  return pi;
}

describe('drawOverlay pixels', () => {
  it('paints grid lines and each cell in its type colour, glyph sprites on special cells', () => {
    const { put, at, stats, sprites } = paint();
    expect([put.width, put.height]).toEqual([30, 20]);
    for (let x = 0; x < 30; x++) expect(at(x, 0)).toBe(px(p.gridLine));
    expect(at(10, 5)).toBe(px(p.gridLine));
    const centre = (s: number) => at((s % 3) * 10 + 6, Math.floor(s / 3) * 10 + 6);
    cells.forEach((code, s) => expect(centre(s)).toBe(px(p.cell[code])));
    // Glyph sprites on start, goal, wall and pit; none on empty cells.
    expect(at(2, 2)).toBe(sprites.glyph[Cell.Start]!.src[0]);
    expect(at(22, 2)).toBe(sprites.glyph[Cell.Goal]!.src[0]);
    expect(at(2, 12)).toBe(sprites.glyph[Cell.Wall]!.src[0]);
    expect(at(12, 2)).toBe(px(p.cell[Cell.Empty]));
    expect(stats).toEqual({
      heatCells: 0,
      qCells: 0,
      arrows: 0,
      valueTexts: 0,
      trailSegments: 0,
      redrawnCells: 6,
    });
  });

  it('tints open cells by value: red for negative, blue for positive; terminal cells keep their colour', () => {
    const values = Float64Array.from([-2, 4, 99, 0, 1, 0]);
    const { at, stats } = paint({ values, show: { ...OFF, values: true } });
    expect(stats.heatCells).toBe(3);
    expect(at(6, 6)).toBe(px(p.diverging[divergingBin(-2, 4)]));
    expect(at(16, 6)).toBe(px(p.diverging[divergingBin(4, 4)]));
    expect(at(16, 16)).toBe(px(p.diverging[divergingBin(1, 4)]));
    expect(at(26, 6)).toBe(px(p.cell[Cell.Goal]));
    expect(divergingBin(-2, 4)).toBeLessThan(32);
  });

  it('colours by what the world pays, and by the learned (shaped) values only when show.shaped asks', () => {
    const values = Float64Array.from([-2, 4, 0, 0, 1, 0]);
    const q = new Float64Array(24);
    q.set([4, -4, 2, -2], 4);
    const shaped = { values: Float64Array.from([8, 6, 0, 0, 7, 0]), q: new Float64Array(24).fill(8) };
    const heat = (shown: boolean) =>
      paint({ values, q, shaped, show: { ...OFF, values: true, shaped: shown } });
    const tri = (shown: boolean) => paint({ values, q, shaped, show: { ...OFF, q: true, shaped: shown } });
    expect(heat(false).at(6, 6)).toBe(px(p.diverging[divergingBin(-2, 4)]));
    expect(tri(false).at(15, 2)).toBe(px(p.diverging[divergingBin(4, 4)]));
    expect(heat(true).at(6, 6)).toBe(px(p.diverging[divergingBin(8, 8)]));
    expect(heat(true).at(16, 16)).toBe(px(p.diverging[divergingBin(7, 8)]));
    expect(tri(true).at(15, 2)).toBe(px(p.diverging[divergingBin(8, 8)]));
    // Asked for, but there is nothing shaped (no potential shaping): the world's values.
    const none = paint({ values, show: { ...OFF, values: true, shaped: true } });
    expect(none.at(6, 6)).toBe(px(p.diverging[divergingBin(-2, 4)]));
  });

  it('leaves cells the agent has not learned blank (their type colour, no number) and out of the scale', () => {
    // World values under shaping before learning: -distance. Only cell 4 has been updated.
    const values = Float64Array.from([-2, -26, 0, 0, 0.5, 0]);
    const learned = Uint8Array.from([0, 0, 0, 0, 1, 0]);
    const { at, stats } = paint({ values, learned, show: { ...OFF, values: true } });
    expect(at(6, 6)).toBe(px(p.cell[Cell.Start]));
    expect(at(16, 6)).toBe(px(p.cell[Cell.Empty]));
    // The scale is that of the learned cell alone: 0.5 is the top of the scale, not a pale blue.
    expect(at(16, 16)).toBe(px(p.diverging[divergingBin(0.5, 0.5)]));
    expect(stats.heatCells).toBe(1);
  });

  it('draws one arrow sprite per cell for its tied best actions, only on open cells', () => {
    const { at, stats, sprites } = paint({ policy: policy(), show: { ...OFF, policy: true } });
    expect(stats.arrows).toBe(1 + 2 + 4);
    expect(at(2, 2)).toBe(sprites.arrows[0b0010].src[0]); // over the start glyph
    expect(at(12, 2)).toBe(sprites.arrows[0b0101].src[0]);
    expect(at(12, 12)).toBe(sprites.arrows[0b1111].src[0]);
    expect(at(22, 2)).toBe(sprites.glyph[Cell.Goal]!.src[0]);
  });

  it('falls back to greedy Q with all tied maxima', () => {
    const q = new Float64Array(24);
    q.set([0, 0, 5, 5], 0);
    q.set([-1, -3, -2, -4], 4);
    q.set([1, 2, 3, 4], 16);
    const { at, stats, sprites } = paint({ q, show: { ...OFF, policy: true } });
    expect(stats.arrows).toBe(4);
    expect(at(2, 2)).toBe(sprites.arrows[0b1100].src[0]);
    expect(at(12, 2)).toBe(sprites.arrows[0b0001].src[0]);
    expect(at(12, 12)).toBe(sprites.arrows[0b1000].src[0]);
  });

  it('splits Q cells into four triangles coloured by Q(s, a)', () => {
    const q = new Float64Array(24);
    q.set([4, -4, 2, -2], 4); // cell 1 (x 10..19, y 0..9; interior 11..19 x 1..9)
    const { at, stats } = paint({ q, show: { ...OFF, q: true } });
    expect(stats.qCells).toBe(3);
    const c = (v: number) => px(p.diverging[divergingBin(v, 4)]);
    expect(at(15, 2)).toBe(c(4)); // up
    expect(at(18, 5)).toBe(c(-4)); // right
    expect(at(15, 8)).toBe(c(2)); // down
    expect(at(12, 5)).toBe(c(-2)); // left
  });

  it('draws Q triangles of the hovered cell only when show.q is off', () => {
    const q = new Float64Array(24);
    q.set([4, -4, 2, -2], 4);
    q.set([4, -4, 2, -2], 16);
    const { at, stats, rec } = paint({ q, hoverCell: 1 });
    expect(stats.qCells).toBe(0);
    expect(at(15, 2)).toBe(px(p.diverging[divergingBin(4, 4)]));
    expect(at(15, 12)).toBe(px(p.cell[Cell.Empty])); // cell 4: not hovered
    expect(rec.count('strokeRect')).toBe(1); // hover outline
  });

  it('colours open cells by visits (log scale) when values are off', () => {
    const visits = Uint32Array.from([100, 9, 5, 0, 0, 0]);
    const { at, stats } = paint({ visits, show: { ...OFF, visits: 'all' } });
    expect(stats.heatCells).toBe(3);
    expect(at(6, 6)).toBe(px(p.sequential[p.sequential.length - 1]));
    expect(at(16, 6)).toBe(px(p.sequential[sequentialBin(logScale01(9, 100), p.sequential.length)]));
    expect(at(16, 16)).toBe(px(p.sequential[0]));
    // 'episode' reads episodeVisits instead.
    const ep = paint({ visits, episodeVisits: new Uint32Array(6), show: { ...OFF, visits: 'episode' } });
    expect(ep.at(6, 6)).toBe(px(p.sequential[0]));
  });

  it('shows visits as bars along the top edge when the value heatmap is on', () => {
    const visits = Uint32Array.from([100, 0, 5, 0, 0, 0]);
    const { at } = paint({
      visits,
      values: new Float64Array(6),
      show: { ...OFF, values: true, visits: 'all' },
    });
    expect(at(1, 1)).toBe(px(p.visitBar)); // start cell: most visits, full bar
    expect(at(9, 1)).toBe(px(p.visitBar));
    expect(at(11, 1)).not.toBe(px(p.visitBar)); // no visits, no bar
    expect(at(6, 6)).not.toBe(px(p.visitBar));
  });

  it('scales to the device pixel ratio', () => {
    const { put, at } = paint({}, 2);
    expect([put.width, put.height]).toEqual([60, 40]);
    expect(at(1, 5)).toBe(px(p.gridLine)); // 2 device px grid line
    expect(at(2, 5)).not.toBe(px(p.gridLine));
  });
});

describe('drawOverlay vectors', () => {
  it('writes values in big cells only, never on terminal cells', () => {
    const values = Float64Array.from([-2, 4, 99, 0, 1, 0]);
    const big = paint({ cellSize: 40, values, show: { ...OFF, values: true } });
    expect(big.stats.valueTexts).toBe(3);
    const texts = big.rec.calls.filter((c) => c.name === 'fillText').map((c) => c.args[0]);
    expect(texts).toEqual(expect.arrayContaining(['-2', '4', '1']));
    expect(texts).not.toContain('99');
    expect(paint({ cellSize: 20, values, show: { ...OFF, values: true } }).stats.valueTexts).toBe(0);
  });

  it('writes Q numbers only in big cells', () => {
    const q = new Float64Array(24).map((_, i) => (i % 4) + 1);
    const numbers = (cs: number) =>
      paint({ cellSize: cs, q, show: { ...OFF, q: true } }).rec.calls.filter(
        (c) => c.name === 'fillText' && /^[1-4]$/.test(String(c.args[0])),
      ).length;
    expect(numbers(64)).toBe(12);
    expect(numbers(30)).toBe(0);
  });

  it('draws the trail without connecting jumps, and the agent as an outlined circle', () => {
    const trail = Int32Array.from([0, 1, 4, 0, 1]); // 4 -> 0 is a jump (cliff reset)
    const { rec, stats } = paint({
      cellSize: 40,
      trail,
      trailLength: 5,
      agent: 4,
      show: { ...OFF, trail: true },
    });
    expect(stats.trailSegments).toBe(3);
    expect(
      rec.calls.filter((c) => c.name === 'arc' && c.args[0] === 60.5 && c.args[1] === 60.5),
    ).toHaveLength(1);
    expect(rec.callsWith('fill', 'fillStyle', p.agentFill)).toBe(1);
    expect(rec.callsWith('stroke', 'strokeStyle', p.agentStroke)).toBe(1);
  });

  it('writes reward overrides', () => {
    const { rec } = paint({ cellSize: 40, cellRewards: new Map([[2, 10]]) });
    expect(rec.calls.some((c) => c.name === 'fillText' && c.args[0] === '+10')).toBe(true);
  });
});
