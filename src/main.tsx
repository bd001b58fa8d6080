import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import App from './App';
import { connectTraining } from './store/trainingController';
import { initShare } from './ui/share/initShare';

// The link, autosaved work or default world is loaded first, so the first run uses it.
initShare();
connectTraining();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
