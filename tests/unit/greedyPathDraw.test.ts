import { describe, expect, it } from 'vitest';
import { Cell } from '../../src/rl/grid';
import { drawOverlay, type OverlayData } from '../../src/ui/grid/overlay/drawOverlay';
import { getPalette } from '../../src/ui/grid/overlay/palette';
import { Scratch } from '../../src/ui/grid/overlay/scratch';
import { recordingContext } from '../component/overlayCanvasStub';

// 3 x 2 grid, 10 px cells:  S . G
//                           . . .
const cells = Uint8Array.from([Cell.Start, Cell.Empty, Cell.Goal, Cell.Empty, Cell.Empty, Cell.Empty]);
const p = getPalette('light');
const OFF = { values: false, policy: false, q: false, visits: 'off', trail: false } as const;

function paint(over: Partial<OverlayData> = {}) {
  const rec = recordingContext();
  const d: OverlayData = { width: 3, height: 2, cells, cellSize: 10, show: OFF, ...over };
  drawOverlay(rec.ctx, d, p, new Scratch(), { dpr: 1, theme: 'light' });
  return rec;
}

describe('greedy path overlay', () => {
  it('draws nothing of it without a path', () => {
    const rec = paint();
    expect(rec.callsWith('stroke', 'strokeStyle', p.greedy)).toBe(0);
    expect(rec.count('setLineDash')).toBe(0);
  });

  it('draws a dashed line through the cell centres in its own colour', () => {
    const rec = paint({ greedyPath: { cells: [0, 1, 2], loopTo: -1 } });
    expect(rec.callsWith('stroke', 'strokeStyle', p.greedy)).toBe(1);
    const dash = rec.calls.filter((c) => c.name === 'setLineDash').map((c) => (c.args[0] as number[]).length);
    expect(dash.some((n) => n > 0)).toBe(true);
    const lines = rec.calls.filter((c) => c.name === 'lineTo').map((c) => c.args);
    expect(lines).toContainEqual([15.5, 5.5]);
    expect(lines).toContainEqual([25.5, 5.5]);
    // No loop marker: no arc in the path colour.
    expect(rec.callsWith('arc', 'strokeStyle', p.greedy)).toBe(0);
  });

  it('closes a loop back to the revisited cell and marks it with a circular arrow', () => {
    const rec = paint({ greedyPath: { cells: [0, 1, 4, 3], loopTo: 0 } });
    const lines = rec.calls.filter((c) => c.name === 'lineTo').map((c) => c.args);
    expect(lines).toContainEqual([5.5, 5.5]);
    expect(rec.count('arc')).toBeGreaterThanOrEqual(2);
    expect(rec.callsWith('fill', 'fillStyle', p.greedy)).toBe(1);
  });
});
