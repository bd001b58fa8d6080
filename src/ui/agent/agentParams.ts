/**
 * Every agent type of the schema's union with its name, picker group and tooltip, and its form fields:
 * all read from the schema and its `.meta()` (src/ui/common/schemaBounds.ts), so a new agent type in the
 * union shows up in the picker with its fields and needs nothing here.
 */
import { agentSchema, type AgentType } from '../../config/schema';
import type { ParamSpec } from '../common/paramSpec';
import { agentMeta, sectionSpecs } from '../common/schemaBounds';

/** The picker's groups with a heading of their own; an agent of another group gets one named after it. */
export type AgentGroup = 'Tabular' | 'Planning' | 'Neural';

export interface AgentInfo {
  type: AgentType;
  label: string;
  group: string;
  tip: string;
}

export const AGENTS: readonly AgentInfo[] = agentSchema.options.map((o) => {
  const type: AgentType = o.shape.type.value;
  return { type, ...agentMeta(type) };
});

export function agentInfo(type: string): AgentInfo | undefined {
  return AGENTS.find((a) => a.type === type);
}

/** The form fields of an agent type, in the schema's order. */
export function agentParams(type: AgentType): readonly ParamSpec[] {
  return sectionSpecs({ agent: type });
}
