/**
 * Painting with the current tool: a stroke starts on pointer down and paints every cell the pointer
 * enters while the button is held (one undo step per stroke). A stroke that starts on the start cell
 * drags the start instead (it moves over empty cells only). Keyboard / assistive-technology activation
 * paints a single cell.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useConfigStore } from '../../store/configStore';
import { cellChar, paint, TOOL_CHAR } from '../../store/gridEdits';
import { useUiStore } from '../../store/uiStore';
import type { CellChar } from '../../config/limits';

interface Stroke {
  mode: 'paint' | 'move-start';
  char: CellChar;
  key: string;
  refused: boolean;
}

let strokeCounter = 0;

export interface Painter {
  begin(x: number, y: number): void;
  enter(x: number, y: number): void;
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

  useEffect(() => {
    window.addEventListener('pointerup', end);
    window.addEventListener('pointercancel', end);
    window.addEventListener('blur', end);
    return () => {
      window.removeEventListener('pointerup', end);
      window.removeEventListener('pointercancel', end);
      window.removeEventListener('blur', end);
    };
  }, [end]);

  const begin = useCallback((x: number, y: number) => {
    const ui = useUiStore.getState();
    ui.select({ x, y });
    const env = useConfigStore.getState().config.env;
    const onStart = cellChar(env, x, y) === 'S';
    if (ui.tool === 'inspect') return;
    const key = `stroke:${++strokeCounter}`;
    stroke.current = onStart
      ? { mode: 'move-start', char: 'S', key, refused: false }
      : { mode: 'paint', char: TOOL_CHAR[ui.tool], key, refused: false };
    apply(stroke.current, x, y);
  }, []);

  const enter = useCallback((x: number, y: number) => {
    if (!stroke.current) return;
    apply(stroke.current, x, y);
    if (stroke.current.mode === 'move-start') useUiStore.getState().select({ x, y });
  }, []);

  const activate = useCallback((x: number, y: number) => {
    const ui = useUiStore.getState();
    ui.select({ x, y });
    if (ui.tool === 'inspect') return;
    apply({ mode: 'paint', char: TOOL_CHAR[ui.tool], key: `key:${++strokeCounter}`, refused: false }, x, y);
  }, []);

  return useMemo(() => ({ begin, enter, end, activate }), [begin, enter, end, activate]);
}
