/**
 * The thinking budget beside Play: MCTS's simulations per move or Dyna-Q's planning steps per move, as
 * the settings form's own field (ParamField from the schema's label, tooltip and range) with a log
 * slider, committed through the config store like the agent panel (a change starts a fresh run). The
 * knob of each agent type is the lab's (KNOB_AGENTS). Nothing for other agents.
 */
import type { AgentType } from '../../config/schema';
import { useConfigStore } from '../../store/configStore';
import { ParamField } from '../common/ParamField';
import type { NumberSpec } from '../common/paramSpec';
import { sectionSpecs } from '../common/schemaBounds';
import { thinkingKnob } from './knob';
import { ThinkingHelp } from './ThinkingHelp';
import './thinking.css';

/** Most the slider reaches (the number box takes anything the schema allows). */
const SLIDER_MAX = 10_000;

/** The field's spec with a log slider from 1 (0, where allowed, is typed in the box) and a short label. */
function budgetSpec(type: string, knob: string): NumberSpec | null {
  const spec = sectionSpecs({ agent: type as AgentType }).find((s) => s.key === knob);
  if (!spec || spec.kind !== 'number') return null;
  const top = Math.min(spec.bounds?.max ?? SLIDER_MAX, SLIDER_MAX);
  // A short label of its own (the agent panel shows the same field under the schema's; the tooltip and
  // the thinking status say "per move").
  const label = knob === 'simulations' ? 'Simulations' : 'Planning';
  return { ...spec, label, min: 1, max: top, log: true, noSlider: false };
}

export function ThinkingBudget() {
  const type = useConfigStore((s) => s.config.agent.type);
  const knob = thinkingKnob(type);
  const value = useConfigStore((s) => (knob ? (s.config.agent as Record<string, unknown>)[knob] : null));
  const edit = useConfigStore((s) => s.edit);
  const spec = knob ? budgetSpec(type, knob) : null;
  if (!knob || !spec) return null;
  const labels = { [`agent.${knob}`]: spec.label };
  return (
    <div className="thinking-budget" role="group" aria-label="Thinking budget" data-testid="thinking-budget">
      <ParamField
        key={`${type}:${knob}`}
        spec={spec}
        bounds={spec.bounds ?? null}
        value={value}
        onCommit={(v, key) =>
          edit((d) => void ((d.agent as Record<string, unknown>)[knob] = v), { key, quiet: true, labels })
        }
      />
      <ThinkingHelp />
    </div>
  );
}
