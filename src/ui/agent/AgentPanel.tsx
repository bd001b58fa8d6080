/** Agent picker and its hyperparameters (metadata in agentParams.ts). */
import { defaultAgent } from '../../config/defaults';
import type { AgentType } from '../../config/schema';
import { useConfigStore } from '../../store/configStore';
import { ParamField } from '../common/ParamField';
import { numberBounds } from '../common/schemaBounds';
import { Section } from '../common/Section';
import { AGENT_PARAMS, AGENTS, agentInfo, agentLabels, type AgentGroup } from './agentParams';

const GROUPS: { group: AgentGroup; label: string }[] = [
  { group: 'Tabular', label: 'Learn by trying (tabular)' },
  { group: 'Planning', label: 'Plan with the rules (dynamic programming)' },
  { group: 'Neural', label: 'Neural networks (TensorFlow.js)' },
];

export function AgentPanel() {
  const agent = useConfigStore((s) => s.config.agent);
  const edit = useConfigStore((s) => s.edit);
  const info = agentInfo(agent.type);
  const values = agent as Record<string, unknown>;

  const pick = (type: AgentType) => edit((d) => void (d.agent = defaultAgent(type)));

  return (
    <Section title="Agent" tip="Who learns to act in the world, and how">
      <div className="param">
        <div className="param-row">
          <label htmlFor="agent-type" title="The learning algorithm">
            Algorithm
          </label>
          <select
            id="agent-type"
            value={agent.type}
            title={info?.tip}
            onChange={(e) => pick(e.target.value as AgentType)}
          >
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
      {AGENT_PARAMS[agent.type].map((spec) => (
        <ParamField
          key={`${agent.type}:${spec.key}`}
          spec={spec}
          bounds={numberBounds({ agent: agent.type }, spec.key)}
          value={values[spec.key]}
          onCommit={(v, key) =>
            edit((d) => void ((d.agent as Record<string, unknown>)[spec.key] = v), {
              key,
              quiet: true,
              labels: agentLabels(agent.type),
            })
          }
        />
      ))}
      {agent.type === 'random' && <p className="hint">The random agent has no settings.</p>}
    </Section>
  );
}
