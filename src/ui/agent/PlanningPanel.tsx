/** Step-by-step control of a planning agent: one sweep, one improvement, or solve to convergence. */
import { useConfigStore } from '../../store/configStore';
import { training } from '../../store/trainingController';
import { useTrainingStore } from '../../store/trainingStore';
import { formatNumber } from '../common/paramSpec';
import { isPlanningType } from '../../config/agentKinds';

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
        <button
          type="button"
          disabled={busy}
          onClick={() => training.plan('sweep')}
          title="One evaluation sweep: every cell's value is backed up once from its neighbours"
        >
          Sweep
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => training.plan('improve')}
          title="One improvement step: make the policy greedy in the current values"
        >
          Improve
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => training.plan('solve')}
          title="Sweep and improve until nothing changes any more"
        >
          Solve
        </button>
      </div>
      <p className="planning-stats" aria-live="polite">
        <span title="Evaluation sweeps so far">
          Sweeps <b>{planner?.sweeps ?? 0}</b>
        </span>
        <span title="Policy improvement steps so far">
          Improvements <b>{planner?.improvements ?? 0}</b>
        </span>
        <span title="Largest value change in the last sweep">
          Last Δ <b>{delta}</b>
        </span>
        {planner?.converged && <span className="badge ok">converged</span>}
      </p>
    </section>
  );
}
