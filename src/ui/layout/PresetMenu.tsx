/**
 * The playground's preset picker: loads a ready-made lesson's world, agent and training settings (one
 * undoable edit) and shows its story above the grid.
 */
import { PRESETS } from '../../config/presets';
import { loadPreset } from '../../store/story';
import { useUiStore } from '../../store/uiStore';
import { Section } from '../common/Section';

const TIP =
  "Ready-made lessons about sparse rewards: loads the preset's world, agent and training settings (Ctrl+Z undoes it)";

export function PresetMenu() {
  const storyId = useUiStore((s) => s.story?.id ?? '');
  const chosen = PRESETS.find((p) => p.id === storyId);
  return (
    <Section title="Presets" tip={TIP}>
      <div className="param">
        <div className="param-row">
          <label htmlFor="preset-pick" title={TIP}>
            Lesson
          </label>
          <select
            id="preset-pick"
            value={chosen ? chosen.id : ''}
            title={chosen ? chosen.caption.join(' ') : TIP}
            onChange={(e) => {
              const p = PRESETS.find((x) => x.id === e.target.value);
              if (p) loadPreset(p);
            }}
          >
            <option value="" disabled>
              Choose a preset…
            </option>
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id} title={p.caption.join(' ')}>
                {p.title}
              </option>
            ))}
          </select>
        </div>
      </div>
    </Section>
  );
}
