/** Agent picker and its hyperparameters (both read from the agent schema, see agentParams.ts). */
import { defaultAgent } from '../../config/defaults';
import type { AgentType } from '../../config/schema';
import { useConfigStore } from '../../store/configStore';
import { ParamList } from '../common/ParamList';
import { Section } from '../common/Section';
import { AGENTS, agentInfo, agentParams, type AgentGroup } from './agentParams';

const GROUP_HEADINGS: Record<AgentGroup, string> = {
  Tabular: 'Learn by trying (tabular)',
  Planning: 'Plan with the rules (dynamic programming)',
  Neural: 'Neural networks (TensorFlow.js)',
};

/** The picker's groups: the known ones first, then any other group an agent type names. */
const GROUPS: { group: string; label: string }[] = [
  ...Object.entries(GROUP_HEADINGS).map(([group, label]) => ({ group, label })),
  ...[...new Set(AGENTS.map((a) => a.group))]
    .filter((g) => !(g in GROUP_HEADINGS))
    .map((group) => ({ group, label: group })),
];

export function AgentPanel() {
  const type = useConfigStore((s) => s.config.agent.type);
  const edit = useConfigStore((s) => s.edit);
  const info = agentInfo(type);

  const pick = (next: AgentType) => edit((d) => void (d.agent = defaultAgent(next)));
  const pickValue = (value: string) => {
    const next = agentInfo(value);
    if (next) pick(next.type);
  };

  return (
    <Section title="Agent" tip="Who learns to act in the world, and how">
      <div className="param">
        <div className="param-row">
          <label htmlFor="agent-type" title="The learning algorithm">
            Algorithm
          </label>
          <select id="agent-type" value={type} title={info?.tip} onChange={(e) => pickValue(e.target.value)}>
            {GROUPS.map((g) => (
              <optgroup key={g.group} label={g.label}>
                {AGENTS.filter((a) => a.group === g.group).map((a) => (
                  <option key={a.type} value={a.type} title={a.tip}>
                    {a.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        {info && <p className="hint">{info.tip}</p>}
      </div>
      <ParamList section={{ agent: type }} />
      {agentParams(type).length === 0 && (
        <p className="hint">The {info?.label ?? type} agent has no settings.</p>
      )}
    </Section>
  );
}
