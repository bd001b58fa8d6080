/** The run could not be built (e.g. a neural agent that failed to load) or stopped on an error. */
import { agentInfo } from '../agent/agentParams';
import { useConfigStore } from '../../store/configStore';
import { createErrorHint } from '../../store/friendlyErrors';
import { training } from '../../store/trainingController';
import { useTrainingStore } from '../../store/trainingStore';

export function RunError() {
  const error = useTrainingStore((s) => s.error);
  const type = useConfigStore((s) => s.config.agent.type);
  if (!error) return null;
  const name = agentInfo(type)?.label ?? type;
  const title =
    error.phase === 'create'
      ? `Could not start the ${name} agent`
      : error.phase === 'train'
        ? 'Training stopped on an error'
        : 'The training worker stopped';
  const hint =
    error.phase === 'create'
      ? createErrorHint(error.message, agentInfo(type)?.group === 'Neural')
      : 'Your world and settings are kept. Reset to try again.';
  return (
    <div className="run-error" role="alert" data-testid="run-error">
      <strong>{title}</strong>
      <p className="run-error-message">{error.message}</p>
      <p className="hint">{hint}</p>
      <button type="button" onClick={training.reset}>
        Try again
      </button>
    </div>
  );
}
