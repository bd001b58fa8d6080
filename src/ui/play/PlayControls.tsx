/**
 * The run bar's teacher controls: the "Play it yourself" toggle, the arrow pad while playing (on-screen
 * buttons for touch), "Forget my demonstrations", and with live grading "Good move" / "Bad move" and
 * what the reward source is (the schema's tooltip, never restated).
 */
import { useConfigStore } from '../../store/configStore';
import { play, usePlayStore } from '../../store/playStore';
import { rewardSource } from '../../store/teacherAdapter';
import { training } from '../../store/trainingController';
import { sectionSpecs } from '../common/schemaBounds';
import { usePlayKeys } from './usePlayKeys';
import './play.css';

const PAD = [
  { a: 0, label: 'Move up', icon: '↑', area: 'up' },
  { a: 3, label: 'Move left', icon: '←', area: 'left' },
  { a: 2, label: 'Move down', icon: '↓', area: 'down' },
  { a: 1, label: 'Move right', icon: '→', area: 'right' },
] as const;

/** What the config's reward source means, from the schema's tooltip (empty when the schema has none). */
function rewardSourceTip(): string {
  const spec = sectionSpecs('train').find((s) => s.key === 'rewardSource') as { tip?: string } | undefined;
  return spec?.tip ?? '';
}

export function PlayPad() {
  return (
    <div className="play-pad" role="group" aria-label="Your moves">
      {PAD.map((b) => (
        <button
          key={b.a}
          type="button"
          className={`play-pad-${b.area}`}
          aria-label={b.label}
          title={b.label}
          onClick={() => play.move(b.a)}
        >
          <span aria-hidden="true">{b.icon}</span>
        </button>
      ))}
    </div>
  );
}

export function LiveGrade() {
  return (
    <div className="live-grade" role="group" aria-label="Grade the agent's last move">
      <button type="button" onClick={() => training.grade(1)} aria-keyshortcuts="+" title="Good move (+)">
        Good move
      </button>
      <button type="button" onClick={() => training.grade(-1)} aria-keyshortcuts="-" title="Bad move (-)">
        Bad move
      </button>
      <span className="muted live-grade-tip">{rewardSourceTip()}</span>
    </div>
  );
}

export function PlayControls() {
  const on = usePlayStore((s) => s.on);
  const demos = useConfigStore((s) => s.config.demonstrations.length);
  const grading = useConfigStore((s) => rewardSource(s.config) === 'live-grade');
  usePlayKeys(grading);
  return (
    <>
      <button
        type="button"
        className={`play-yourself ${on ? 'is-on' : ''}`}
        aria-pressed={on}
        onClick={play.toggle}
        title="Play the world yourself with the arrow keys or WASD (training pauses)"
      >
        Play it yourself
      </button>
      {demos > 0 && (
        <button type="button" onClick={play.forget} title="Clear the episodes you played in this world">
          Forget my demonstrations
        </button>
      )}
      {on && <PlayPad />}
      {grading && !on && <LiveGrade />}
    </>
  );
}
