import { useUiStore } from './store/uiStore';
import { LabView } from './ui/lab/LabView';
import { Header } from './ui/layout/Header';
import { NoticeBar } from './ui/layout/NoticeBar';
import { Playground } from './ui/layout/Playground';
import { EmbedView } from './ui/share/EmbedView';
import { useShareFlags } from './ui/share/shareState';

/** The page: header with the view switch, the current view, and the notice bar (or, embedded, grid and charts only). */
export default function App() {
  const view = useUiStore((s) => s.view);
  const { embed } = useShareFlags();
  if (embed) return <EmbedView />;
  return (
    <div className="app">
      <Header />
      {view === 'playground' ? <Playground /> : <LabView />}
      <NoticeBar />
    </div>
  );
}
