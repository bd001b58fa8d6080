/** What the grid and the charts read of the history timeline (see historyStore.ts). */
import { useMemo } from 'react';
import { selectViewedEpisode, useHistoryStore } from '../../store/historyStore';
import { selectShownFrame, useTrainingStore } from '../../store/trainingStore';
import { changedCells } from './changedCells';

/** The episode of the recorded moment on show, or null when live (the charts' cursor). */
export function useViewedEpisode(): number | null {
  return useHistoryStore(selectViewedEpisode);
}

/** The cells to outline as changed since the previous snapshot ("What changed" on), else null. */
export function useChangedCells(): Uint8Array | null {
  const on = useHistoryStore((s) => s.showChanged);
  const previous = useHistoryStore((s) => s.previous);
  const shown = useTrainingStore(selectShownFrame);
  return useMemo(
    () => (on && previous && shown ? changedCells(previous.values, shown.values) : null),
    [on, previous, shown],
  );
}
