/**
 * What to try first, shown until the first step of a run (and not over a lesson's story, which says
 * what to try instead). `HintSpace` reserves the room of the longest hint in the slot above the grid,
 * so that the hint coming and going never moves the grid.
 */
import { isPlanningType } from '../agent/agentParams';
import { useConfigStore } from '../../store/configStore';
import { useTrainingStore } from '../../store/trainingStore';
import { useUiStore } from '../../store/uiStore';

const HINTS = {
  noGoal: 'There is no goal yet: pick Goal in the tools and click a cell, then press Play.',
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
  const story = useUiStore((s) => s.story !== null);
  if (!fresh || story) return null;
  const text = !hasGoal ? HINTS.noGoal : isPlanningType(type) ? HINTS.planning : HINTS.learning;
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
