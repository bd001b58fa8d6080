/**
 * The selected cell: its type, reward (with a per-cell override for goal, pit, cliff and bonus cells)
 * and, once an agent has learned something, its value V and the Q value of each move.
 */
import { useState } from 'react';
import { CELL_NAMES, LIMITS } from '../../config/limits';
import { useConfigStore } from '../../store/configStore';
import { canHaveReward, cellChar, cellReward, setCellReward, typeReward } from '../../store/gridEdits';
import { selectShownFrame, useTrainingStore } from '../../store/trainingStore';
import { useUiStore } from '../../store/uiStore';
import { formatNumber } from '../common/paramSpec';

const ARROWS = ['↑', '→', '↓', '←'];

function RewardBox(props: { x: number; y: number; value: number | undefined; fallback: number }) {
  const edit = useConfigStore((s) => s.edit);
  const shown = props.value ?? props.fallback;
  const [text, setText] = useState(String(shown));
  const [seen, setSeen] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  if (seen !== shown) {
    setSeen(shown);
    setText(String(shown));
    setError(null);
  }
  const commit = (t: string) => {
    setText(t);
    const v = Number(t);
    if (t.trim() === '' || !Number.isFinite(v)) return setError('enter a number');
    if (Math.abs(v) > LIMITS.maxAbsReward)
      return setError(
        `must be from -${formatNumber(LIMITS.maxAbsReward)} to ${formatNumber(LIMITS.maxAbsReward)}`,
      );
    const r = edit((d) => setCellReward(d, props.x, props.y, v), {
      key: `cell-reward:${props.x},${props.y}`,
      quiet: true,
    });
    setError(r.ok ? null : r.message);
  };
  return (
    <span className="reward-box">
      <label htmlFor="cell-reward" title="This cell's own reward, instead of the reward for its type">
        Reward
      </label>
      <input
        id="cell-reward"
        type="number"
        step="any"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'cell-reward-err' : undefined}
        title="This cell's own reward, instead of the reward for its type"
        onChange={(e) => commit(e.target.value)}
        onBlur={() => setText(String(shown))}
      />
      {props.value !== undefined && (
        <button
          type="button"
          className="link"
          title={`Go back to the type's reward (${formatNumber(props.fallback)})`}
          onClick={() => edit((d) => setCellReward(d, props.x, props.y, null))}
        >
          use default
        </button>
      )}
      {error && (
        <span id="cell-reward-err" className="param-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

function LearnedValues({ index }: { index: number }) {
  // The frame on show: a recorded moment while the timeline views history, else the live one.
  const frame = useTrainingStore(selectShownFrame);
  if (!frame || index >= frame.nStates || !frame.values || !frame.q) return null;
  const q = frame.q;
  return (
    <span
      className="learned"
      title="What the agent has learned here: V is the value of the cell, Q of each move"
    >
      V <b>{formatNumber(frame.values[index])}</b>
      {ARROWS.map((a, k) => (
        <span key={a}>
          {' '}
          {a} {formatNumber(q[index * 4 + k])}
        </span>
      ))}
    </span>
  );
}

export function CellInspector() {
  const selected = useUiStore((s) => s.selected);
  const env = useConfigStore((s) => s.config.env);
  const width = env.grid[0].length;
  if (!selected || selected.y >= env.grid.length || selected.x >= width)
    return (
      <p className="inspector hint">
        Right-click a cell (or use the Inspect tool) to see its reward and what the agent learned there.
      </p>
    );
  const { x, y } = selected;
  const ch = cellChar(env, x, y);
  const own = cellReward(env, x, y);
  return (
    <div className="inspector" aria-label="Selected cell">
      <span>
        Row {y + 1}, column {x + 1}: <b>{CELL_NAMES[ch]}</b>
      </span>
      {canHaveReward(ch) ? (
        <RewardBox x={x} y={y} value={own} fallback={typeReward(env, ch)} />
      ) : ch !== '#' && ch !== 'S' ? (
        <span className="muted" title="Entering an empty cell pays the step reward">
          step reward {formatNumber(env.stepReward)}
        </span>
      ) : null}
      {ch !== '#' && <LearnedValues index={y * width + x} />}
    </div>
  );
}
