// While the timeline shows a recorded moment, the value legend and the cell inspector give that
// moment's numbers (the frame the grid draws), and the live ones again when back to live; "What
// changed" is drawn in the theme's colours.
import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetConfigStore, useConfigStore } from '../../src/store/configStore';
import { resetHistory } from '../../src/store/historyStore';
import { useTrainingStore } from '../../src/store/trainingStore';
import { DEFAULT_SHOW, useUiStore } from '../../src/store/uiStore';
import { CellInspector } from '../../src/ui/editor/CellInspector';
import { OverlayToggles } from '../../src/ui/grid/OverlayToggles';
import { drawChanged } from '../../src/ui/grid/overlay/drawChanged';
import { getPalette } from '../../src/ui/grid/overlay/palette';
import { themeColors } from '../../src/ui/theme';
import { makeProgress } from './fakeWorker';
import { recordingContext } from './overlayCanvasStub';

let n = 0;
let cell = { x: 0, y: 0 };

/** A frame whose open cells all hold `v` (Q likewise, each move v + k / 10). */
function frameWith(v: number) {
  const f = makeProgress(n, 100).frame;
  f.values = new Float64Array(n).fill(v);
  f.q = new Float64Array(n * 4).map((_, i) => v + (i % 4) / 10);
  return f;
}

beforeEach(() => {
  resetConfigStore();
  resetHistory();
  const { grid } = useConfigStore.getState().config.env;
  n = grid.length * grid[0].length;
  const y = grid.findIndex((row) => row.includes('.'));
  cell = { x: grid[y].indexOf('.'), y };
  useUiStore.setState({ show: { ...DEFAULT_SHOW, values: true }, selected: cell });
  useTrainingStore.setState({ frame: frameWith(2), viewed: null });
});

describe('the history view’s numbers', () => {
  it('the cell inspector reads the moment on show, then live again', () => {
    render(<CellInspector />);
    const learned = () => screen.getByTitle(/What the agent has learned here/);
    expect(learned()).toHaveTextContent('V 2');
    act(() => useTrainingStore.setState({ viewed: frameWith(0.5) }));
    expect(learned()).toHaveTextContent('V 0.5');
    expect(learned()).toHaveTextContent('→ 0.6');
    act(() => useTrainingStore.setState({ viewed: null }));
    expect(learned()).toHaveTextContent('V 2');
  });

  it('the value legend reads the moment on show, then live again', () => {
    const at = cell.y * useConfigStore.getState().config.env.grid[0].length + cell.x;
    const live = frameWith(2);
    live.values![at] = 1;
    useTrainingStore.setState({ frame: live });
    render(<OverlayToggles />);
    const min = () => screen.getByTestId('legend-min');
    const max = () => screen.getByTestId('legend-max');
    expect(min()).toHaveTextContent('1');
    expect(max()).toHaveTextContent('2');
    const past = frameWith(0);
    past.values![at] = -1.5;
    act(() => useTrainingStore.setState({ viewed: past }));
    expect(min()).toHaveTextContent('-1.50');
    expect(max()).toHaveTextContent('0');
    act(() => useTrainingStore.setState({ viewed: null }));
    expect(min()).toHaveTextContent('1');
    expect(max()).toHaveTextContent('2');
  });
});

describe('"What changed" colours', () => {
  it('come from the theme, light and dark', () => {
    for (const theme of ['light', 'dark'] as const) {
      const { grid } = themeColors(theme);
      const rec = recordingContext();
      const g = { width: 2, height: 1, cs: 40, cells: new Uint8Array(2) };
      expect(drawChanged(rec.ctx, g, getPalette(theme), [1, 0])).toBe(1);
      expect(rec.callsWith('stroke', 'strokeStyle', grid.changed)).toBe(1);
      expect(rec.callsWith('stroke', 'strokeStyle', grid.changedHalo)).toBe(1);
    }
  });
});
