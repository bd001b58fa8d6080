/** The whole page in embed mode: the grid, the charts and (unless controls=0) the run controls. */
import { GridView } from '../grid/GridView';
import { useShortcuts } from '../layout/useShortcuts';
import { ChartsPanel } from '../training/ChartsPanel';
import { Controls } from '../training/Controls';
import { EmbedLayout } from './EmbedLayout';
import { StartupNotice } from './StartupNotice';

export function EmbedView() {
  useShortcuts();
  return (
    <>
      <EmbedLayout grid={<GridView />} chart={<ChartsPanel />} controls={<Controls />} />
      <StartupNotice />
    </>
  );
}
