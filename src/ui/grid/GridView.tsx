/**
 * The grid picture (GridOverlay's canvas, fed by the latest training frame, with the greedy path when
 * that overlay is on) with the labelled cell buttons stacked exactly over it, scaled to fill the space
 * it is given (a stage that takes the room left over in a column, or on a narrow screen one shaped like
 * the grid at the column's width). What the history timeline and the search add (the changed cells,
 * the search on show) come in as props (layout/ShownGrid.tsx connects them).
 */
import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type RefObject,
} from 'react';
import { useConfigStore } from '../../store/configStore';
import { selectShownFrame, useTrainingStore } from '../../store/trainingStore';
import { useUiStore } from '../../store/uiStore';
import { usePainter } from '../editor/usePainter';
import { GridOverlay } from './overlay/GridOverlay';
import { CellButtons } from './CellButtons';
import { useCellCodes } from './useCellCodes';
import { useGreedyPath } from './useGreedyPath';
import type { SearchDraw } from './overlay/drawSearch';
import { usePlayStore } from '../../store/playStore';
import { YouToken } from '../play/YouToken';

/** While you play, the grid paints nothing. */
const NO_PAINT = { begin: () => {}, end: () => {}, activate: () => {} };

/** The grid's stage: the skip link's target (Header.tsx). */
export const GRID_ID = 'grid';
const MIN_CELL = 8;
const MAX_CELL = 96;
/** Room kept around the board for its outline ring, which the stage would otherwise clip. */
const RING = 2;

/** Largest whole cell size that fits `box` (falls back to 40 px before the box is measured). */
export function fitCellSize(box: { w: number; h: number }, width: number, height: number): number {
  if (box.w <= 0 || box.h <= 0) return 40;
  const size = Math.floor(Math.min(box.w / width, box.h / height));
  return Math.max(MIN_CELL, Math.min(MAX_CELL, size));
}

function useBoxSize(ref: RefObject<HTMLElement | null>): { w: number; h: number } {
  const [box, setBox] = useState({ w: 0, h: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const r = el.getBoundingClientRect();
      setBox((b) => (b.w === r.width && b.h === r.height ? b : { w: r.width, h: r.height }));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return box;
}

export interface GridViewProps {
  /** Cells to outline as changed since the previous snapshot ("What changed"), or null. */
  changed?: Uint8Array | null;
  /** The search to draw (the thinking stepper's or the live frame's), or null. */
  search?: SearchDraw | null;
}

export function GridView({ changed = null, search = null }: GridViewProps) {
  const env = useConfigStore((s) => s.config.env);
  const frame = useTrainingStore(selectShownFrame);
  // Announced for tests and tools: the run's status, and the episodes and steps of the frame on the grid.
  const runStatus = useTrainingStore((s) => s.status);
  const runEpisode = useTrainingStore((s) => s.episode);
  const runSteps = useTrainingStore((s) => s.totalSteps);
  const show = useUiStore((s) => s.show);
  const select = useUiStore((s) => s.select);
  const playing = usePlayStore((s) => s.on);
  const paint = usePainter();
  const painter = playing ? NO_PAINT : paint;
  const stageRef = useRef<HTMLDivElement>(null);
  const box = useBoxSize(stageRef);
  const [hover, setHover] = useState<number | null>(null);

  const width = env.grid[0].length;
  const height = env.grid.length;
  const cellSize = fitCellSize({ w: box.w - 2 * RING, h: box.h - 2 * RING }, width, height);

  const { cells } = useCellCodes();
  const greedy = useGreedyPath();

  const rewards = useMemo(
    () => new Map(env.cellRewards.map((c) => [c.y * width + c.x, c.reward] as const)),
    [env.cellRewards, width],
  );

  const onFocusCell = useCallback((x: number, y: number) => select({ x, y }), [select]);
  const f = frame && frame.nStates === width * height ? frame : null;

  return (
    // --grid-ratio (rows / columns) lets a stacked layout give the stage the grid's shape (playground.css).
    <div
      className="grid-stage"
      id={GRID_ID}
      ref={stageRef}
      data-run-status={runStatus}
      data-episode={runEpisode}
      data-steps={runSteps}
      style={{ '--grid-ratio': height / width } as CSSProperties}
    >
      <div className="grid-board" style={{ width: width * cellSize, height: height * cellSize }}>
        <GridOverlay
          width={width}
          height={height}
          cells={cells}
          cellSize={cellSize}
          cellRewards={rewards}
          values={f?.values}
          q={f?.q}
          policy={f?.policy}
          visits={f?.visits}
          episodeVisits={f?.episodeVisits}
          trail={f?.trail}
          shaped={f?.shaped}
          learned={f?.learned}
          trailLength={f?.trail.length ?? 0}
          agent={f ? f.agent : null}
          show={show}
          hoverCell={hover}
          greedyPath={greedy && greedy.outcome !== 'none' ? greedy : null}
          changed={changed}
          search={search}
        />
        <CellButtons
          grid={env.grid}
          rewards={rewards}
          cellSize={cellSize}
          painter={painter}
          onHover={setHover}
          onFocusCell={onFocusCell}
        />
        {playing && <YouToken width={width} cellSize={cellSize} />}
      </div>
    </div>
  );
}
