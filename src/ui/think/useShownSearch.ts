/**
 * The search the grid draws: the stepper's (the current decision after k simulations) while it is open
 * with an answer and the run is not training, else the live frame's last search; none while the history
 * timeline shows a recorded moment (snapshots keep no search).
 */
import type { SearchDraw } from '../grid/overlay/drawSearch';
import { useThinkingStore } from '../../store/thinkingStore';
import { useTrainingStore } from '../../store/trainingStore';

export function useShownSearch(): SearchDraw | null {
  const live = useTrainingStore((s) => s.frame?.search ?? null);
  const viewing = useTrainingStore((s) => s.viewed !== null);
  const running = useTrainingStore((s) => s.status === 'running');
  const stepped = useThinkingStore((s) => (s.open ? s.step : null));
  if (viewing) return null;
  return (!running && stepped) || live;
}
