/** Play / pause, single step, single episode, reset, the speed slider, and the reward warning under them. */
import { SPEEDS } from '../../worker/protocol';
import { useConfigStore } from '../../store/configStore';
import { training } from '../../store/trainingController';
import { useTrainingStore } from '../../store/trainingStore';
import { RewardWarning } from './RewardWarning';
import { ThinkingBudgetSlot } from '../think/onDemand';
import { PlayControls } from '../play/PlayControls';

export function Controls() {
  const status = useTrainingStore((s) => s.status);
  const speedIndex = useTrainingStore((s) => s.speedIndex);
  const batch = useConfigStore((s) => s.config.train.episodes);
  const running = status === 'running';
  const blocked = status === 'starting' || status === 'error';
  const playLabel = running ? 'Pause' : status === 'done' ? 'Continue' : 'Play';
  const playTip = running
    ? 'Pause training (Space)'
    : status === 'done'
      ? `Done: train ${batch.toLocaleString('en-US')} more episodes (Space)`
      : 'Start training (Space)';
  const speed = SPEEDS[speedIndex];
  return (
    <div className="controls-area">
      <div className="controls" role="toolbar" aria-label="Training controls">
        <button
          type="button"
          className={`primary play ${running ? 'is-running' : ''}`}
          onClick={training.toggle}
          disabled={blocked}
          title={playTip}
          aria-keyshortcuts="Space"
        >
          <span aria-hidden="true" className="icon">
            {running ? '❚❚' : '▶'}
          </span>
          {playLabel}
        </button>
        {[
          { label: 'Step', run: training.step, title: 'Take one step (S)', key: 'S' },
          { label: 'Episode', run: training.episode, title: 'Run one whole episode (E)', key: 'E' },
        ].map((b) => (
          <button
            key={b.label}
            type="button"
            onClick={b.run}
            disabled={blocked}
            title={b.title}
            aria-keyshortcuts={b.key}
          >
            {b.label}
          </button>
        ))}
        <button
          type="button"
          onClick={training.reset}
          disabled={status === 'starting'}
          title="Forget everything learned and start over (R)"
          aria-keyshortcuts="R"
        >
          Reset
        </button>
        <ThinkingBudgetSlot />
        <label className="speed" title={speed.tip}>
          <span>Speed</span>
          <input
            type="range"
            min={0}
            max={SPEEDS.length - 1}
            step={1}
            value={speedIndex}
            aria-label="Speed"
            aria-valuetext={speed.label}
            onChange={(e) => training.setSpeed(Number(e.target.value))}
          />
          <span className="speed-label">{speed.label}</span>
        </label>
        <PlayControls />
      </div>
      <RewardWarning />
    </div>
  );
}
