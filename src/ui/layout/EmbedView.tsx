/** The whole page in embed mode: the grid, the charts and (unless controls=0) the run controls. */
import { ShownGrid } from './ShownGrid';
import { useShortcuts } from './useShortcuts';
import { ChartsPanel } from '../training/ChartsPanel';
import { Controls } from '../training/Controls';
import { EmbedLayout } from './EmbedLayout';
import { StartupNotice } from '../share/StartupNotice';

export function EmbedView() {
  useShortcuts();
  return (
    <>
      <EmbedLayout grid={<ShownGrid />} chart={<ChartsPanel />} controls={<Controls />} />
      <StartupNotice />
    </>
  );
}
