/**
 * Before training: warns when the world can never reward the agent (no goal reachable from the start, or
 * nothing it can reach pays more than a plain step). It floats below the run controls, so coming and
 * going never moves the grid.
 */
import { useMemo } from 'react';
import { startReach } from '../../rl/distances';
import { compileGrid } from '../../rl/grid';
import { useConfigStore } from '../../store/configStore';
import { useTrainingStore } from '../../store/trainingStore';
import './rewardWarning.css';

/** The warning for a world, or null when a reward can be had. */
export function rewardWarningText(reach: { goal: boolean; rewarded: boolean }): string | null {
  if (!reach.rewarded)
    return reach.goal
      ? 'The agent can never be rewarded here: no cell it can reach pays more than a plain step'
      : 'The agent can never be rewarded here: no goal is reachable from the start';
  if (!reach.goal)
    return 'No goal is reachable from the start: the agent can collect rewards but never succeed';
  return null;
}

/** What the agent can reach from the start in the current world (a goal; anything paying more than a step). */
export function useStartReach(): { goal: boolean; rewarded: boolean } {
  const env = useConfigStore((s) => s.config.env);
  return useMemo(() => startReach(compileGrid(env)), [env]);
}

export function RewardWarning() {
  const reach = useStartReach();
  const status = useTrainingStore((s) => s.status);
  const text = rewardWarningText(reach);
  if (!text || (status !== 'starting' && status !== 'idle')) return null;
  return (
    <p className="reward-warning" role="status" data-testid="reward-warning">
      <span aria-hidden="true">⚠ </span>
      {text}.
    </p>
  );
}
