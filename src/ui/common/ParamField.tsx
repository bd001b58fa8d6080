/**
 * One settings field from its ParamSpec: a number (slider + number box), a checkbox, a select or a
 * list typed as text. Every change is committed through `onCommit` (which validates); a refused value
 * shows its message under the field until the field is valid again: a valid value is typed, or the box
 * loses focus and returns to the current value. The field's help (the schema's tooltip) is a
 * toggletip beside its label and the control's description.
 */
import { useId, useState, type ChangeEvent, type ReactNode } from 'react';
import type { EditResult } from '../../store/configStore';
import { formatNumber, parseIntList, type NumberSpec, type ParamSpec } from './paramSpec';
import type { Bounds } from './schemaBounds';
import { Toggletip } from './Toggletip';

export interface ParamFieldProps {
  spec: ParamSpec;
  value: unknown;
  /** Commits a new value; `key` groups a drag's changes into one undo step. */
  onCommit(value: unknown, key: string): EditResult;
  /** The schema's range for a number: values outside are refused before committing. */
  bounds?: Bounds | null;
  disabled?: boolean;
}

const SLIDER_STEPS = 1000;

function toSlider(spec: NumberSpec, v: number): number {
  const x = Math.min(spec.max, Math.max(spec.min, v));
  if (spec.log) return Math.round((Math.log(x / spec.min) / Math.log(spec.max / spec.min)) * SLIDER_STEPS);
  return x;
}

function fromSlider(spec: NumberSpec, raw: number): number {
  if (!spec.log) {
    const snapped = Math.round(raw / spec.step) * spec.step;
    return spec.int ? Math.round(snapped) : Number(snapped.toPrecision(10));
  }
  const v = spec.min * Math.pow(spec.max / spec.min, raw / SLIDER_STEPS);
  if (spec.int) return Math.round(v);
  return Number(v.toPrecision(2));
}

function display(spec: ParamSpec, value: unknown): string {
  if (spec.kind === 'list') return Array.isArray(value) ? value.join(',') : '';
  if (spec.kind === 'number') return typeof value === 'number' ? String(value) : '';
  return String(value ?? '');
}

export function ParamField({ spec, value, onCommit, bounds, disabled }: ParamFieldProps) {
  const id = useId();
  const tipId = `${id}-tip`;
  const errId = `${id}-err`;
  const [text, setText] = useState(() => display(spec, value));
  const [seen, setSeen] = useState(value);
  const [error, setError] = useState<string | null>(null);
  if (seen !== value) {
    setSeen(value);
    setText(display(spec, value));
    setError(null);
  }
  const key = `param:${spec.key}`;
  const commit = (v: unknown) => {
    const r = onCommit(v, key);
    setError(r.ok ? null : r.message);
  };

  // Leaving a box puts back the current (valid) value, so its message no longer applies.
  const revert = () => {
    setText(display(spec, value));
    setError(null);
  };

  const describedBy = error ? `${tipId} ${errId}` : tipId;
  const common = {
    id,
    disabled,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
  } as const;

  let control: ReactNode;
  if (spec.kind === 'bool') {
    control = (
      <input
        {...common}
        type="checkbox"
        checked={value === true}
        onChange={(e) => commit(e.target.checked)}
      />
    );
  } else if (spec.kind === 'select') {
    control = (
      <select {...common} value={String(value)} onChange={(e) => commit(e.target.value)}>
        {spec.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (spec.kind === 'list') {
    control = (
      <input
        {...common}
        className="param-text"
        type="text"
        value={text}
        placeholder={spec.placeholder}
        onChange={(e) => {
          setText(e.target.value);
          const list = parseIntList(e.target.value);
          if (list) commit(list);
          else setError('type whole numbers separated by commas, like 64,64');
        }}
        onBlur={revert}
      />
    );
  } else {
    const onText = (e: ChangeEvent<HTMLInputElement>) => {
      setText(e.target.value);
      const t = e.target.value.trim();
      const v = Number(t);
      if (t === '' || !Number.isFinite(v)) setError(`${spec.label}: enter a number`);
      else if (spec.int && !Number.isInteger(v)) setError(`${spec.label}: must be a whole number`);
      else if (bounds && (v < bounds.min || v > bounds.max))
        setError(`${spec.label}: must be from ${formatNumber(bounds.min)} to ${formatNumber(bounds.max)}`);
      else commit(v);
    };
    control = (
      <input
        {...common}
        className="param-number"
        type="number"
        inputMode="decimal"
        step={spec.int ? 1 : 'any'}
        value={text}
        onChange={onText}
        onBlur={revert}
      />
    );
  }

  const numeric = spec.kind === 'number' && !spec.noSlider ? spec : null;
  return (
    <div className={`param param--${spec.kind}`}>
      <div className="param-row">
        <span className="param-name">
          <label htmlFor={id}>{spec.label}</label>
          <Toggletip label={spec.label} text={spec.tip} />
        </span>
        {control}
      </div>
      {numeric && typeof value === 'number' && (
        <input
          className="param-slider"
          type="range"
          aria-label={`${spec.label} slider`}
          aria-valuetext={formatNumber(value)}
          disabled={disabled}
          min={numeric.log ? 0 : numeric.min}
          max={numeric.log ? SLIDER_STEPS : numeric.max}
          step={numeric.log ? 1 : numeric.step}
          value={toSlider(numeric, value)}
          onChange={(e) => commit(fromSlider(numeric, Number(e.target.value)))}
        />
      )}
      <span id={tipId} className="visually-hidden">
        {spec.tip}
      </span>
      {error && (
        <p id={errId} className="param-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
