/**
 * The app header: a skip link to the grid (the first stop of the Tab key in the playground), the name,
 * the Playground | Lab switch, and the actions area (ShareMenu: share, save, presentation, shortcut help).
 */
import type { MouseEvent } from 'react';
import { useUiStore, type View } from '../../store/uiStore';
import { GRID_ID } from '../grid/GridView';
import { ShareMenu } from '../share/ShareMenu';

const VIEWS: { view: View; label: string; tip: string }[] = [
  { view: 'playground', label: 'Playground', tip: 'Paint a world and watch an agent learn it' },
  { view: 'lab', label: 'Lab', tip: 'Experiments on sparse rewards across many seeds' },
];

/** Focuses the one cell of the grid in the tab order (CellButtons' roving focus). */
const focusGrid = (e: MouseEvent) => {
  const cell = document.querySelector<HTMLElement>(`#${GRID_ID} .cell[tabindex="0"]`);
  if (!cell) return;
  e.preventDefault();
  cell.focus();
};

export function Header() {
  const view = useUiStore((s) => s.view);
  const setView = useUiStore((s) => s.setView);
  return (
    <header className="app-header">
      {view === 'playground' && (
        <a className="skip-link" href={`#${GRID_ID}`} onClick={focusGrid}>
          Skip to the grid
        </a>
      )}
      <h1 className="brand">
        <img src="./favicon.svg" alt="" width={24} height={24} />
        <span className="brand-name">Gridworld RL Playground</span>
      </h1>
      <nav className="view-switch" aria-label="View">
        {VIEWS.map((v) => (
          <button
            key={v.view}
            type="button"
            aria-pressed={view === v.view}
            title={v.tip}
            onClick={() => setView(v.view)}
          >
            {v.label}
          </button>
        ))}
      </nav>
      <div className="header-actions">
        <ShareMenu />
      </div>
    </header>
  );
}
