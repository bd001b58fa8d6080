/**
 * What to try first, shown until the first step of a run (and not over a lesson's story, which says
 * what to try instead). It agrees with the reward warning (RewardWarning.tsx): a world whose goal
 * cannot be reached, or that pays nothing, gets a hint on fixing that instead of "reach the goal".
 * `HintSpace` reserves the room of the longest hint in the slot above the grid, so that the hint
 * coming and going never moves the grid.
 */
import { isPlanningType } from '../../config/agentKinds';
import { useConfigStore } from '../../store/configStore';
import { useTrainingStore } from '../../store/trainingStore';
import { useUiStore } from '../../store/uiStore';
import { useStartReach } from './RewardWarning';

export const HINTS = {
  noGoal: 'There is no goal yet: pick Goal in the tools and click a cell, then press Play.',
  unreachable:
    'No goal can be reached from the start: open a way to one (erase a wall in the way), then press Play.',
  unpaid:
    'Nothing the agent can reach pays more than a step: give the goal a reward (World), then press Play.',
  planning:
    'Press Sweep to watch values spread from the goal one sweep at a time, or Solve to finish; Play then walks the plan.',
  learning:
    'Press Play (or Space) to watch the agent learn to reach the green goal. Paint walls, pits or a far-away goal to make it harder.',
} as const;

export function EmptyHint() {
  // 'starting' too: every edit builds a new run, and the hint should not blink while it does.
  const fresh = useTrainingStore((s) => s.status === 'idle' || s.status === 'starting');
  const type = useConfigStore((s) => s.config.agent.type);
  const hasGoal = useConfigStore((s) => s.config.env.grid.some((r) => r.includes('G')));
  const reach = useStartReach();
  const story = useUiStore((s) => s.story !== null);
  if (!fresh || story) return null;
  const text = !hasGoal
    ? HINTS.noGoal
    : !reach.goal
      ? HINTS.unreachable
      : !reach.rewarded
        ? HINTS.unpaid
        : isPlanningType(type)
          ? HINTS.planning
          : HINTS.learning;
  return (
    <p className="empty-hint" data-testid="empty-hint">
      <b>Try this:</b> {text}
    </p>
  );
}

/** Every hint, invisible and stacked: the room the hint needs at the current width, whichever shows. */
export function HintSpace() {
  return Object.values(HINTS).map((text) => (
    <p key={text} className="empty-hint reserve" aria-hidden="true" inert>
      <b>Try this:</b> {text}
    </p>
  ));
}
