/**
 * The seeds input of a lab panel: a whole number from 1 to MAX_LAB_SEEDS. Other input stays in the field
 * marked invalid with a message saying the range (never silently put back), and the run keeps the last
 * valid number until the field holds a valid one again.
 */
import { useId, useState } from 'react';
import { MAX_LAB_SEEDS } from '../../config/experiment';

export const SEEDS_RANGE_MESSAGE = `Seeds must be a whole number from 1 to ${MAX_LAB_SEEDS}`;

export function SeedsField({
  title,
  value,
  onChange,
}: {
  title: string;
  value: number;
  onChange(n: number): void;
}) {
  const [text, setText] = useState<string | null>(null);
  const errorId = useId();
  const shown = text ?? String(value);
  const n = Number(shown);
  const invalid = text !== null && !(Number.isInteger(n) && n >= 1 && n <= MAX_LAB_SEEDS);
  return (
    <label title={title}>
      Seeds{' '}
      <input
        type="number"
        min={1}
        max={MAX_LAB_SEEDS}
        step={1}
        value={shown}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(e) => {
          const raw = e.target.value;
          const k = Number(raw);
          if (raw.trim() !== '' && Number.isInteger(k) && k >= 1 && k <= MAX_LAB_SEEDS) {
            setText(null);
            onChange(k);
          } else setText(raw);
        }}
      />
      {invalid && (
        <span id={errorId} className="param-error" role="alert">
          {SEEDS_RANGE_MESSAGE}; the run uses {value}.
        </span>
      )}
    </label>
  );
}
