import { useUiStore } from './store/uiStore';
import { ErrorBoundary } from './ui/common/ErrorBoundary';
import { LabView } from './ui/lab/LabView';
import { Header } from './ui/layout/Header';
import { NoticeBar } from './ui/layout/NoticeBar';
import { Playground } from './ui/layout/Playground';
import { EmbedView } from './ui/share/EmbedView';
import { UpdateNotice } from './ui/share/UpdateNotice';
import { useShareFlags } from './ui/share/shareState';

/** The header with the view switch, the current view, and the notice bar (or, embedded, grid and charts only). */
function Page() {
  const view = useUiStore((s) => s.view);
  const { embed } = useShareFlags();
  if (embed)
    return (
      <ErrorBoundary name="The embedded view" offerDefaultWorld>
        <EmbedView />
      </ErrorBoundary>
    );
  return (
    <div className="app">
      <Header />
      {view === 'playground' ? (
        <ErrorBoundary key="playground" name="The playground" offerDefaultWorld>
          <Playground />
        </ErrorBoundary>
      ) : (
        <ErrorBoundary key="lab" name="The lab">
          <LabView />
        </ErrorBoundary>
      )}
      <NoticeBar />
    </div>
  );
}

/** The page; each view has its own error boundary, and this one is the last resort (never a blank page). */
export default function App() {
  return (
    <ErrorBoundary name="The page" offerDefaultWorld>
      <Page />
      <UpdateNotice />
    </ErrorBoundary>
  );
}
