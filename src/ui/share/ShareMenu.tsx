/**
 * The header's sharing area, connected to the stores: the Share & save menu, the presentation toggle,
 * the "?" shortcut help, and the message for a broken link. Rendered by Header.tsx as <ShareMenu />.
 */
import { lazy, Suspense } from 'react';
import { useConfigStore } from '../../store/configStore';
import { trainedAgent } from '../../store/trainingController';
import { useTrainingStore } from '../../store/trainingStore';
import { useUiStore } from '../../store/uiStore';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { PresentationToggle } from '../shell/PresentationToggle';
import { ShareMenuView, type ShareMenuProps } from './ShareMenuView';
import { StartupNotice } from './StartupNotice';
import { useShareState } from '../../store/shareState';
import { useShellShortcuts } from '../shell/useShellShortcuts';
import '../shell/presentation.css';

/** Where the exports find the pictures on the page (the grid canvas and the charts panel). */
/** The shortcut help, a chunk of its own fetched the first time it is opened (a modal: no room to hold). */
const HelpOverlay = lazy(() => import('../shell/HelpOverlay').then((m) => ({ default: m.HelpOverlay })));

export const GRID_CANVAS_SELECTOR = '.grid-board canvas';
export const CHARTS_SELECTOR = '[data-testid="charts"]';

const getRunData = () => useTrainingStore.getState().series;
const getGridCanvas = () => document.querySelector<HTMLCanvasElement>(GRID_CANVAS_SELECTOR);
const getChartSvg = () => document.querySelector(CHARTS_SELECTOR);
const getTrainedAgent = () => trainedAgent.export();
const onLoadAgent: ShareMenuProps['onLoadAgent'] = async (c, state, from) =>
  (await trainedAgent.open(c, state, `Opened ${from}`)).ok;
const onMessage = (kind: 'info' | 'warn' | 'error', text: string) => useUiStore.getState().notify(kind, text);

export function ShareMenu() {
  const config = useConfigStore((s) => s.config);
  const setConfig = useConfigStore((s) => s.setConfig);
  const helpOpen = useShareState((s) => s.helpOpen);
  useShellShortcuts();
  return (
    <>
      <ShareMenuView
        config={config}
        onLoadConfig={(c, from) => setConfig(c, { reason: `Loaded ${from}` })}
        getRunData={getRunData}
        getChartSvg={getChartSvg}
        getGridCanvas={getGridCanvas}
        onMessage={onMessage}
        getTrainedAgent={getTrainedAgent}
        onLoadAgent={onLoadAgent}
      />
      <PresentationToggle />
      <button
        type="button"
        className="help-button"
        aria-keyshortcuts="?"
        title="Keyboard shortcuts (?)"
        onClick={() => useShareState.getState().setHelpOpen(true)}
      >
        ?
      </button>
      {helpOpen && (
        <ErrorBoundary name="The shortcut help">
          <Suspense fallback={null}>
            <HelpOverlay />
          </Suspense>
        </ErrorBoundary>
      )}
      <StartupNotice />
    </>
  );
}
