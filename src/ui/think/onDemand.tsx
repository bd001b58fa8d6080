/**
 * Parts of the playground loaded on demand so the first load stays small (tests/e2e/firstLoad.e2e.ts):
 * the thinking controls only for agents that think per move (MCTS, Dyna-Q), the history timeline at the
 * first input. Each fallback takes the place its component will, so nothing below moves when it arrives.
 */
import { lazy, Suspense } from 'react';
import { useConfigStore } from '../../store/configStore';
import { useHistoryStore } from '../../store/historyStore';
import { useFirstInput } from '../common/useFirstInput';
import { thinkingKnob } from './knob';

const Budget = lazy(() => import('./ThinkingBudget').then((m) => ({ default: m.ThinkingBudget })));
const Status = lazy(() => import('./ThinkingStatus').then((m) => ({ default: m.ThinkingStatus })));

const useThinks = () => useConfigStore((s) => thinkingKnob(s.config.agent.type) !== null);

export function ThinkingBudgetSlot() {
  if (!useThinks()) return null;
  return (
    <Suspense fallback={null}>
      <Budget />
    </Suspense>
  );
}

/** The status row's height (thinking.css .thinking-status). */
const STATUS_HEIGHT = 30;

export function ThinkingStatusSlot() {
  if (!useThinks()) return null;
  return (
    <Suspense fallback={<div style={{ height: STATUS_HEIGHT }} aria-hidden="true" />}>
      <Status />
    </Suspense>
  );
}

const History = lazy(() => import('../history/Timeline').then((m) => ({ default: m.Timeline })));

/** The history timeline: its chunk loads at the first key or pointer press, or once a run has
 *  recorded more than its start; until then its place is kept. */
export function TimelineSlot() {
  const recorded = useHistoryStore((s) => s.moments.length > 1);
  // Its height is the timeline's own (layout/playground.css sets it by the centre's width).
  const placeholder = <div className="timeline" aria-hidden="true" />;
  if (!useFirstInput('timeline', recorded)) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <History />
    </Suspense>
  );
}
