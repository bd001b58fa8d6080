/**
 * The page's side of the agent's thinking: the budget and milliseconds per move from the last progress
 * message, and the search stepper (the last search after its first k simulations, asked for through
 * `request`, the controller's `search-step`; see trainingController.ts `thinking`). While the stepper is
 * open and the run is not training, every change of the run (a step, a reset) asks again for the same k,
 * so it follows the current decision.
 */
import { create } from 'zustand';
import type { SearchView, Thinking } from '../worker/protocol';

export interface ThinkingState {
  thinking: Thinking | null;
  /** The stepper is open. */
  open: boolean;
  /** The simulations asked for (clamped by the worker to the search's). */
  k: number;
  /** The answer on show (null: none yet, or no search standing). */
  step: SearchView | null;
  /** An answer has come since the stepper opened or the run changed. */
  answered: boolean;
}

const initial = (): ThinkingState => ({ thinking: null, open: false, k: 1, step: null, answered: false });

export const useThinkingStore = create<ThinkingState>()(initial);

export type SearchRequest = (k: number) => void;

/** A new run: nothing known yet; an open stepper stays open (and asks again at the run's first
 *  progress message). */
export function resetThinking(): void {
  const { open, k } = useThinkingStore.getState();
  useThinkingStore.setState({ ...initial(), open, k });
}

/** A progress message came: its thinking, and a fresh ask for the stepper's k when it is open and the
 *  run is not training (the search changes with every move). */
export function applyThinking(t: Thinking | null, running: boolean, request: SearchRequest): void {
  const s = useThinkingStore.getState();
  const same =
    s.thinking === t ||
    (s.thinking && t && s.thinking.perMove === t.perMove && s.thinking.msPerMove === t.msPerMove);
  if (!same) useThinkingStore.setState({ thinking: t });
  if (s.open && !running) request(s.k);
}

export function applySearchStep(step: SearchView | null): void {
  useThinkingStore.setState({ step, answered: true });
}

export function openStepper(k: number, request: SearchRequest): void {
  useThinkingStore.setState({ open: true, k, answered: false });
  request(k);
}

export function stepTo(k: number, request: SearchRequest): void {
  const kk = Math.max(0, Math.round(k));
  useThinkingStore.setState({ k: kk });
  request(kk);
}

export function closeStepper(): void {
  useThinkingStore.setState({ open: false, step: null, answered: false });
}
