/**
 * The settings of one object of the config (the agent, the world, its rewards, training): one
 * ParamField per form field of its schema (schemaBounds.ts), in the schema's order, each committed
 * through the config store with the field's label in refusal messages.
 */
import type { Config } from '../../config/schema';
import { useConfigStore } from '../../store/configStore';
import { ParamField } from './ParamField';
import { sectionSpecs, type FieldSection } from './schemaBounds';

/** The config path of a section, as parseConfig's messages name it. */
function pathOf(section: FieldSection): string {
  if (section === 'rewards') return 'env.rewards';
  return typeof section === 'string' ? section : 'agent';
}

/** The section's object in a config (or a draft of one), its fields by key. */
function objectAt(c: Config, section: FieldSection): Record<string, unknown> {
  if (section === 'env') return c.env;
  if (section === 'rewards') return c.env.rewards;
  if (section === 'train') return c.train;
  return c.agent;
}

/** `keys`: only these fields (in the schema's order), e.g. the fixes for sparse rewards in presentation mode. */
export function ParamList({ section, keys }: { section: FieldSection; keys?: readonly string[] }) {
  const values = useConfigStore((s) => objectAt(s.config, section));
  const edit = useConfigStore((s) => s.edit);
  const specs = sectionSpecs(section).filter((spec) => !keys || keys.includes(spec.key));
  const path = pathOf(section);
  const scope = typeof section === 'string' ? section : section.agent;
  const labels: Record<string, string> = {};
  for (const spec of specs) labels[`${path}.${spec.key}`] = spec.label;
  return (
    <>
      {specs.map((spec) => (
        <ParamField
          key={`${scope}:${spec.key}`}
          spec={spec}
          bounds={spec.kind === 'number' ? spec.bounds : null}
          value={values[spec.key]}
          onCommit={(v, key) =>
            edit((d) => void (objectAt(d, section)[spec.key] = v), { key, quiet: true, labels })
          }
        />
      ))}
    </>
  );
}
