/**
 * The settings form read from the zod schema itself, so it never drifts from it: each field's kind,
 * allowed range, whole-number rule, default and options from the field's schema, and its label,
 * tooltip, slider and option labels from its `.meta()` (declared in src/config/schema.ts). Every field
 * with a label is a form field, in the order of the schema object.
 */
import { z } from '../../config/zod';
import {
  agentSchema,
  envSchema,
  rewardsSchema,
  trainSchema,
  type AgentType,
  type SliderMeta,
} from '../../config/schema';
import { metaOf, unwrap } from '../../config/fieldMeta';
import type { Bounds, ParamSpec } from './paramSpec';

export type { Bounds };

export type FieldSection = 'env' | 'rewards' | 'train' | { agent: AgentType };

type Shape = Record<string, z.ZodType>;

/** The agent type's option of the union (its object schema), or undefined for an unknown type. */
export function agentOption(type: string) {
  return agentSchema.options.find((o) => o.shape.type.value === type);
}

function shapeOf(section: FieldSection): Shape | null {
  if (section === 'env') return envSchema.shape;
  if (section === 'rewards') return rewardsSchema.shape;
  if (section === 'train') return trainSchema.shape;
  const option = agentOption(section.agent);
  return option ? (option.shape as Shape) : null;
}

function boundsOf(n: z.ZodNumber): Bounds {
  return { min: n.minValue ?? -Infinity, max: n.maxValue ?? Infinity };
}

export function numberBounds(section: FieldSection, key: string): Bounds | null {
  const field = unwrap(shapeOf(section)?.[key]);
  return field instanceof z.ZodNumber ? boundsOf(field) : null;
}

/** A step of about a hundredth of the range, rounded down to a power of ten (0.01 for 0..1). */
function defaultStep(min: number, max: number): number {
  return 10 ** Math.floor(Math.log10((max - min) / 100));
}

function numberSpec(
  key: string,
  n: z.ZodNumber,
  meta: z.core.GlobalMeta,
  base: { label: string; tip: string },
): ParamSpec {
  const bounds = boundsOf(n);
  const int = n.isInt;
  const slider: SliderMeta | false = meta.slider ?? {};
  const min = slider ? (slider.min ?? bounds.min) : bounds.min;
  const max = slider ? (slider.max ?? bounds.max) : bounds.max;
  // No slider without a finite range to slide over.
  const noSlider = slider === false || !Number.isFinite(min) || !Number.isFinite(max) || min >= max;
  const step = (slider && slider.step) || (int ? 1 : noSlider ? 1 : defaultStep(min, max));
  return {
    key,
    kind: 'number',
    ...base,
    min,
    max,
    step,
    bounds,
    ...(int ? { int: true } : {}),
    ...(slider && slider.log ? { log: true } : {}),
    ...(noSlider ? { noSlider: true } : {}),
  };
}

/**
 * The form control of one field, or null when it is not a form field: no label in its metadata, or a
 * kind the form has no control for (numbers, booleans, enums and lists of whole numbers it has).
 */
export function fieldSpec(key: string, schema: z.ZodType): ParamSpec | null {
  const meta = metaOf(schema);
  const label = meta.label ?? meta.title;
  if (typeof label !== 'string') return null;
  const tip = meta.tooltip ?? meta.description ?? '';
  const base = { label, tip };
  const inner = unwrap(schema);
  if (inner instanceof z.ZodNumber) return numberSpec(key, inner, meta, base);
  if (inner instanceof z.ZodBoolean) return { key, kind: 'bool', ...base };
  if (inner instanceof z.ZodEnum) {
    const values = inner.options.map(String);
    const names = meta.options ?? {};
    return { key, kind: 'select', ...base, options: values.map((v) => ({ value: v, label: names[v] ?? v })) };
  }
  if (inner instanceof z.ZodArray && inner.element instanceof z.ZodNumber && inner.element.isInt) {
    const d = schema.safeParse(undefined);
    const placeholder = d.success && Array.isArray(d.data) ? d.data.join(',') : '';
    return { key, kind: 'list', ...base, placeholder };
  }
  return null;
}

/** The form fields of a schema object, in its order. */
export function fieldSpecs(shape: Readonly<Record<string, z.ZodType>>): ParamSpec[] {
  const out: ParamSpec[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    const spec = fieldSpec(key, schema);
    if (spec) out.push(spec);
  }
  return out;
}

const specsCache = new Map<string, readonly ParamSpec[]>();

/** The form fields of a section of the config (an agent type's fields for { agent }); [] for an
 *  unknown agent type. Built once per section. */
export function sectionSpecs(section: FieldSection): readonly ParamSpec[] {
  const id = typeof section === 'string' ? section : `agent:${section.agent}`;
  let specs = specsCache.get(id);
  if (!specs) {
    const shape = shapeOf(section);
    specs = shape ? fieldSpecs(shape) : [];
    specsCache.set(id, specs);
  }
  return specs;
}

/** The name, tooltip and picker group of an agent type, from its schema's metadata. */
export function agentMeta(type: string): { label: string; tip: string; group: string } {
  const option = agentOption(type);
  const meta = option ? metaOf(option) : {};
  return {
    label: meta.label ?? meta.title ?? type,
    tip: meta.tooltip ?? meta.description ?? '',
    group: meta.group ?? 'Other',
  };
}
