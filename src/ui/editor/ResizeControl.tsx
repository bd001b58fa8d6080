/** Grid size: columns x rows, applied on Enter or when the box loses focus (what fits is kept). */
import { useState } from 'react';
import { LIMITS } from '../../config/limits';
import { useConfigStore } from '../../store/configStore';
import { resize } from '../../store/gridEdits';

function SizeBox(props: { label: string; value: number; onApply(v: number): void }) {
  const [text, setText] = useState(String(props.value));
  const [seen, setSeen] = useState(props.value);
  if (seen !== props.value) {
    setSeen(props.value);
    setText(String(props.value));
  }
  const apply = () => {
    const v = Number(text);
    if (text.trim() === '' || v === props.value) {
      setText(String(props.value));
      return;
    }
    props.onApply(v);
    setText(String(props.value));
  };
  return (
    <input
      type="number"
      className="size-box"
      min={1}
      max={LIMITS.maxGridSide}
      step={1}
      value={text}
      aria-label={props.label}
      title={`${props.label}, 1 to ${LIMITS.maxGridSide}; press Enter to apply`}
      onChange={(e) => setText(e.target.value)}
      onBlur={apply}
      onKeyDown={(e) => {
        if (e.key === 'Enter') apply();
        if (e.key === 'Escape') setText(String(props.value));
      }}
    />
  );
}

export function ResizeControl() {
  const grid = useConfigStore((s) => s.config.env.grid);
  const edit = useConfigStore((s) => s.edit);
  const width = grid[0].length;
  const height = grid.length;
  return (
    <div className="resize" title="Grid size: cells that fit are kept">
      <SizeBox label="Columns" value={width} onApply={(w) => edit((d) => resize(d, w, height))} />
      <span aria-hidden="true">×</span>
      <SizeBox label="Rows" value={height} onApply={(h) => edit((d) => resize(d, width, h))} />
    </div>
  );
}
