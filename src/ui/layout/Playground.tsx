/**
 * The playground: settings on the left, run controls and the grid in the centre, charts on the right;
 * on a narrow screen (phone, tablet) the same panels stacked, the grid first. In presentation mode the
 * settings sidebar gives way to a rail with what a teacher drives: the run controls and status, the
 * lesson picker and the fixes for sparse rewards. On a phone or tablet the lesson picker comes first, above
 * the grid (a lesson is what a class opens the page for), the other settings last.
 * The grid takes the room left over in the centre, so everything around it keeps a fixed size (see
 * playground.css): hints, stories, status tiles, the inspector and notices never move it.
 */
import { useEffect } from 'react';
import { training } from '../../store/trainingController';
import { AgentPanel } from '../agent/AgentPanel';
import { PlanningPanel } from '../agent/PlanningPanel';
import { CellInspector } from '../editor/CellInspector';
import { EnvSettings } from '../editor/EnvSettings';
import { GridEditor } from '../editor/GridEditor';
import { ShownGrid } from './ShownGrid';
import { GreedyPathText, OverlayToggles } from '../grid/OverlayToggles';
import { usePresentationMode } from '../../store/presentationMode';
import { ChartsPanel } from '../training/ChartsPanel';
import { Controls } from '../training/Controls';
import { EmptyHint, HintSpace } from '../training/EmptyHint';
import { RunError } from '../training/RunError';
import { StatusLine } from '../training/StatusLine';
import { TrainSettings } from '../training/TrainSettings';
import { ThinkingStatusSlot, TimelineSlot } from '../think/onDemand';
import { FixesControls } from './FixesControls';
import { PresetMenu } from './PresetMenu';
import { StoryBanner, StorySpace } from './StoryBanner';
import { useNarrowScreen } from './useNarrowScreen';
import { useShortcuts } from './useShortcuts';
import './playground.css';

function RunBar() {
  return (
    <div className="run-bar">
      <Controls />
      <StatusLine />
      <ThinkingStatusSlot />
      <PlanningPanel />
    </div>
  );
}

export function Playground() {
  useShortcuts();
  const [presenting] = usePresentationMode();
  const narrow = useNarrowScreen();
  // Leaving the playground (for the Lab) pauses its training, so the two do not compete for the CPU.
  useEffect(() => () => training.pause(), []);
  return (
    <div className={`playground${presenting ? ' presenting' : ''}`}>
      {presenting ? (
        <aside className="sidebar teacher-rail" aria-label="Run, lesson and fixes">
          <RunBar />
          <PresetMenu />
          <FixesControls />
        </aside>
      ) : (
        <aside className="sidebar" aria-label="Settings">
          {!narrow && <PresetMenu />}
          <AgentPanel />
          <TrainSettings />
          <EnvSettings />
        </aside>
      )}
      {narrow && !presenting && (
        <aside className="lesson-first" aria-label="Lesson">
          <PresetMenu />
        </aside>
      )}
      <main className="center">
        {!presenting && <RunBar />}
        {!presenting && <GridEditor />}
        {/* Room kept for the story or the hint (and the run's error floats over it): nothing that
            comes and goes above or below the grid may move it, or a held click would paint the cell
            that slides under the pointer. */}
        <div className="guide-slot">
          <HintSpace />
          <StorySpace />
          <StoryBanner />
          <EmptyHint />
          <RunError />
        </div>
        <ShownGrid />
        <TimelineSlot />
        <div className="below-grid">
          <OverlayToggles />
          <div className="greedy-slot">
            <GreedyPathText />
          </div>
          {!presenting && <CellInspector />}
        </div>
      </main>
      <aside className="chart-side" aria-label="Learning curves">
        <ChartsPanel />
      </aside>
    </div>
  );
}
