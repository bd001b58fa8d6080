/**
 * The fixes for sparse rewards as live controls, for presentation mode where the settings sidebar is
 * folded away: reward shaping and the count bonus (training settings) and optimistic initial values
 * (the agent's Initial Q, for the agents that have one). The same fields as in the sidebar.
 */
import { useConfigStore } from '../../store/configStore';
import { ParamList } from '../common/ParamList';
import { Section } from '../common/Section';
import { sectionSpecs } from '../common/schemaBounds';

/** The config fields that are fixes for sparse rewards (see the Lab's fixes panel). */
export const TRAIN_FIXES = ['shaping', 'countBonus'] as const;
export const AGENT_FIXES = ['qInit'] as const;

export function FixesControls() {
  const type = useConfigStore((s) => s.config.agent.type);
  const optimism = sectionSpecs({ agent: type }).some((s) =>
    (AGENT_FIXES as readonly string[]).includes(s.key),
  );
  return (
    <Section title="Fixes" tip="Help for sparse rewards: shaping, a count bonus, optimistic initial values">
      <ParamList section="train" keys={TRAIN_FIXES} />
      {optimism ? (
        <ParamList section={{ agent: type }} keys={AGENT_FIXES} />
      ) : (
        <p className="hint">This agent has no initial values to make optimistic.</p>
      )}
    </Section>
  );
}
