/**
 * Reading the schema's field metadata (`.meta()`: label, tooltip, slider, options; declared in
 * schema.ts): the settings form (src/ui/common/schemaBounds.ts) and the page's error sentences
 * (src/store/friendlyErrors.ts) both name a field by the label declared here, once.
 */
import { z } from './zod';
import { configSchema } from './schema';

/** The metadata of a field, its wrappers' (default, optional) over the inner schema's. */
export function metaOf(s: z.ZodType): z.core.GlobalMeta {
  let out: z.core.GlobalMeta = {};
  let cur: unknown = s;
  for (;;) {
    if (!(cur instanceof z.ZodType)) return out;
    out = { ...(z.globalRegistry.get(cur) ?? {}), ...out };
    if (cur instanceof z.ZodDefault || cur instanceof z.ZodOptional) cur = cur.unwrap();
    else return out;
  }
}

/** The schema inside any default / optional wrappers. */
export function unwrap(s: unknown): unknown {
  let cur = s;
  while (cur instanceof z.ZodDefault || cur instanceof z.ZodOptional) cur = cur.unwrap();
  return cur;
}

/**
 * The label of the field at a config path such as "env.slip" or "train.seed" (agent fields: pass the
 * agent type, since the agent is a union), or undefined where none is declared.
 */
export function labelAt(path: string, agentType?: string): string | undefined {
  return metaAt(path, agentType)?.label;
}

/** The metadata of the field at a config path (as labelAt), or undefined where there is no such field. */
export function metaAt(path: string, agentType?: string): z.core.GlobalMeta | undefined {
  let cur: unknown = configSchema;
  for (const key of path.split('.')) {
    cur = unwrap(cur);
    if (cur instanceof z.ZodDiscriminatedUnion) {
      const opts = cur.options as z.ZodObject[];
      cur = opts.find((o) => (o.shape.type as z.ZodLiteral | undefined)?.value === agentType);
      cur = unwrap(cur);
    }
    if (!(cur instanceof z.ZodObject)) return undefined;
    cur = (cur.shape as Record<string, unknown>)[key];
  }
  return cur instanceof z.ZodType ? metaOf(cur) : undefined;
}
