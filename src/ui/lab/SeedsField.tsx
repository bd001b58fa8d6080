/** The seeds input of a lab panel: a whole number from 1 to MAX_LAB_SEEDS (other input is ignored). */
import { MAX_LAB_SEEDS } from '../../config/experiment';

export function SeedsField({
  title,
  value,
  onChange,
}: {
  title: string;
  value: number;
  onChange(n: number): void;
}) {
  return (
    <label title={title}>
      Seeds{' '}
      <input
        type="number"
        min={1}
        max={MAX_LAB_SEEDS}
        value={value}
        onChange={(e) => {
          const n = Math.round(Number(e.target.value));
          if (n >= 1 && n <= MAX_LAB_SEEDS) onChange(n);
        }}
      />
    </label>
  );
}
