/**
 * What every symbol on the grid means: the cell kinds, the policy arrows and the faint four-way
 * "no preference yet" mark, Q triangles, value and visit shading, the trail, the agent, the greedy path
 * and its loop marker. Each entry is text with a small picture painted by the grid's own drawing code
 * (GridOverlay on a one-to-three-cell grid, same palette and sprites), so picture and grid always match.
 * This is the bare list: the Legend button (GridLegend.tsx) loads it the first time it opens; it can also
 * have a place of its own.
 */
import type { CSSProperties } from 'react';
import { Cell } from '../../rl/grid';
import { GridOverlay, type OverlayShow } from './overlay/GridOverlay';
import type { OverlayData } from './overlay/drawOverlay';

type Swatch = Omit<OverlayData, 'cellSize'>;

interface Entry {
  name: string;
  text: string;
  swatch: Swatch;
}

const OFF: OverlayShow = { values: false, policy: false, q: false, visits: 'off', trail: false };
const one = (code: number, more: Partial<Swatch> = {}): Swatch => ({
  width: 1,
  height: 1,
  cells: Uint8Array.of(code),
  show: OFF,
  ...more,
});
const row = (n: number, more: Partial<Swatch>): Swatch => ({
  width: n,
  height: 1,
  cells: new Uint8Array(n),
  show: OFF,
  ...more,
});

/** The legend's entries, in reading order: cells first, then what the overlays draw. */
export const LEGEND_ENTRIES: readonly Entry[] = [
  { name: 'Start', text: 'where every episode begins', swatch: one(Cell.Start) },
  { name: 'Goal', text: 'pays its reward and ends the episode', swatch: one(Cell.Goal) },
  { name: 'Pit', text: 'pays its (usually negative) reward and ends the episode', swatch: one(Cell.Pit) },
  { name: 'Cliff', text: 'pays its penalty and sends the agent back to the start', swatch: one(Cell.Cliff) },
  { name: 'Bonus', text: 'pays its reward every time it is entered', swatch: one(Cell.Bonus) },
  { name: 'Wall', text: 'cannot be entered: the agent bumps and stays put', swatch: one(Cell.Wall) },
  {
    name: 'Policy arrow',
    text: 'the move the agent thinks best; two or more arrows: tied',
    swatch: one(Cell.Empty, { policy: Float64Array.of(0, 1, 0, 0), show: { ...OFF, policy: true } }),
  },
  {
    name: 'Faint four-way mark',
    text: 'no preference yet: all four moves look equally good',
    swatch: one(Cell.Empty, {
      policy: Float64Array.of(0.25, 0.25, 0.25, 0.25),
      show: { ...OFF, policy: true },
    }),
  },
  {
    name: 'Q triangles',
    text: 'one per move, coloured by its Q value: blue better, red worse',
    swatch: one(Cell.Empty, { q: Float64Array.of(1, 0.3, -1, -0.4), show: { ...OFF, q: true } }),
  },
  {
    name: 'Value shading',
    text: 'cells coloured by their value: blue pays more, red less (scale under the grid)',
    swatch: row(3, { values: Float64Array.of(-1, 0, 1), valueScale: 1, show: { ...OFF, values: true } }),
  },
  {
    name: 'Visit shading',
    text: 'darker: visited more often (a bar at the foot of the cell when values are shown)',
    swatch: row(3, { visits: Uint32Array.of(1, 10, 100), show: { ...OFF, visits: 'all' } }),
  },
  {
    name: 'Trail',
    text: "the current episode's path, fading with age",
    swatch: row(3, { trail: Int32Array.of(0, 1, 2), trailLength: 3, show: { ...OFF, trail: true } }),
  },
  { name: 'Agent', text: 'where the agent is now', swatch: one(Cell.Empty, { agent: 0 }) },
  {
    name: 'Greedy path',
    text: 'where the agent would go from the start without exploring; the line under the grid says where it ends',
    swatch: row(3, { greedyPath: { cells: [0, 1, 2], loopTo: -1 } }),
  },
  {
    name: 'Loop marker',
    text: 'the greedy path comes back to this cell and would go round forever',
    swatch: row(2, { greedyPath: { cells: [0, 1], loopTo: 0 } }),
  },
  {
    name: 'Search discs',
    text: "a search agent's last search (Search switch): a teal disc in each cell it imagined, bigger for more visits",
    swatch: row(3, { search: { visits: Uint32Array.of(1, 8, 60), line: [] }, show: { ...OFF, search: true } }),
  },
  {
    name: 'Search line',
    text: 'the line of moves the search chose, from the agent, with an arrowhead at its end',
    swatch: row(3, { search: { visits: new Uint32Array(3), line: [0, 1, 2] }, show: { ...OFF, search: true } }),
  },
];

const SWATCH_CELL = 22;

const listStyle: CSSProperties = {
  listStyle: 'none',
  margin: 0,
  padding: 0,
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(15em, 1fr))',
  gap: '6px 16px',
  fontSize: '0.85em',
  lineHeight: 1.25,
};
const itemStyle: CSSProperties = { display: 'flex', alignItems: 'center', gap: 8 };
const swatchBox: CSSProperties = {
  flex: 'none',
  width: SWATCH_CELL * 3,
  display: 'flex',
  justifyContent: 'center',
};

/** The entries as a list (text for every symbol; the pictures are decoration). */
export function GridLegendList() {
  return (
    <ul aria-label="Grid legend" style={listStyle}>
      {LEGEND_ENTRIES.map((e) => (
        <li key={e.name} style={itemStyle}>
          <span style={swatchBox}>
            <GridOverlay
              {...e.swatch}
              cellSize={SWATCH_CELL}
              style={{ border: '1px solid rgba(127,127,127,0.5)', borderRadius: 2 }}
            />
          </span>
          <span>
            <b>{e.name}</b>: {e.text}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** "Legend" among the overlay switches: opens the list over the grid; Escape or a second press closes it. */
