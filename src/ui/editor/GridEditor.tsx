/** The editing toolbar above the grid: paint tools, undo / redo, clear and resize. */
import { useConfigStore } from '../../store/configStore';
import { clearGrid } from '../../store/gridEdits';
import { useUiStore } from '../../store/uiStore';
import { Palette } from './Palette';
import { ResizeControl } from './ResizeControl';

export function GridEditor() {
  const canUndo = useConfigStore((s) => s.canUndo);
  const canRedo = useConfigStore((s) => s.canRedo);
  const undo = useConfigStore((s) => s.undo);
  const redo = useConfigStore((s) => s.redo);
  const edit = useConfigStore((s) => s.edit);
  const clear = () => {
    const r = edit(clearGrid);
    if (r.ok && r.changed)
      useUiStore.getState().notify('info', 'Grid cleared. Undo (Ctrl+Z) brings it back.');
  };
  return (
    <div className="editor-bar">
      <Palette />
      <div className="editor-actions" role="toolbar" aria-label="Edit">
        <button
          type="button"
          onClick={undo}
          disabled={!canUndo}
          title="Undo (Ctrl+Z)"
          aria-keyshortcuts="Control+Z"
        >
          Undo
        </button>
        <button
          type="button"
          onClick={redo}
          disabled={!canRedo}
          title="Redo (Ctrl+Shift+Z)"
          aria-keyshortcuts="Control+Shift+Z"
        >
          Redo
        </button>
        <button type="button" onClick={clear} title="Empty every cell except the start">
          Clear
        </button>
        <ResizeControl />
      </div>
    </div>
  );
}
