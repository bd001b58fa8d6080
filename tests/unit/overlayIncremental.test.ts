/**
 * The incremental drawing (drawOverlay redraws only the cells whose inputs changed, issue 21 item 6) is
 * exact: over a long random sequence of frames (values, Q, policy and visit counts changing in some
 * cells, overlays switched, the scale moving, the cell size, pixel ratio and grid changing now and then),
 * the image drawn by one long-lived Scratch equals, pixel for pixel, a full redraw with a fresh Scratch,
 * and only the changed cells are rewritten.
 */
import { describe, expect, it } from 'vitest';
import { Cell } from '../../src/rl/grid';
import { drawOverlay, type OverlayData, type OverlayShow } from '../../src/ui/grid/overlay/drawOverlay';
import { getPalette } from '../../src/ui/grid/overlay/palette';
import { Scratch } from '../../src/ui/grid/overlay/scratch';
import type { Sprite, SpriteFactory } from '../../src/ui/grid/overlay/sprites';
import { recordingContext } from '../component/overlayCanvasStub';
import { Rng } from '../../src/rl/rng';

const p = getPalette('light');

/** Sprites whose pixels depend only on what they draw (so both Scratches get the same ones): a hash of
 *  the recorded drawing calls sets a pattern of opaque and half-transparent pixels over the cell. */
const factory: SpriteFactory = (size, _dpr, draw) => {
  const rec = recordingContext();
  draw(rec.ctx);
  let h = 2166136261;
  for (const ch of JSON.stringify(rec.calls)) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const dx: number[] = [];
  const dy: number[] = [];
  const src: number[] = [];
  const alpha: number[] = [];
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const k = (h >>> ((x * 7 + y * 3) % 24)) & 7;
      if (k > 2) continue;
      dx.push(x);
      dy.push(y);
      const a = k === 0 ? 255 : 128;
      alpha.push(a);
      const c = (h * (x + 1) * (y + 3)) & 0x7f;
      src.push(((a << 24) | (((c * a) >> 8) << 8) | ((c * a) >> 8)) >>> 0);
    }
  return {
    n: dx.length,
    dx: Int16Array.from(dx),
    dy: Int16Array.from(dy),
    src: Uint32Array.from(src),
    alpha: Uint8Array.from(alpha),
  } satisfies Sprite;
};

function pixelsOf(d: OverlayData, sc: Scratch, dpr: number) {
  const rec = recordingContext();
  const stats = drawOverlay(rec.ctx, d, p, sc, { dpr, theme: 'light' });
  const put = rec.calls.find((c) => c.name === 'putImageData')!.args[0] as ImageData;
  return { pixels: new Uint32Array(put.data.buffer.slice(0)), stats };
}

const CODES = [Cell.Empty, Cell.Empty, Cell.Empty, Cell.Wall, Cell.Goal, Cell.Pit, Cell.Bonus, Cell.Cliff];

describe('incremental overlay drawing', () => {
  it('draws the same pixels as a full redraw, frame after frame, rewriting only changed cells', () => {
    const rng = new Rng(5);
    let width = 7;
    let height = 5;
    let cells = new Uint8Array(0);
    let values = new Float64Array(0);
    let q = new Float64Array(0);
    let policy = new Float64Array(0);
    let visits = new Uint32Array(0);
    const newWorld = () => {
      const n = width * height;
      cells = Uint8Array.from({ length: n }, () => CODES[rng.int(CODES.length)]);
      cells[0] = Cell.Start;
      values = Float64Array.from({ length: n }, () => rng.next() * 4 - 2);
      q = Float64Array.from({ length: n * 4 }, () => rng.next() * 4 - 2);
      policy = Float64Array.from({ length: n * 4 }, () => rng.int(3) / 2);
      visits = Uint32Array.from({ length: n }, () => rng.int(50));
    };
    newWorld();
    let cs = 12;
    let dpr = 1;
    const live = new Scratch(factory);
    let partial = 0;
    for (let frame = 0; frame < 300; frame++) {
      const r = rng.next();
      if (r < 0.03) {
        width = 3 + rng.int(6);
        height = 2 + rng.int(5);
        newWorld();
      } else if (r < 0.06) cs = [8, 12, 13, 37][rng.int(4)];
      else if (r < 0.08) dpr = [1, 1.5, 2][rng.int(3)];
      // A few cells learn something; now and then one value moves the whole scale.
      const n = width * height;
      for (let k = rng.int(4); k > 0; k--) {
        const s = rng.int(n);
        values[s] += rng.next() - 0.5;
        q[s * 4 + rng.int(4)] += rng.next() - 0.5;
        policy[s * 4 + rng.int(4)] = rng.int(3) / 2;
        visits[s] += rng.int(20);
      }
      if (rng.next() < 0.05) values[rng.int(n)] = 9 * (rng.next() - 0.5);
      const show: OverlayShow = {
        values: rng.next() < 0.8,
        policy: rng.next() < 0.7,
        q: rng.next() < 0.15,
        visits: rng.next() < 0.8 ? 'off' : 'all',
        trail: false,
      };
      const d: OverlayData = {
        width,
        height,
        cells,
        cellSize: cs,
        values,
        q,
        policy: rng.next() < 0.5 ? policy : null,
        visits,
        episodeVisits: visits,
        show,
        hoverCell: rng.next() < 0.2 ? rng.int(n) : null,
        learned: rng.next() < 0.2 ? Uint8Array.from({ length: n }, () => rng.int(2)) : null,
      };
      const inc = pixelsOf(d, live, dpr);
      const full = pixelsOf(d, new Scratch(factory), dpr);
      expect(full.stats.redrawnCells).toBe(n);
      if (inc.stats.redrawnCells < n) partial++;
      expect(inc.pixels.length).toBe(full.pixels.length);
      let diff = -1;
      for (let i = 0; i < full.pixels.length && diff < 0; i++) if (inc.pixels[i] !== full.pixels[i]) diff = i;
      expect(diff, `frame ${frame}: first differing pixel`).toBe(-1);
      // Painting the same frame again rewrites nothing.
      expect(pixelsOf(d, live, dpr).stats.redrawnCells).toBe(0);
    }
    expect(partial).toBeGreaterThan(50);
  });
});
