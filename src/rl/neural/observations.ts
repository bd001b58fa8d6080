/**
 * What a network sees of a state (a cell index). Each encoder writes `size` floats into a buffer:
 * - 'one-hot': 1 at the cell's index (nStates inputs; as expressive as a table).
 * - 'xy': the column and row scaled to [-1, 1] (2 inputs; nearby cells look alike, so it generalises,
 *   but walls and pits must be learnt as sharp bends of a smooth function).
 * - 'local-view': the 5 x 5 window around the agent, row by row, each cell as a one-hot over
 *   LOCAL_VIEW_CLASSES (all zero for empty / start cells; outside the grid counts as wall), followed by
 *   the scaled (x, y) so that cells with the same surroundings stay distinguishable.
 */
import type { ObservationKind } from '../../config/neuralAgents';
import { Cell, type Grid } from '../grid';

export const LOCAL_VIEW_RADIUS = 2;
/** Cell types the local view distinguishes, in input order. */
export const LOCAL_VIEW_CLASSES = [Cell.Wall, Cell.Goal, Cell.Pit, Cell.Cliff, Cell.Bonus] as const;

export interface Encoder {
  readonly kind: ObservationKind;
  readonly size: number;
  /** Writes the observation of state s into out[off .. off + size). */
  encode(s: number, out: Float32Array, off: number): void;
}

function scaled(v: number, n: number): number {
  return n > 1 ? (2 * v) / (n - 1) - 1 : 0;
}

function oneHot(grid: Grid): Encoder {
  const size = grid.nStates;
  return {
    kind: 'one-hot',
    size,
    encode(s, out, off) {
      out.fill(0, off, off + size);
      out[off + s] = 1;
    },
  };
}

function xy(grid: Grid): Encoder {
  return {
    kind: 'xy',
    size: 2,
    encode(s, out, off) {
      const x = s % grid.width;
      out[off] = scaled(x, grid.width);
      out[off + 1] = scaled((s - x) / grid.width, grid.height);
    },
  };
}

function localView(grid: Grid): Encoder {
  const side = 2 * LOCAL_VIEW_RADIUS + 1;
  const k = LOCAL_VIEW_CLASSES.length;
  const classOf = new Int8Array(8).fill(-1);
  LOCAL_VIEW_CLASSES.forEach((c, i) => (classOf[c] = i));
  const size = side * side * k + 2;
  return {
    kind: 'local-view',
    size,
    encode(s, out, off) {
      out.fill(0, off, off + size);
      const x = s % grid.width;
      const y = (s - x) / grid.width;
      let o = off;
      for (let dy = -LOCAL_VIEW_RADIUS; dy <= LOCAL_VIEW_RADIUS; dy++) {
        for (let dx = -LOCAL_VIEW_RADIUS; dx <= LOCAL_VIEW_RADIUS; dx++, o += k) {
          const cx = x + dx;
          const cy = y + dy;
          const inside = cx >= 0 && cy >= 0 && cx < grid.width && cy < grid.height;
          const c = inside ? classOf[grid.cells[cy * grid.width + cx]] : 0;
          if (c >= 0) out[o + c] = 1;
        }
      }
      out[o] = scaled(x, grid.width);
      out[o + 1] = scaled(y, grid.height);
    },
  };
}

export function createEncoder(kind: ObservationKind, grid: Grid): Encoder {
  return kind === 'xy' ? xy(grid) : kind === 'local-view' ? localView(grid) : oneHot(grid);
}

/**
 * The observations of a grid's cells as sparse vectors (their nonzero entries), computed once per cell
 * on first use: an observation depends only on the cell, and a network's first layer then costs one row
 * of weights per nonzero input (one for one-hot) instead of the whole input width.
 */
export class CellInputs {
  /** Inputs per observation. */
  readonly size: number;
  private readonly idx: (Int32Array | undefined)[];
  private readonly val: (Float32Array | undefined)[];
  private readonly dense: Float32Array;

  constructor(
    private readonly enc: Encoder,
    /** Cells of the grid (states 0 .. cells - 1). */
    readonly cells: number,
  ) {
    this.size = enc.size;
    this.idx = new Array<Int32Array | undefined>(cells);
    this.val = new Array<Float32Array | undefined>(cells);
    this.dense = new Float32Array(enc.size);
  }

  /** Positions of the nonzero inputs of cell s (ascending). */
  indices(s: number): Int32Array {
    return this.idx[s] ?? this.build(s);
  }

  /** The nonzero inputs of cell s, in the order of indices(s). */
  values(s: number): Float32Array {
    if (!this.val[s]) this.build(s);
    return this.val[s] as Float32Array;
  }

  private build(s: number): Int32Array {
    const x = this.dense;
    this.enc.encode(s, x, 0);
    let n = 0;
    for (let i = 0; i < x.length; i++) if (x[i] !== 0) n++;
    const idx = new Int32Array(n);
    const val = new Float32Array(n);
    for (let i = 0, k = 0; i < x.length; i++) {
      if (x[i] !== 0) {
        idx[k] = i;
        val[k++] = x[i];
      }
    }
    this.idx[s] = idx;
    this.val[s] = val;
    return idx;
  }
}
