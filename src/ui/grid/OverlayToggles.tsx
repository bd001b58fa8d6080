/**
 * Switches for each overlay, the value colour legend when the heatmap shows, and where the greedy
 * path leads when that overlay is on.
 */
import { useTrainingStore } from '../../store/trainingStore';
import { useUiStore, type VisitsMode } from '../../store/uiStore';
import { describeGreedyPath } from './greedyPath';
import { ValueLegend } from './overlay/GridOverlay';
import { useGreedyPath } from './useGreedyPath';
import { openRange, useCellCodes } from './useCellCodes';

function Toggle(props: { label: string; tip: string; checked: boolean; onChange(v: boolean): void }) {
  return (
    <label className="toggle" title={props.tip}>
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      {props.label}
    </label>
  );
}

function Legend() {
  const values = useTrainingStore((s) => s.frame?.values);
  const { cells } = useCellCodes();
  const { min, max } = openRange(values, cells);
  if (min === max) return <span className="hint">Values appear here as the agent learns.</span>;
  return <ValueLegend min={min} max={max} label="Value V" />;
}

/** "Greedy path: reaches the goal in N steps" and the like, under the toggles. */
export function GreedyPathText() {
  const path = useGreedyPath();
  if (!path) return null;
  const tip =
    path.outcome === 'none'
      ? 'All four moves from the start look equally good: the agent has not learned anything there yet'
      : path.outcome === 'loop'
        ? 'Following its best move in every cell, the agent comes back to a cell it already visited: an untrained policy, or a loop that farms a reward (reward hacking)'
        : 'Where the agent would go from the start if it always took its best move and never slipped';
  return (
    <p className={`greedy-text greedy-${path.outcome}`} role="status" title={tip} data-testid="greedy-path">
      <span className="greedy-swatch" aria-hidden="true" />
      {describeGreedyPath(path)}
    </p>
  );
}

export function OverlayToggles() {
  const show = useUiStore((s) => s.show);
  const setShow = useUiStore((s) => s.setShow);
  return (
    <div className="overlay-toggles" role="group" aria-label="Overlays">
      <Toggle
        label="Values"
        tip="Colour each cell by its learned value V: blue is good, red is bad"
        checked={show.values}
        onChange={(values) => setShow({ values })}
      />
      <Toggle
        label="Policy"
        tip="Arrows for the move the agent thinks is best in each cell"
        checked={show.policy}
        onChange={(policy) => setShow({ policy })}
      />
      <Toggle
        label="Q values"
        tip="Four triangles per cell, one per move, coloured by its learned Q value (hover a cell to see just that one)"
        checked={show.q}
        onChange={(q) => setShow({ q })}
      />
      <Toggle
        label="Trail"
        tip="The agent and the path of its current episode"
        checked={show.trail}
        onChange={(trail) => setShow({ trail })}
      />
      <Toggle
        label="Greedy path"
        tip="Dashed line: the path from the start if the agent always took its best move (ignoring slip); a circular arrow marks a loop"
        checked={show.greedy}
        onChange={(greedy) => setShow({ greedy })}
      />
      <label className="toggle" title="Shade cells by how often the agent visited them">
        Visits
        <select
          value={show.visits}
          onChange={(e) => setShow({ visits: e.target.value as VisitsMode })}
          aria-label="Visit counts"
        >
          <option value="off">off</option>
          <option value="episode">this episode</option>
          <option value="all">all episodes</option>
        </select>
      </label>
      {show.values && <Legend />}
    </div>
  );
}
