/** Step-by-step control of a planning agent: one sweep, one improvement, or solve to convergence. */
import { useConfigStore } from '../../store/configStore';
import { training } from '../../store/trainingController';
import { useTrainingStore } from '../../store/trainingStore';
import { formatNumber } from '../common/paramSpec';
import { isPlanningType } from '../../config/agentKinds';

/** The planning steps, as buttons. */
const STEPS = [
  {
    step: 'sweep',
    label: 'Sweep',
    title: "One evaluation sweep: every cell's value is backed up once from its neighbours",
  },
  {
    step: 'improve',
    label: 'Improve',
    title: 'One improvement step: make the policy greedy in the current values',
  },
  { step: 'solve', label: 'Solve', title: 'Sweep and improve until nothing changes any more' },
] as const;

export function PlanningPanel() {
  const type = useConfigStore((s) => s.config.agent.type);
  const planner = useTrainingStore((s) => s.planner);
  const status = useTrainingStore((s) => s.status);
  if (!isPlanningType(type)) return null;
  const busy = status === 'starting' || status === 'error';
  const delta = planner && Number.isFinite(planner.lastDelta) ? formatNumber(planner.lastDelta) : '–';
  return (
    <section className="planning" aria-label="Planning steps">
      <div className="button-row">
        {STEPS.map(({ step, label, title }) => (
          <button key={step} type="button" disabled={busy} onClick={() => training.plan(step)} title={title}>
            {label}
          </button>
        ))}
      </div>
      <p className="planning-stats" aria-live="polite">
        {[
          ['Evaluation sweeps so far', 'Sweeps', planner?.sweeps ?? 0],
          ['Policy improvement steps so far', 'Improvements', planner?.improvements ?? 0],
          ['Largest value change in the last sweep', 'Last Δ', delta],
        ].map(([title, label, value]) => (
          <span key={label} title={String(title)}>
            {label} <b>{value}</b>
          </span>
        ))}
        {planner?.converged && <span className="badge ok">converged</span>}
      </p>
    </section>
  );
}
