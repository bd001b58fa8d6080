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
        {[
          { label: 'Undo', run: undo, can: canUndo, keys: 'Ctrl+Z', aria: 'Control+Z' },
          { label: 'Redo', run: redo, can: canRedo, keys: 'Ctrl+Shift+Z', aria: 'Control+Shift+Z' },
        ].map((b) => (
          <button
            key={b.label}
            type="button"
            onClick={b.run}
            disabled={!b.can}
            title={`${b.label} (${b.keys})`}
            aria-keyshortcuts={b.aria}
          >
            {b.label}
          </button>
        ))}
        <button type="button" onClick={clear} title="Empty every cell except the start">
          Clear
        </button>
        <ResizeControl />
      </div>
    </div>
  );
}
