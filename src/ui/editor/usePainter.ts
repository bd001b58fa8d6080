/**
 * Painting with the current tool: a stroke starts on pointer down and paints every cell the pointer
 * moves into while the button is held (one undo step per stroke). A stroke that starts on the start
 * cell drags the start instead (it moves over empty cells only). Keyboard / assistive-technology
 * activation paints a single cell.
 *
 * A stroke follows the pointer's coordinates (window pointermove, hit-tested against the grid as it is
 * laid out at that moment), not the cells' pointerover events: when the page's layout shifts under a
 * pointer that is held still, the browser sends pointerover to whatever cell is now under it, and that
 * cell must not be painted. Only a change of clientX / clientY paints, and it paints the cells along
 * the segment from the previous position to the new one, excluding the cell the previous position is
 * over now. Hit-testing coordinates also makes touch work: the browser captures a touch pointer to the
 * first cell, so the other cells never get events of their own.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useConfigStore } from '../../store/configStore';
import { cellChar, paint, TOOL_CHAR } from '../../store/gridEdits';
import { useUiStore } from '../../store/uiStore';
import type { CellChar } from '../../config/limits';

/** Where the grid's cells are on the screen right now (client pixels). */
export interface GridGeometry {
  left: number;
  top: number;
  cellSize: number;
  width: number;
  height: number;
}

export interface Point {
  clientX: number;
  clientY: number;
}

export interface CellXY {
  x: number;
  y: number;
}

/** The cell under a client point, or null off the grid. */
export function cellAt(p: Point, g: GridGeometry): CellXY | null {
  if (!(g.cellSize > 0)) return null;
  const x = Math.floor((p.clientX - g.left) / g.cellSize);
  const y = Math.floor((p.clientY - g.top) / g.cellSize);
  return x >= 0 && y >= 0 && x < g.width && y < g.height ? { x, y } : null;
}

/**
 * The cells a pointer moving in a straight line from `from` to `to` enters, in order, without the cell
 * `from` is over (it was painted when the pointer got there) and without cells off the grid.
 */
export function cellsEntered(from: Point, to: Point, g: GridGeometry): CellXY[] {
  if (!(g.cellSize > 0)) return [];
  const dx = to.clientX - from.clientX;
  const dy = to.clientY - from.clientY;
  // Samples a quarter of a cell apart: a straight move cannot skip a cell it crosses by more than that.
  const n = Math.max(1, Math.ceil(Math.hypot(dx, dy) / (g.cellSize / 4)));
  const start = cellAt(from, g);
  let last = start ? start.y * g.width + start.x : -1;
  const out: CellXY[] = [];
  for (let i = 1; i <= n; i++) {
    const c = cellAt({ clientX: from.clientX + (dx * i) / n, clientY: from.clientY + (dy * i) / n }, g);
    const key = c ? c.y * g.width + c.x : -1;
    if (key === last) continue;
    last = key;
    if (c) out.push(c);
  }
  return out;
}

interface Stroke {
  mode: 'paint' | 'move-start';
  char: CellChar;
  key: string;
  refused: boolean;
  /** The pointer that draws this stroke, its last position and the grid's geometry; null: cells only. */
  pointer: { id: number; at: Point; geometry: () => GridGeometry | null } | null;
}

let strokeCounter = 0;

/** What `begin` needs to follow a pointer: its id, where it went down, and the grid's current geometry. */
export interface PointerStart extends Point {
  pointerId: number;
  geometry(): GridGeometry | null;
}

export interface Painter {
  /** Starts a stroke on cell (x, y); with `pointer`, the stroke then follows that pointer's movement. */
  begin(x: number, y: number, pointer?: PointerStart): void;
  end(): void;
  /** Paints one cell (keyboard or assistive technology). */
  activate(x: number, y: number): void;
}

function apply(stroke: Stroke, x: number, y: number): void {
  const store = useConfigStore.getState();
  const current = cellChar(store.config.env, x, y);
  if (stroke.mode === 'move-start' && current !== '.' && current !== 'S') return;
  if (current === stroke.char) return;
  const r = store.edit((d) => paint(d, x, y, stroke.char), { key: stroke.key, quiet: stroke.refused });
  if (!r.ok) stroke.refused = true;
}

export function usePainter(): Painter {
  const stroke = useRef<Stroke | null>(null);

  const end = useCallback(() => {
    if (!stroke.current) return;
    stroke.current = null;
    useConfigStore.getState().seal();
  }, []);

  const enter = useCallback((x: number, y: number) => {
    if (!stroke.current) return;
    apply(stroke.current, x, y);
    if (stroke.current.mode === 'move-start') useUiStore.getState().select({ x, y });
  }, []);

  useEffect(() => {
    const move = (e: PointerEvent) => {
      const s = stroke.current;
      const p = s?.pointer;
      if (!s || !p || e.pointerId !== p.id) return;
      // A mouse button released outside the page sends no pointerup here.
      if (e.pointerType === 'mouse' && (e.buttons & 1) === 0) return end();
      if (e.clientX === p.at.clientX && e.clientY === p.at.clientY) return;
      const from = p.at;
      p.at = { clientX: e.clientX, clientY: e.clientY };
      const g = p.geometry();
      if (!g) return;
      for (const c of cellsEntered(from, p.at, g)) {
        if (stroke.current !== s) return;
        enter(c.x, c.y);
      }
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', end);
    window.addEventListener('pointercancel', end);
    window.addEventListener('blur', end);
    return () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', end);
      window.removeEventListener('pointercancel', end);
      window.removeEventListener('blur', end);
    };
  }, [end, enter]);

  const begin = useCallback(
    (x: number, y: number, pointer?: PointerStart) => {
      end();
      const ui = useUiStore.getState();
      ui.select({ x, y });
      const env = useConfigStore.getState().config.env;
      const onStart = cellChar(env, x, y) === 'S';
      if (ui.tool === 'inspect') return;
      const key = `stroke:${++strokeCounter}`;
      const track = pointer
        ? {
            id: pointer.pointerId,
            at: { clientX: pointer.clientX, clientY: pointer.clientY },
            geometry: pointer.geometry,
          }
        : null;
      stroke.current = onStart
        ? { mode: 'move-start', char: 'S', key, refused: false, pointer: track }
        : { mode: 'paint', char: TOOL_CHAR[ui.tool], key, refused: false, pointer: track };
      apply(stroke.current, x, y);
    },
    [end],
  );

  const activate = useCallback((x: number, y: number) => {
    const ui = useUiStore.getState();
    ui.select({ x, y });
    if (ui.tool === 'inspect') return;
    apply(
      {
        mode: 'paint',
        char: TOOL_CHAR[ui.tool],
        key: `key:${++strokeCounter}`,
        refused: false,
        pointer: null,
      },
      x,
      y,
    );
  }, []);

  return useMemo(() => ({ begin, end, activate }), [begin, end, activate]);
}
