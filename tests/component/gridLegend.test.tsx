import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetConfigStore, useConfigStore } from '../../src/store/configStore';
import { initialTrainingState, useTrainingStore } from '../../src/store/trainingStore';
import { DEFAULT_SHOW, useUiStore } from '../../src/store/uiStore';
import { GridLegend } from '../../src/ui/grid/GridLegend';
import { GridLegendList, LEGEND_ENTRIES } from '../../src/ui/grid/GridLegendList';
import { OverlayToggles, valueCaption } from '../../src/ui/grid/OverlayToggles';
import { getPalette } from '../../src/ui/grid/overlay/palette';
import type { Frame } from '../../src/worker/protocol';
import { recordingContext, type RecordingContext } from './overlayCanvasStub';

let frames: FrameRequestCallback[] = [];
let rec: RecordingContext;

beforeEach(() => {
  frames = [];
  rec = recordingContext();
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
  vi.stubGlobal('cancelAnimationFrame', () => {});
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
    (() => rec.ctx) as unknown as HTMLCanvasElement['getContext'],
  );
  vi.stubGlobal(
    'matchMedia',
    (q: string) => ({ matches: false, media: q, addEventListener() {}, removeEventListener() {} }) as unknown,
  );
  resetConfigStore();
  useTrainingStore.setState(initialTrainingState());
  useUiStore.setState({ show: DEFAULT_SHOW });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function flushFrames() {
  const fs = frames;
  frames = [];
  act(() => fs.forEach((f) => f(performance.now())));
}

describe('GridLegend', () => {
  it('is a Legend button that opens a list naming every symbol in words, and closes with Escape', async () => {
    const user = userEvent.setup();
    render(<GridLegend />);
    const button = screen.getByRole('button', { name: 'Legend' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('list', { name: 'Grid legend' })).toBeNull();
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const region = screen.getByRole('region', { name: 'Legend' });
    expect(button).toHaveAttribute('aria-controls', region.id);
    const items = await within(region).findAllByRole('listitem');
    expect(items).toHaveLength(LEGEND_ENTRIES.length);
    const text = items.map((li) => li.textContent ?? '');
    for (const name of ['Start', 'Goal', 'Pit', 'Cliff', 'Bonus', 'Wall']) {
      expect(text.some((t) => t.startsWith(`${name}:`))).toBe(true);
    }
    expect(text).toContainEqual(expect.stringMatching(/^Faint four-way mark: no preference yet/));
    expect(text).toContainEqual(expect.stringMatching(/^Policy arrow: /));
    expect(text).toContainEqual(expect.stringMatching(/^Q triangles: /));
    expect(text).toContainEqual(expect.stringMatching(/^Visit shading: /));
    expect(text).toContainEqual(expect.stringMatching(/^Trail: /));
    expect(text).toContainEqual(expect.stringMatching(/^Agent: /));
    expect(text).toContainEqual(expect.stringMatching(/^Greedy path: .*the line under the grid/));
    expect(text).toContainEqual(expect.stringMatching(/^Loop marker: /));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Legend' })).toBeNull();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();
    await user.click(button);
    await user.click(button);
    expect(screen.queryByRole('region', { name: 'Legend' })).toBeNull();
  });

  it("paints each picture with the grid's own drawing code and palette, as decoration", () => {
    const { container } = render(<GridLegendList />);
    const canvases = container.querySelectorAll('canvas');
    expect(canvases).toHaveLength(LEGEND_ENTRIES.length);
    canvases.forEach((c) => expect(c).toHaveAttribute('aria-hidden', 'true'));
    flushFrames();
    const p = getPalette('light');
    // One pixel image per picture, and the vector layers in the grid's colours.
    expect(rec.count('putImageData')).toBe(LEGEND_ENTRIES.length);
    expect(rec.callsWith('stroke', 'strokeStyle', p.greedy)).toBeGreaterThanOrEqual(2);
    expect(rec.callsWith('stroke', 'strokeStyle', p.trail)).toBeGreaterThan(0);
    expect(rec.callsWith('fill', 'fillStyle', p.agentFill)).toBe(1);
  });
});

function frameWith(values: number[], shaped?: number[], learned?: number[]): Frame {
  const n = values.length;
  return {
    nStates: n,
    learned: learned ? Uint8Array.from(learned) : null,
    values: Float64Array.from(values),
    q: new Float64Array(n * 4),
    shaped: shaped ? { values: Float64Array.from(shaped), q: new Float64Array(n * 4) } : null,
    policy: null,
    visits: new Uint32Array(n),
    episodeVisits: new Uint32Array(n),
    trail: Int32Array.of(0),
    agent: 0,
  };
}

describe('the value legend says what the heatmap shows', () => {
  const legend = () => screen.getByRole('img', { name: /colour scale/ });
  const shapedToggle = () => screen.getByRole('checkbox', { name: 'Shaped values' });

  beforeEach(() => {
    act(() => void useConfigStore.getState().edit((d) => void (d.env.grid = ['S...', '...G'])));
  });

  it('shows what the world pays, and the learned shaped values only when asked (potential shaping)', async () => {
    const user = userEvent.setup();
    render(<OverlayToggles />);
    act(() => useTrainingStore.setState({ frame: frameWith([-0.5, 0.2, 0.4, 0, 0.5, 0.7, 0.9, 0]) }));
    expect(legend()).toHaveTextContent('V: the agent’s estimate of what the world will pay');
    // No shaping asked for: no such option.
    expect(screen.queryByRole('checkbox', { name: 'Shaped values' })).toBeNull();
    act(() => void useConfigStore.getState().edit((d) => void (d.train.shaping = 'potential')));
    // Until the rebuilt run's frames carry the learned values, the option is there but greyed.
    expect(shapedToggle()).toBeDisabled();
    act(() =>
      useTrainingStore.setState({
        frame: frameWith([0.7, 0.8, 0.9, 0, 0.8, 0.9, 0.95, 0], [4.7, 3.8, 2.9, 0, 3.8, 2.9, 1.95, 0]),
      }),
    );
    expect(legend()).toHaveTextContent('V: the agent’s estimate of what the world will pay');
    expect(screen.getByTestId('legend-max')).toHaveTextContent('0.95');
    expect(shapedToggle()).toBeEnabled();
    expect(shapedToggle()).not.toBeChecked();
    await user.click(shapedToggle());
    expect(useUiStore.getState().show.shaped).toBe(true);
    expect(legend()).toHaveTextContent('Shaped value');
    expect(screen.getByTestId('legend-max')).toHaveTextContent('4.7');
    // A frame without learned shaped values (a planner, say): the option greys, the world's values show.
    act(() => useTrainingStore.setState({ frame: frameWith([-0.5, 0.2, 0.4, 0, 0.5, 0.7, 0.9, 0]) }));
    expect(shapedToggle()).toBeDisabled();
    expect(shapedToggle()).not.toBeChecked();
    expect(legend()).toHaveTextContent('V: the agent’s estimate of what the world will pay');
  });

  it('under potential shaping, cells not learned yet are left out of the scale and named as such', () => {
    act(() => void useConfigStore.getState().edit((d) => void (d.train.shaping = 'potential')));
    render(<OverlayToggles />);
    // World values = learned + phi: untouched cells read -distance (the shaping's guess), not a value.
    const world = [-3, -2, -1, 0, 0.6, 0.8, 0.9, 0];
    act(() => useTrainingStore.setState({ frame: frameWith(world, world, [0, 0, 0, 0, 1, 1, 1, 0]) }));
    expect(legend()).toHaveTextContent('V: the agent’s estimate of what the world will pay');
    expect(screen.getByTestId('legend-min')).toHaveTextContent('0.6');
    expect(screen.getByTestId('value-legend-unlearned')).toHaveTextContent(
      'blank: not learned yet (4 cells)',
    );
    act(() => useTrainingStore.setState({ frame: frameWith(world, world, [0, 0, 0, 0, 0, 0, 0, 0]) }));
    expect(screen.getByTestId('value-legend-empty')).toHaveTextContent(/Not learned yet/);
  });

  it('says when the values include the exploration bonus (they are not what the world pays)', () => {
    act(() => void useConfigStore.getState().edit((d) => void (d.train.countBonus = 0.1)));
    render(<OverlayToggles />);
    act(() => useTrainingStore.setState({ frame: frameWith([-1.3, -1, -0.8, 0, -0.9, -0.5, -0.2, 0]) }));
    expect(legend()).toHaveTextContent('V incl. exploration bonus');
    expect(legend()).toHaveAttribute('title', expect.stringMatching(/not what the world pays/));
  });

  it('captions every case', () => {
    expect(valueCaption({ shapedShown: false, naive: false, bonus: false }).label).toBe(
      'V: the agent’s estimate of what the world will pay',
    );
    expect(valueCaption({ shapedShown: true, naive: false, bonus: false }).label).toBe('Shaped value');
    expect(valueCaption({ shapedShown: false, naive: true, bonus: true }).label).toBe(
      'V incl. naive shaping + exploration bonus',
    );
  });

  it('offers the legend among the overlay switches', () => {
    render(<OverlayToggles />);
    const group = screen.getByRole('group', { name: 'Overlays' });
    expect(within(group).getByRole('button', { name: 'Legend' })).toBeInTheDocument();
  });
});
