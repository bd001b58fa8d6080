import { DEFAULT_CONFIG } from './config/defaults';
import { CELL_NAMES, type CellChar } from './config/limits';

/** Minimal shell: the default world as labelled cells (the playground replaces this). */
export default function App() {
  const grid = DEFAULT_CONFIG.env.grid;
  return (
    <main>
      <h1>Gridworld RL Playground</h1>
      <div
        role="grid"
        aria-label="Gridworld"
        style={{ display: 'grid', gridTemplateColumns: `repeat(${grid[0].length}, 40px)` }}
      >
        {grid.flatMap((row, y) =>
          [...row].map((ch, x) => (
            <button
              key={`${x},${y}`}
              aria-label={`row ${y + 1}, column ${x + 1}: ${CELL_NAMES[ch as CellChar]}`}
            >
              {ch === '.' ? '' : ch}
            </button>
          )),
        )}
      </div>
    </main>
  );
}
