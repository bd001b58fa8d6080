/**
 * The sparse-reward lab: pick a preset (a short story), run its comparison over many seeds in parallel
 * workers, read the overlaid curves and the statistics, and sweep the goal distance to see the wall; a
 * thinking-budget preset runs its budget instead (BudgetPanel).
 */
import { useMemo } from 'react';
import { useConfigStore } from '../../store/configStore';
import { showStory } from '../../store/story';
import { useColorScheme } from '../grid/overlay/useColorScheme';
import { BudgetPanel } from './BudgetPanel';
import { ComparisonPanel } from './ComparisonPanel';
import { FixesPanel } from './FixesPanel';
import { openInPlayground, selectPreset } from '../../store/labActions';
import { findLabPreset, labPresets } from '../../store/labPresets';
import { useLabStore } from '../../store/labStore';
import { PresetPicker } from './PresetPicker';
import { SweepPanel } from './SweepPanel';
import { useWideScreen } from './useWideScreen';
import './lab.css';

export function LabView() {
  const presetId = useLabStore((s) => s.presetId);
  const playgroundConfig = useConfigStore((s) => s.config);
  const presets = useMemo(() => labPresets(), [playgroundConfig]); // eslint-disable-line react-hooks/exhaustive-deps
  const preset = useMemo(() => findLabPreset(presetId), [presetId, playgroundConfig]); // eslint-disable-line react-hooks/exhaustive-deps
  const theme = useColorScheme();
  const big = useWideScreen();
  return (
    <main className="lab" aria-label="Lab">
      <aside className="lab-side">
        <PresetPicker presets={presets} value={preset.id} onChange={selectPreset} />
        <FixesPanel />
      </aside>
      <div className="lab-main">
        <header className="lab-story">
          <div>
            <h1>{preset.title}</h1>
            <p>{preset.caption[0]}</p>
            <p className="watch">{preset.caption[1]}</p>
          </div>
          {preset.id !== 'playground' && (
            <button
              type="button"
              onClick={() => {
                openInPlayground(preset);
                showStory(preset);
              }}
              title="Load this preset's world and agent into the playground"
            >
              Open in playground
            </button>
          )}
        </header>
        {preset.budget && <BudgetPanel preset={preset} theme={theme} big={big} />}
        {(preset.variants || !preset.budget) && (
          <>
            <ComparisonPanel preset={preset} theme={theme} big={big} />
            <SweepPanel preset={preset} theme={theme} big={big} />
          </>
        )}
      </div>
    </main>
  );
}
