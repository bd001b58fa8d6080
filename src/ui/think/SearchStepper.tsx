/**
 * The current decision's search, one simulation at a time: the worker answers with the search after
 * its first k simulations, derived exactly from the tree the agent built (src/rl/agents/searchTrace.ts:
 * nothing is re-run, the run is not touched), and the grid's search overlay draws it. One row, the
 * thinking status's place and height: back, the simulations slider, forward, all; the count; the
 * root's visits per move (the move it would pick after k simulations in bold; after all of them, the
 * move the agent took); Done. What it shows is also said in words (a status line for screen readers,
 * and the row's tooltip).
 */
import { ACTION_NAMES } from '../../rl/grid';
import { thinking } from '../../store/trainingController';
import { useConfigStore } from '../../store/configStore';
import { useThinkingStore } from '../../store/thinkingStore';
import { useTrainingStore } from '../../store/trainingStore';

const ARROWS = ['↑', '→', '↓', '←'] as const;
const MOVE_WORDS = ['up', 'right', 'down', 'left'] as const;
const int = new Intl.NumberFormat('en-US');

export function SearchStepper() {
  const k = useThinkingStore((s) => s.k);
  const step = useThinkingStore((s) => s.step);
  const answered = useThinkingStore((s) => s.answered);
  const status = useTrainingStore((s) => s.status);
  const configured = useConfigStore((s) => (s.config.agent.type === 'mcts' ? s.config.agent.simulations : 0));
  const running = status === 'running' || status === 'pausing';
  const total = step?.total ?? configured;
  const shown = step?.k ?? Math.min(k, total);
  const go = (to: number) => thinking.stepTo(Math.max(0, Math.min(total, to)));
  const disabled = running || !step;
  let note: string;
  if (running) note = 'Pause to step through a search.';
  else if (!answered) note = 'Asking the worker…';
  else if (!step) note = 'No search yet for this move: press Step and the next move’s search shows here.';
  else
    note =
      step.choice < 0
        ? 'No simulation yet: the search has not chosen.'
        : shown === total
          ? `All simulations done: the agent moved ${ACTION_NAMES[step.choice]}.`
          : `After ${int.format(shown)} simulations the search would move ${ACTION_NAMES[step.choice]}.`;
  const visible = running || !step;
  return (
    <div
      className="thinking-status search-stepper"
      role="group"
      aria-label="Search stepper"
      data-testid="search-stepper"
      title={note}
    >
      <span className="thinking-label">Search</span>
      <button
        type="button"
        onClick={() => go(shown - 1)}
        disabled={disabled || shown === 0}
        aria-label="One simulation back"
        title="One simulation back"
      >
        ◀
      </button>
      <input
        type="range"
        min={0}
        max={Math.max(1, total)}
        step={1}
        value={shown}
        disabled={disabled}
        aria-label="Simulations of this move's search"
        aria-valuetext={`${shown} of ${total} simulations`}
        onChange={(e) => go(Number(e.target.value))}
      />
      <button
        type="button"
        onClick={() => go(shown + 1)}
        disabled={disabled || shown >= total}
        aria-label="One simulation more"
        title="One simulation more"
      >
        ▶
      </button>
      <button
        type="button"
        onClick={() => go(total)}
        disabled={disabled || shown >= total}
        aria-label="All simulations"
        title="The whole search, as the agent ran it"
      >
        All
      </button>
      <span className="stepper-count" data-testid="stepper-count">
        <b>{int.format(shown)}</b> / {int.format(total)}
      </span>
      {step && !running && (
        <span
          className="root-visits"
          role="group"
          aria-label="Visits per first move"
          title="How often the search tried each move from where the agent stands"
        >
          <span className="root-visits-label" aria-hidden="true">
            visits per first move
          </span>
          {ARROWS.map((a, i) => (
            <span
              key={a}
              className={i === step.choice ? 'chosen' : undefined}
              aria-label={`${MOVE_WORDS[i]}: ${int.format(step.rootVisits[i])}${i === step.choice ? ', chosen' : ''}`}
            >
              {a}
              {int.format(step.rootVisits[i])}
            </span>
          ))}
        </span>
      )}
      <span
        className={visible ? 'muted stepper-note' : 'visually-hidden'}
        role="status"
        data-testid="stepper-note"
      >
        {note}
      </span>
      <button
        type="button"
        className="link stepper-done"
        onClick={() => thinking.close()}
        title="Close the stepper: the overlay shows the live search again"
      >
        Done
      </button>
    </div>
  );
}
