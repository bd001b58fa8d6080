/** The sparsity sweep: which agent to sweep, the run button, the log-scale chart and its table. */
import type { Preset } from '../../config/presets';
import { isLearningAgent } from '../../config/experiment';
import type { Theme } from '../grid/overlay/palette';
import { cancelSweep, startSweep, sweepConfig } from '../../store/labActions';
import { variantColor } from './labColors';
import { useLabStore } from '../../store/labStore';
import { RunBar } from './RunBar';
import { SweepChart } from './SweepChart';
import { SweepTable } from './SweepTable';

export function SweepPanel(props: { preset: Preset; theme: Theme; big: boolean }) {
  const { preset } = props;
  const run = useLabStore((s) => s.sweep);
  const variant = useLabStore((s) => s.sweepVariant);
  const variants = preset.variants ?? [];
  const type = sweepConfig(preset, variant).agent.type;
  const ok = isLearningAgent(type);
  const agentLabel = variants[variant]?.name ?? type;
  return (
    <section className="lab-panel" aria-label="Sparsity sweep">
      <div className="lab-controls">
        <h2>Sweep sparsity</h2>
        {variants.length > 0 && (
          <label title="The agent swept beside the random walk">
            Agent{' '}
            <select
              value={variant}
              onChange={(e) => useLabStore.setState({ sweepVariant: Number(e.target.value) })}
            >
              {variants.map((v, i) => (
                <option key={v.name} value={i}>
                  {v.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <RunBar
          label="Run sweep"
          what="Sweep"
          tip="Move the goal farther away step by step; each run stops at its first success or the step budget"
          run={run}
          disabled={!ok}
          onRun={startSweep}
          onCancel={cancelSweep}
        />
      </div>
      <p className="hint">
        The goal moves farther from the start; at each distance a random walk and the chosen agent run until
        they first reach it. Before its first reward a plain learner is a random walk too, so both hit the
        same wall.
        {!ok && ` The sweep needs a learning agent, not ${type}.`}
      </p>
      {run.result && (
        <div className="lab-sweep">
          <SweepChart
            result={run.result}
            agentLabel={agentLabel}
            agentColor={variantColor(variant, props.theme)}
            theme={props.theme}
            height={props.big ? 380 : 300}
          />
          <SweepTable result={run.result} agentLabel={agentLabel} />
        </div>
      )}
    </section>
  );
}
