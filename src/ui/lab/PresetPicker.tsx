/** The lab's presets as a list of radio buttons; the chosen one's story is shown beside the charts. */
import type { Preset } from '../../config/presets';

export function PresetPicker(props: { presets: Preset[]; value: string; onChange(id: string): void }) {
  return (
    <fieldset className="preset-picker">
      <legend>Presets</legend>
      {props.presets.map((p) => (
        <label
          key={p.id}
          className={p.id === props.value ? 'selected' : undefined}
          title={p.caption.join(' ')}
        >
          <input
            type="radio"
            name="lab-preset"
            value={p.id}
            checked={p.id === props.value}
            onChange={() => props.onChange(p.id)}
          />
          <span>{p.title}</span>
          {p.variants && <span className="muted small"> · {p.variants.length} variants</span>}
        </label>
      ))}
    </fieldset>
  );
}
