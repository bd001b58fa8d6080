/** Switches for each overlay, and the value colour legend when the heatmap shows. */
import { useTrainingStore } from '../../store/trainingStore';
import { useUiStore, type VisitsMode } from '../../store/uiStore';
import { ValueLegend } from './overlay/GridOverlay';
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
