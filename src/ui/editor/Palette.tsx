/** The paint tools as a row of toggle buttons (keys 1 to 8 pick them). */
import { useUiStore } from '../../store/uiStore';
import styles from './palette.module.css';
import { TOOLS } from './tools';

export function Palette() {
  const tool = useUiStore((s) => s.tool);
  const setTool = useUiStore((s) => s.setTool);
  return (
    <div className="palette" role="toolbar" aria-label="Paint tools">
      {TOOLS.map((t) => (
        <button
          key={t.tool}
          type="button"
          className={`tool tool-${t.tool}`}
          aria-pressed={tool === t.tool}
          title={`${t.tip} (key ${t.digit})`}
          aria-keyshortcuts={t.digit}
          onClick={() => setTool(t.tool)}
        >
          <span className={`${styles.swatch} ${styles[t.tool] ?? ''}`} aria-hidden="true" />
          {t.label}
        </button>
      ))}
    </div>
  );
}
