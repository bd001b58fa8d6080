/**
 * Switches for each overlay (with the shaped view under potential shaping, and the grid's legend), the
 * value colour legend when the heatmap shows, saying what the values are, and where the greedy path
 * leads when that overlay is on.
 */
import { useEffect } from 'react';
import { isLearningAgent } from '../../config/agentKinds';
import { useConfigStore } from '../../store/configStore';
import { selectShownFrame, useTrainingStore } from '../../store/trainingStore';
import { useUiStore, type VisitsMode } from '../../store/uiStore';
import { GridLegend } from './GridLegend';
import { describeGreedyPath } from './greedyPath';
import { ValueLegend } from './overlay/GridOverlay';
import { useGreedyPath } from './useGreedyPath';
import { openRange, useCellCodes } from './useCellCodes';
import { isOpenCell } from './overlay/minMax';

function Toggle(props: {
  label: string;
  tip: string;
  checked: boolean;
  disabled?: boolean;
  onChange(v: boolean): void;
}) {
  return (
    <label className="toggle" title={props.tip}>
      <input
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      {props.label}
    </label>
  );
}

/** The heatmap's title: what its colour is. */
export const VALUE_LABEL = 'V: the agent’s estimate of what the world will pay';

export interface ValueCaption {
  label: string;
  tip: string;
}

/**
 * What the heatmap's values are. `shapedShown`: the learned values under potential shaping are drawn;
 * `naive` / `bonus`: the agent learns from naive shaping / a count bonus (values that include rewards the
 * world never pays, and that cannot be taken out again).
 */
export function valueCaption(o: {
  shapedShown: boolean;
  naive: boolean;
  bonus: boolean;
  /** The world's values were recovered from values learned with potential shaping. */
  recovered?: boolean;
}): ValueCaption {
  if (o.shapedShown)
    return {
      label: 'Shaped value',
      tip: "What the agent learned with potential shaping: the world's value minus phi(s), so cells far from the goal look best. Untick ‘Shaped values’ to see what the world pays",
    };
  const extra = [o.naive && 'naive shaping', o.bonus && 'exploration bonus'].filter(Boolean).join(' + ');
  if (extra)
    return {
      label: `V incl. ${extra}`,
      tip: `The values the agent learned, including the ${extra} rewards it was given: not what the world pays (they cannot be taken out again, as potential shaping can)`,
    };
  return {
    label: VALUE_LABEL,
    tip: o.recovered
      ? "The agent's estimate of the discounted reward the world will pay from each cell, recovered exactly from what it learned with potential shaping (learned + phi(s)). Cells it has not updated yet are left blank (not learned yet): there the table still holds the shaping's starting guess, not a value"
      : "The agent's estimate of the discounted reward the world will pay from each cell",
  };
}

function Legend() {
  const shapedShown = useUiStore((s) => s.show.shaped);
  // The frame on show (a recorded moment while the timeline views history), as the grid draws it.
  const values = useTrainingStore((s) => {
    const f = selectShownFrame(s);
    return shapedShown && f?.shaped ? f.shaped.values : f?.values;
  });
  const hasShaped = useTrainingStore((s) => !!selectShownFrame(s)?.shaped);
  const learned = useTrainingStore((s) => selectShownFrame(s)?.learned ?? null);
  const agentType = useConfigStore((s) => s.config.agent.type);
  const train = useConfigStore((s) => s.config.train);
  const { cells } = useCellCodes();
  const { min, max } = openRange(values, cells, learned);
  const unlearned = learned ? notLearned(learned, cells) : 0;
  if (min === max)
    return (
      <span className="hint" data-testid="value-legend-empty">
        {unlearned > 0
          ? 'Not learned yet: values appear here as the agent learns.'
          : 'Values appear here as the agent learns.'}
      </span>
    );
  const learner = isLearningAgent(agentType);
  const caption = valueCaption({
    shapedShown: shapedShown && hasShaped,
    recovered: hasShaped,
    naive: learner && train.shaping === 'naive',
    bonus: learner && train.countBonus > 0,
  });
  return (
    <>
      <ValueLegend min={min} max={max} label={caption.label} title={caption.tip} width={110} />
      {unlearned > 0 && (
        <span className="hint" data-testid="value-legend-unlearned">
          blank: not learned yet ({unlearned} cell{unlearned === 1 ? '' : 's'})
        </span>
      )}
    </>
  );
}

/** Open cells the agent has not updated yet (the frame's learned mask is 0 there). */
function notLearned(learned: Uint8Array, cells: Uint8Array): number {
  let n = 0;
  for (let s = 0; s < cells.length && s < learned.length; s++) if (isOpenCell(cells[s]) && !learned[s]) n++;
  return n;
}

/** "Greedy path: reaches the goal in N steps" and the like, under the toggles. */
export function GreedyPathText() {
  const path = useGreedyPath();
  if (!path) return null;
  const tip =
    path.outcome === 'none'
      ? 'All four moves from the start look equally good: the agent has not learned anything there yet'
      : path.outcome === 'undecided'
        ? 'The path reaches a cell where all four moves still look equally good: from there the agent would pick at random'
        : path.outcome === 'loop'
          ? 'Taking its best move in every cell, the agent ends up going round in a circle: an untrained policy, or a loop that farms a reward (reward hacking)'
          : 'Where the agent would go from the start if it always took its best move, and never slipped';
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
  const hasShaped = useTrainingStore((s) => !!selectShownFrame(s)?.shaped);
  // Offered when the setup asks a learning agent for potential shaping (a setup change, never mid-run, so
  // the row only changes when the run is rebuilt anyway); usable once the run's frames carry them.
  const potential = useConfigStore(
    (s) => s.config.train.shaping === 'potential' && isLearningAgent(s.config.agent.type),
  );
  const searches = useConfigStore((s) => s.config.agent.type === 'mcts');
  // A search agent's search is the thing to watch: its overlay comes on when one is chosen (a lesson, the
  // agent picker or a link); the switch turns it off again.
  useEffect(() => {
    if (searches) useUiStore.getState().setShow({ search: true });
  }, [searches]);
  return (
    <div className="overlay-toggles" role="group" aria-label="Overlays">
      <Toggle
        label="Values"
        tip="Colour each cell by its value V: blue is good, red is bad"
        checked={show.values}
        onChange={(values) => setShow({ values })}
      />
      {potential && (
        <Toggle
          label="Shaped values"
          tip="Show the values the agent learned with potential shaping (the world's value minus phi(s)) instead of what the world pays"
          checked={show.shaped && hasShaped}
          disabled={!hasShaped}
          onChange={(shaped) => setShow({ shaped })}
        />
      )}
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
      {searches && (
        <Toggle
          label="Search"
          tip="Where the last search looked (teal discs, bigger = visited more) and the line it chose (teal arrow from the agent)"
          checked={show.search}
          onChange={(search) => setShow({ search })}
        />
      )}
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
      <GridLegend />
      {show.values && <Legend />}
    </div>
  );
}
