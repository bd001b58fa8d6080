import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import App from './App';
import { errorText } from './store/savedWork';
import { connectTraining } from './store/trainingController';
import { connectPlay } from './store/playStore';
import { useUiStore } from './store/uiStore';
import { initShare } from './store/initShare';
import { installTheme } from './ui/theme';
import { useShareState } from './store/shareState';
import { preloadWhenIdle } from './ui/idlePreload';

// The page's colours (light, dark, presentation) before anything renders.
installTheme();

// The link, autosaved work or default world is loaded first, so the first run uses it. Neither step is
// expected to throw; if one does, the page still renders (with the default world) and says so.
try {
  initShare();
} catch (e) {
  useShareState.setState({
    problem: {
      title: 'The page could not start its sharing and autosave features',
      details: [errorText(e)],
      fallback: 'Showing the default world; autosave is off.',
      advice: 'Reload the page to try again.',
    },
  });
}
try {
  connectTraining();
  connectPlay();
} catch (e) {
  useUiStore.getState().notify('error', `Training could not start: ${errorText(e)}`);
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The charts' chunk, once the page is idle after its first paint; the charts then mount, still empty, so
// the first Play neither loads nor builds them (ChartsPanel).
preloadWhenIdle('charts', () => import('./ui/charts/TrainingCharts'));
