import { describe, expect, it } from 'vitest';
import { Cell } from '../../src/rl/grid';

import { bestActionMask } from '../../src/ui/grid/overlay/drawArrows';
import { formatCellNumber } from '../../src/ui/grid/overlay/formatCellNumber';
import { maxAbsOpen, maxCount, valueRange } from '../../src/ui/grid/overlay/minMax';

// 3 x 2: S . G / # . X
const cells = Uint8Array.from([Cell.Start, Cell.Empty, Cell.Goal, Cell.Wall, Cell.Empty, Cell.Pit]);

describe('ranges over open cells', () => {
  it('ignores walls and terminal cells', () => {
    const v = Float64Array.from([1, -2, 100, -50, 3, -99]);
    expect(valueRange(v, cells)).toEqual({ min: -2, max: 3 });
    expect(maxAbsOpen(v, cells)).toBe(3);
    expect(valueRange(null, cells)).toEqual({ min: 0, max: 0 });
    expect(maxAbsOpen(undefined, cells)).toBe(0);
  });

  it('reads Q with stride 4 and skips NaN', () => {
    const q = new Float64Array(24);
    q[1 * 4 + 2] = -7;
    q[4 * 4 + 3] = NaN;
    q[2 * 4] = 1000; // goal: ignored
    expect(valueRange(q, cells, 4)).toEqual({ min: -7, max: 0 });
    expect(maxAbsOpen(q, cells, 4)).toBe(7);
  });

  it('counts visits on every non-wall cell', () => {
    expect(maxCount(Uint32Array.from([1, 2, 9, 50, 3, 4]), cells)).toBe(9);
  });
});

describe('bestActionMask', () => {
  it('returns every tied maximum', () => {
    expect(bestActionMask([0, 1, 0, 0], 0)).toBe(0b0010);
    expect(bestActionMask([0, 0, 0, 0, 0.5, 0, 0.5, 0], 1)).toBe(0b0101);
    expect(bestActionMask([0, 0, 0, 0], 0)).toBe(0b1111);
    expect(bestActionMask([-3, -1, -1 - 1e-12, -2], 0)).toBe(0b0110);
    expect(bestActionMask([-3, -1, -1.001, -2], 0)).toBe(0b0010);
    expect(bestActionMask([NaN, NaN, NaN, NaN], 0)).toBe(0);
    expect(bestActionMask([0.25, 0.25, 0.25 - 1e-7, 0.25], 0, 1e-6)).toBe(0b1111);
  });
});

describe('formatCellNumber', () => {
  it('keeps cell text short', () => {
    expect(formatCellNumber(0)).toBe('0');
    expect(formatCellNumber(0.001)).toBe('0');
    expect(formatCellNumber(-0.5)).toBe('-0.50');
    expect(formatCellNumber(1.954)).toBe('1.95');
    expect(formatCellNumber(12.34)).toBe('12.3');
    expect(formatCellNumber(10)).toBe('10');
    expect(formatCellNumber(-100)).toBe('-100');
    expect(formatCellNumber(123.6)).toBe('124');
    expect(formatCellNumber(25000)).toBe('25k');
    expect(formatCellNumber(NaN)).toBe('');
  });
});
