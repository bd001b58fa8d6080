/** What to try first, shown until the first step of a run. */
import { isPlanningType } from '../agent/agentParams';
import { useConfigStore } from '../../store/configStore';
import { useTrainingStore } from '../../store/trainingStore';

export function EmptyHint() {
  const status = useTrainingStore((s) => s.status);
  const type = useConfigStore((s) => s.config.agent.type);
  const hasGoal = useConfigStore((s) => s.config.env.grid.some((r) => r.includes('G')));
  if (status !== 'idle') return null;
  let text: string;
  if (!hasGoal) text = 'There is no goal yet: pick Goal in the tools and click a cell, then press Play.';
  else if (isPlanningType(type))
    text =
      'Press Sweep to watch values spread from the goal one sweep at a time, or Solve to finish; Play then walks the plan.';
  else
    text =
      'Press Play (or Space) to watch the agent learn to reach the green goal. Paint walls, pits or a far-away goal to make it harder.';
  return (
    <p className="empty-hint" data-testid="empty-hint">
      <b>Try this:</b> {text}
    </p>
  );
}
