/**
 * Beside the status line, for agents that think between moves: the budget per move (MCTS
 * simulations, Dyna-Q planning steps) and the measured milliseconds a move takes, from the worker's
 * progress; for MCTS a button that opens the search stepper, which takes this row's place (at the same
 * height, so the grid below keeps its size) until it is closed. Nothing for other agents.
 */
import { thinking as thinkingActions } from '../../store/trainingController';
import { useConfigStore } from '../../store/configStore';
import { useThinkingStore } from '../../store/thinkingStore';
import { useUiStore } from '../../store/uiStore';
import { SearchStepper } from './SearchStepper';
import { thinkingKnob } from './knob';
import './thinking.css';

const int = new Intl.NumberFormat('en-US');

/** "0.042 ms", "3.1 ms", "120 ms", "2.4 s". */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toPrecision(2)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  return `${Number(ms.toPrecision(2))} ms`;
}

export function ThinkingStatus() {
  const type = useConfigStore((s) => s.config.agent.type);
  const t = useThinkingStore((s) => s.thinking);
  const open = useThinkingStore((s) => s.open);
  const knob = thinkingKnob(type);
  if (!knob) return null;
  const search = knob === 'simulations';
  if (search && open) return <SearchStepper />;
  return (
    <div
      className="thinking-status"
      role="group"
      aria-label="Thinking per move"
      data-testid="thinking-status"
    >
      <span className="thinking-label">Thinking</span>
      <span
        title={
          search
            ? 'Imagined episodes the search plays out before every real move'
            : 'Remembered steps replayed from the model after every real move'
        }
      >
        <b data-testid="thinking-per-move">{t ? int.format(t.perMove) : '–'}</b>{' '}
        {t?.unit ?? (search ? 'simulations' : 'planning steps')} per move
      </span>
      <span className="muted" aria-hidden="true">
        ·
      </span>
      <span title="Time one real move takes, thinking included (measured since the last update)">
        <b data-testid="ms-per-move">{t?.msPerMove != null ? formatMs(t.msPerMove) : '–'}</b> per move
      </span>
      {search && (
        <button
          type="button"
          className="link"
          onClick={() => {
            useUiStore.getState().setShow({ search: true });
            thinkingActions.open(1);
          }}
          title="Watch the current move's search grow one simulation at a time (the run is not touched)"
        >
          Step through the search
        </button>
      )}
    </div>
  );
}
