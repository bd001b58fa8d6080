/**
 * What turns a config field into a form control: its label, a plain-words tooltip, and for numbers the
 * slider range (a sensible range; the number box accepts anything the schema allows). Built from the
 * schema and its metadata by schemaBounds.ts.
 */

/** The range a schema allows a number. */
export interface Bounds {
  min: number;
  max: number;
}

export interface NumberSpec {
  key: string;
  kind: 'number';
  label: string;
  tip: string;
  min: number;
  max: number;
  step: number;
  /** Whole numbers only. */
  int?: boolean;
  /** Logarithmic slider (for ranges over several orders of magnitude; min must be > 0). */
  log?: boolean;
  /** No slider, only the number box (e.g. seeds). */
  noSlider?: boolean;
  /** The schema's range: values outside are refused before committing. */
  bounds?: Bounds;
}

export interface BoolSpec {
  key: string;
  kind: 'bool';
  label: string;
  tip: string;
}

export interface SelectSpec {
  key: string;
  kind: 'select';
  label: string;
  tip: string;
  options: { value: string; label: string }[];
}

/** A list of whole numbers typed as text, e.g. "64,64". */
export interface ListSpec {
  key: string;
  kind: 'list';
  label: string;
  tip: string;
  placeholder: string;
}

export type ParamSpec = NumberSpec | BoolSpec | SelectSpec | ListSpec;

/** Parses "64, 64" into [64, 64]; null when any part is not a whole number. */
export function parseIntList(text: string): number[] | null {
  const parts = text
    .split(/[,\s]+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^-?\d+$/.test(p)) return null;
    out.push(Number(p));
  }
  return out;
}

/** Short display of a number for sliders and status: 0.001, 1e-6, 12.5, 10,000. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && Math.abs(v) < 1e-3) return v.toExponential(0);
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  return String(Number(v.toPrecision(4)));
}
