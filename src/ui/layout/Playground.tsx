/** The playground: settings on the left, run controls and the grid in the centre, charts on the right. */
import { useEffect } from 'react';
import { training } from '../../store/trainingController';
import { AgentPanel } from '../agent/AgentPanel';
import { PlanningPanel } from '../agent/PlanningPanel';
import { CellInspector } from '../editor/CellInspector';
import { EnvSettings } from '../editor/EnvSettings';
import { GridEditor } from '../editor/GridEditor';
import { GridView } from '../grid/GridView';
import { GreedyPathText, OverlayToggles } from '../grid/OverlayToggles';
import { ChartsPanel } from '../training/ChartsPanel';
import { Controls } from '../training/Controls';
import { EmptyHint } from '../training/EmptyHint';
import { RunError } from '../training/RunError';
import { StatusLine } from '../training/StatusLine';
import { TrainSettings } from '../training/TrainSettings';
import { PresetMenu } from './PresetMenu';
import { StoryBanner } from './StoryBanner';
import { useShortcuts } from './useShortcuts';
import './playground.css';

export function Playground() {
  useShortcuts();
  // Leaving the playground (for the Lab) pauses its training, so the two do not compete for the CPU.
  useEffect(() => () => training.pause(), []);
  return (
    <div className="playground">
      <aside className="sidebar" aria-label="Settings">
        <PresetMenu />
        <AgentPanel />
        <TrainSettings />
        <EnvSettings />
      </aside>
      <main className="center">
        <div className="run-bar">
          <Controls />
          <StatusLine />
          <PlanningPanel />
        </div>
        <RunError />
        <GridEditor />
        <StoryBanner />
        <EmptyHint />
        <GridView />
        <div className="below-grid">
          <OverlayToggles />
          <GreedyPathText />
          <CellInspector />
        </div>
      </main>
      <aside className="chart-side">
        <ChartsPanel />
      </aside>
    </div>
  );
}
