import { lazy, Suspense } from 'react';
import { useUiStore } from './store/uiStore';
import { errorActions } from './store/errorActions';
import { ErrorActionsContext, ErrorBoundary } from './ui/common/ErrorBoundary';
import { Header } from './ui/layout/Header';
import { NoticeBar } from './ui/layout/NoticeBar';
import { Playground } from './ui/layout/Playground';
import { UpdateNotice } from './ui/shell/UpdateNotice';
import { useShareFlags } from './store/shareState';

// Loaded when first shown (their own chunks, kept off the first load): the Lab with its charts and
// presets, and the embed page (the playground's grid and charts, laid out for an iframe).
const LabView = lazy(() => import('./ui/lab/LabView').then((m) => ({ default: m.LabView })));
const EmbedView = lazy(() => import('./ui/layout/EmbedView').then((m) => ({ default: m.EmbedView })));

/** Holds a view's place (all the room below the header) while its chunk loads, so nothing jumps. */
function ViewLoading({ what }: { what: string }) {
  return (
    <div
      className="view-loading"
      role="status"
      aria-busy="true"
      style={{ flex: '1 1 auto', minHeight: '60vh', display: 'grid', placeItems: 'center', opacity: 0.7 }}
    >
      Loading {what}…
    </div>
  );
}

/** The header with the view switch, the current view, and the notice bar (or, embedded, grid and charts only). */
function Page() {
  const view = useUiStore((s) => s.view);
  const { embed } = useShareFlags();
  if (embed)
    return (
      <ErrorBoundary name="The embedded view" offerDefaultWorld>
        <Suspense fallback={<ViewLoading what="the embedded view" />}>
          <EmbedView />
        </Suspense>
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
          <Suspense fallback={<ViewLoading what="the lab" />}>
            <LabView />
          </Suspense>
        </ErrorBoundary>
      )}
      <NoticeBar />
    </div>
  );
}

/** The page; each view has its own error boundary, and this one is the last resort (never a blank page).
 *  Every boundary's buttons act on the store (errorActions). */
export default function App() {
  return (
    <ErrorActionsContext.Provider value={errorActions}>
      <ErrorBoundary name="The page" offerDefaultWorld>
        <Page />
        <UpdateNotice />
      </ErrorBoundary>
    </ErrorActionsContext.Provider>
  );
}
