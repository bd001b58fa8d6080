/** The app header: name, the Playground | Lab switch, and the actions area (ShareMenu: share, save, presentation, shortcut help). */
import { useUiStore, type View } from '../../store/uiStore';
import { ShareMenu } from '../share/ShareMenu';

const VIEWS: { view: View; label: string; tip: string }[] = [
  { view: 'playground', label: 'Playground', tip: 'Paint a world and watch an agent learn it' },
  { view: 'lab', label: 'Lab', tip: 'Experiments on sparse rewards across many seeds' },
];

export function Header() {
  const view = useUiStore((s) => s.view);
  const setView = useUiStore((s) => s.setView);
  return (
    <header className="app-header">
      <div className="brand">
        <img src="./favicon.svg" alt="" width={24} height={24} />
        <span>Gridworld RL Playground</span>
      </div>
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
