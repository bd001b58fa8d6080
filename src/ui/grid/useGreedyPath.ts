/** The greedy path of the latest training frame (see greedyPath.ts), or null while the overlay is off. */
import { useMemo } from 'react';
import { useTrainingStore } from '../../store/trainingStore';
import { useUiStore } from '../../store/uiStore';
import { greedyPath, type GreedyPath } from './greedyPath';
import { useCellCodes } from './useCellCodes';

export function useGreedyPath(): GreedyPath | null {
  const on = useUiStore((s) => s.show.greedy);
  const { cells, width, height } = useCellCodes();
  const prefs = useTrainingStore((s) =>
    s.frame && s.frame.nStates === width * height ? (s.frame.policy ?? s.frame.q) : null,
  );
  return useMemo(
    () => (on ? greedyPath({ width, height, cells, prefs }) : null),
    [on, width, height, cells, prefs],
  );
}
