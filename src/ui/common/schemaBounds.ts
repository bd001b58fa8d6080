/**
 * The allowed range of a numeric config field, read from the zod schema itself, so the settings UI
 * can say "must be from 0 to 1" before committing (and never drifts from the schema).
 */
import { z } from '../../config/zod';
import { agentSchema, envSchema, rewardsSchema, trainSchema, type AgentType } from '../../config/schema';

export interface Bounds {
  min: number;
  max: number;
}

export type FieldSection = 'env' | 'rewards' | 'train' | { agent: AgentType };

function unwrap(s: unknown): unknown {
  let cur = s;
  while (cur instanceof z.ZodDefault || cur instanceof z.ZodOptional) cur = cur.unwrap();
  return cur;
}

function shapeOf(section: FieldSection): Record<string, unknown> | null {
  if (section === 'env') return envSchema.shape;
  if (section === 'rewards') return rewardsSchema.shape;
  if (section === 'train') return trainSchema.shape;
  const option = agentSchema.options.find((o) => o.shape.type.value === section.agent);
  return option ? (option.shape as Record<string, unknown>) : null;
}

export function numberBounds(section: FieldSection, key: string): Bounds | null {
  const field = unwrap(shapeOf(section)?.[key]);
  if (!(field instanceof z.ZodNumber)) return null;
  const min = field.minValue ?? -Infinity;
  const max = field.maxValue ?? Infinity;
  return { min, max };
}
