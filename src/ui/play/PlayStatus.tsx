/** "You: best return R in N steps" and "The agent passed you at episode E", for the status line. */
import { useConfigStore } from '../../store/configStore';
import { bestDemonstration, usePlayStore } from '../../store/playStore';
import { useTrainingStore } from '../../store/trainingStore';

const num = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function PlayStatus() {
  const best = useConfigStore((s) => bestDemonstration(s.config));
  const on = usePlayStore((s) => s.on);
  const steps = usePlayStore((s) => s.steps);
  const ret = usePlayStore((s) => s.return);
  const passedAt = useTrainingStore((s) => s.passedAt);
  if (!best && !on) return null;
  return (
    <div className="play-status" role="status" data-testid="play-status">
      {best ? (
        <span data-testid="play-best">
          You: best return {num.format(best.return)} in {best.steps} steps
        </span>
      ) : (
        <span data-testid="play-best">You: no episode yet</span>
      )}
      {on && (
        <span className="muted" data-testid="play-current">
          {' '}
          · this episode: {steps} steps, return {num.format(ret)}
        </span>
      )}
      {best && passedAt !== null && (
        <strong data-testid="play-passed">
          {' '}
          · The agent passed you at episode {passedAt.toLocaleString('en-US')}
        </strong>
      )}
    </div>
  );
}
