/**
 * The transparent layer of labelled cell buttons laid exactly over the grid canvas. One cell is in the
 * tab order at a time (roving focus): arrow keys move it, Home / End go to the row's ends, Enter paints,
 * Space plays or pauses. Pointer: press and drag to paint (usePainter follows the pointer's coordinates
 * over this layer's rectangle); right-click inspects.
 */
import {
  memo,
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { CELL_NAMES, type CellChar } from '../../config/limits';
import { training } from '../../store/trainingController';
import type { GridGeometry, Painter } from '../editor/usePainter';

export interface CellButtonsProps {
  grid: readonly string[];
  /** Reward overrides by state index. */
  rewards: Map<number, number>;
  cellSize: number;
  painter: Painter;
  /** The cell under the pointer or keyboard focus (for Q triangles), or null. */
  onHover(index: number | null): void;
  onFocusCell(x: number, y: number): void;
}

export function cellLabel(x: number, y: number, ch: string, reward?: number): string {
  const name = CELL_NAMES[ch as CellChar] ?? 'empty';
  return `row ${y + 1}, column ${x + 1}: ${name}${reward !== undefined ? `, reward ${reward}` : ''}`;
}

function indexOf(target: EventTarget): number {
  const el = (target as HTMLElement).closest?.('[data-index]') as HTMLElement | null;
  return el ? Number(el.dataset.index) : -1;
}

export const CellButtons = memo(function CellButtons(props: CellButtonsProps) {
  const { grid, rewards, cellSize, painter, onHover, onFocusCell } = props;
  const width = grid[0].length;
  const height = grid.length;
  const n = width * height;
  const ref = useRef<HTMLDivElement>(null);
  const [focusRaw, setFocus] = useState(() => {
    const y = grid.findIndex((r) => r.includes('S'));
    return y >= 0 ? y * width + grid[y].indexOf('S') : 0;
  });
  const focus = Math.min(focusRaw, n - 1);

  const moveFocus = (i: number) => {
    setFocus(i);
    ref.current?.querySelector<HTMLButtonElement>(`[data-index="${i}"]`)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = indexOf(e.target);
    if (i < 0) return;
    const x = i % width;
    const y = (i - x) / width;
    let next: number;
    switch (e.key) {
      case 'ArrowUp':
        next = y > 0 ? i - width : i;
        break;
      case 'ArrowDown':
        next = y < height - 1 ? i + width : i;
        break;
      case 'ArrowLeft':
        next = x > 0 ? i - 1 : i;
        break;
      case 'ArrowRight':
        next = x < width - 1 ? i + 1 : i;
        break;
      case 'Home':
        next = e.ctrlKey ? 0 : y * width;
        break;
      case 'End':
        next = e.ctrlKey ? n - 1 : y * width + width - 1;
        break;
      case 'Enter':
        e.preventDefault();
        painter.activate(x, y);
        return;
      case ' ':
        e.preventDefault();
        if (!e.repeat) training.toggle();
        return;
      default:
        return;
    }
    e.preventDefault();
    moveFocus(next);
  };

  // The geometry of the cells as laid out right now, for the painter's hit tests.
  const layout = useRef({ width, height, cellSize });
  useLayoutEffect(() => {
    layout.current = { width, height, cellSize };
  }, [width, height, cellSize]);
  const geometry = useCallback((): GridGeometry | null => {
    const el = ref.current;
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, ...layout.current };
  }, []);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const i = indexOf(e.target);
    if (i < 0) return;
    painter.begin(i % width, Math.floor(i / width), {
      pointerId: e.pointerId,
      clientX: e.clientX,
      clientY: e.clientY,
      geometry,
    });
  };

  const buttons = [];
  for (let y = 0; y < height; y++) {
    const row = grid[y];
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      buttons.push(
        <button
          key={i}
          type="button"
          className="cell"
          data-index={i}
          data-cell={row[x]}
          tabIndex={i === focus ? 0 : -1}
          aria-label={cellLabel(x, y, row[x], rewards.get(i))}
          onClick={(e) => {
            // Keyboard and assistive-technology clicks have detail 0; pointer clicks painted already.
            if (e.detail === 0) painter.activate(x, y);
          }}
        />,
      );
    }
  }

  return (
    <div
      ref={ref}
      className="cell-layer"
      role="group"
      aria-label={`Grid cells, ${width} columns by ${height} rows. Arrow keys move, Enter paints, Space plays or pauses.`}
      style={{
        gridTemplateColumns: `repeat(${width}, ${cellSize}px)`,
        gridTemplateRows: `repeat(${height}, ${cellSize}px)`,
      }}
      onKeyDown={onKeyDown}
      onKeyUp={(e) => {
        if (e.key === ' ' && indexOf(e.target) >= 0) e.preventDefault();
      }}
      onPointerDown={onPointerDown}
      onContextMenu={(e) => {
        // Right-click inspects a cell without painting it.
        const i = indexOf(e.target);
        if (i < 0) return;
        e.preventDefault();
        onFocusCell(i % width, Math.floor(i / width));
      }}
      onPointerOver={(e) => {
        // Hover only: painting follows the pointer's movement (usePainter), since the browser also
        // sends pointerover when the layout moves a cell under a pointer that is held still.
        const i = indexOf(e.target);
        if (i >= 0) onHover(i);
      }}
      onPointerLeave={() => onHover(null)}
      onFocus={(e) => {
        const i = indexOf(e.target);
        if (i < 0) return;
        setFocus(i);
        onHover(i);
        onFocusCell(i % width, Math.floor(i / width));
      }}
    >
      {buttons}
    </div>
  );
});
