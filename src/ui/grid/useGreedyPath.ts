/** The greedy path of the shown training frame (see greedyPath.ts agentGreedyPath), or null while the
 *  overlay is off. */
import { useMemo } from 'react';
import { compileGrid } from '../../rl/grid';
import { useConfigStore } from '../../store/configStore';
import { selectShownFrame, useTrainingStore } from '../../store/trainingStore';
import { useUiStore } from '../../store/uiStore';
import { agentGreedyPath, type GreedyPath } from './greedyPath';

export function useGreedyPath(): GreedyPath | null {
  const on = useUiStore((s) => s.show.greedy);
  const env = useConfigStore((s) => s.config.env);
  const grid = useMemo(() => compileGrid(env), [env]);
  const frame = useTrainingStore((s) => {
    const f = selectShownFrame(s);
    return f && f.nStates === grid.nStates ? f : null;
  });
  return useMemo(() => (on ? agentGreedyPath({ grid, frame }) : null), [on, grid, frame]);
}
