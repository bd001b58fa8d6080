import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../src/App';
import { resetConfigStore, useConfigStore } from '../../src/store/configStore';
import { connectTraining } from '../../src/store/trainingController';
import { DEFAULT_SHOW, useUiStore } from '../../src/store/uiStore';
import { fakeFactory } from './fakeWorker';

vi.mock('../../src/ui/grid/overlay/GridOverlay', async () => (await import('./mocks')).overlayMock);
vi.mock('../../src/ui/charts/TrainingCharts', async () => (await import('./mocks')).chartsMock);

const grid = () => useConfigStore.getState().config.env.grid;
const cell = (row: number, col: number) =>
  screen.getByRole('button', { name: new RegExp(`^row ${row}, column ${col}: `) });
const cells = () => screen.getAllByRole('button', { name: /^row \d+, column \d+: / });
/** jsdom lays nothing out: the cell layer sits at (0, 0) and cells are fitCellSize's fallback, 40 px. */
const CELL = 40;
const centre = (row: number, col: number) => ({
  clientX: (col - 1) * CELL + CELL / 2,
  clientY: (row - 1) * CELL + CELL / 2,
});
const mouse = (p: { clientX: number; clientY: number }) => ({
  ...p,
  pointerId: 1,
  pointerType: 'mouse',
  buttons: 1,
});
/** Mouse button down on `el` (at its centre). */
const press = (el: HTMLElement) => {
  const m = /^row (\d+), column (\d+): /.exec(el.getAttribute('aria-label') ?? '')!;
  fireEvent.pointerDown(el, { ...mouse(centre(Number(m[1]), Number(m[2]))), button: 0 });
};
/** The held mouse moves to the centre of (row, col); the move reaches the window as pointermove. */
const moveTo = (row: number, col: number) => fireEvent.pointerMove(window, mouse(centre(row, col)));

let disconnect = () => {};
beforeEach(() => {
  resetConfigStore();
  useUiStore.setState({ notice: null, tool: 'wall', selected: null, show: DEFAULT_SHOW, view: 'playground' });
  disconnect = connectTraining(fakeFactory().factory);
  render(<App />);
});
afterEach(() => {
  cleanup();
  disconnect();
});

describe('grid editor', () => {
  it('renders every cell as a labelled button, one of them in the tab order', () => {
    expect(cells()).toHaveLength(64);
    expect(cell(1, 1)).toHaveAccessibleName('row 1, column 1: start');
    expect(cell(8, 8)).toHaveAccessibleName('row 8, column 8: goal');
    expect(cell(3, 3)).toHaveAccessibleName('row 3, column 3: wall');
    expect(cells().filter((c) => c.tabIndex === 0)).toHaveLength(1);
    expect(cell(1, 1).tabIndex).toBe(0);
  });

  it('paints a wall with a click, then a goal with the Goal tool', async () => {
    const user = userEvent.setup({ delay: null });
    await user.click(cell(2, 4));
    expect(grid()[1][3]).toBe('#');
    expect(cell(2, 4)).toHaveAccessibleName('row 2, column 4: wall');
    await user.click(screen.getByRole('button', { name: 'Goal' }));
    expect(screen.getByRole('button', { name: 'Goal' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(cell(1, 8));
    expect(grid()[0][7]).toBe('G');
    expect(screen.getAllByRole('button', { name: /: goal/ })).toHaveLength(2);
  });

  it('paints along a drag as one undo step', () => {
    press(cell(2, 1));
    moveTo(2, 3);
    fireEvent.pointerUp(window, mouse(centre(2, 3)));
    moveTo(2, 4);
    expect(grid()[1]).toBe('###.....');
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(grid()[1]).toBe('........');
    fireEvent.keyDown(document.body, { key: 'Z', ctrlKey: true, shiftKey: true });
    expect(grid()[1]).toBe('###.....');
  });

  it('paints every cell a fast move crosses, and none off the grid', () => {
    press(cell(7, 1));
    moveTo(7, 8); // one jump across the row
    moveTo(7, 12); // off the right edge
    moveTo(12, 12);
    fireEvent.pointerUp(window, mouse(centre(12, 12)));
    expect(grid()[6]).toBe('########');
    expect(grid()[7]).toBe('.......G');
  });

  it('drags the start over empty cells without painting', () => {
    press(cell(1, 1));
    moveTo(1, 2);
    moveTo(2, 2);
    moveTo(3, 3); // a wall: the start does not go there
    fireEvent.pointerUp(window, mouse(centre(3, 3)));
    expect(grid()[0]).toBe('........');
    expect(grid()[1]).toBe('.S......');
    expect(grid()[2]).toBe('..####..');
    expect(cell(2, 2)).toHaveAccessibleName('row 2, column 2: start');
  });

  it('does not paint a cell that the layout moves under a still pointer', () => {
    press(cell(2, 2));
    expect(grid()[1][1]).toBe('#');
    const at = centre(2, 2);
    // The grid moves up by a cell (a hint above it goes away): the browser sends pointerover to the cell
    // now under the pointer, with the button down, and maybe a pointermove without movement.
    const layer = cell(1, 1).parentElement!;
    vi.spyOn(layer, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, -CELL, 8 * CELL, 8 * CELL));
    fireEvent.pointerOver(cell(3, 2), mouse(at));
    fireEvent.pointerMove(cell(3, 2), mouse(at));
    expect(grid()[2]).toBe('..####..');
    // A small real move within that cell paints nothing either; moving on into the next one does.
    fireEvent.pointerMove(cell(3, 2), mouse({ clientX: at.clientX + 3, clientY: at.clientY + 3 }));
    expect(grid()[2]).toBe('..####..');
    fireEvent.pointerMove(cell(4, 2), mouse({ clientX: at.clientX + 3, clientY: at.clientY + CELL + 3 }));
    fireEvent.pointerUp(window, mouse(at));
    expect(grid()[1]).toBe('.#......');
    expect(grid()[2]).toBe('..####..');
    expect(grid()[3]).toBe('.#...#..');
  });

  it('paints along a touch drag (the pointer stays captured by the first cell)', () => {
    const touch = (p: { clientX: number; clientY: number }) => ({
      ...p,
      pointerId: 7,
      pointerType: 'touch',
      buttons: 1,
    });
    fireEvent.pointerDown(cell(7, 2), { ...touch(centre(7, 2)), button: 0 });
    fireEvent.pointerMove(cell(7, 2), touch(centre(7, 3)));
    fireEvent.pointerMove(cell(7, 2), touch(centre(7, 5)));
    // Another pointer's moves do not paint.
    fireEvent.pointerMove(cell(7, 2), { ...touch(centre(8, 2)), pointerId: 8 });
    fireEvent.pointerUp(cell(7, 2), touch(centre(7, 5)));
    expect(grid()[6]).toBe('.####...');
    expect(grid()[7]).toBe('.......G');
  });

  it('ends the stroke when the mouse button was released outside the page', () => {
    press(cell(2, 1));
    fireEvent.pointerMove(window, { ...mouse(centre(2, 2)), buttons: 0 });
    moveTo(2, 4);
    expect(grid()[1]).toBe('#.......');
  });

  it('moves focus with the arrow keys and paints with Enter', () => {
    act(() => cell(1, 1).focus());
    fireEvent.keyDown(cell(1, 1), { key: 'ArrowRight' });
    expect(cell(1, 2)).toHaveFocus();
    fireEvent.keyDown(cell(1, 2), { key: 'ArrowDown' });
    expect(cell(2, 2)).toHaveFocus();
    expect(cell(2, 2).tabIndex).toBe(0);
    expect(cell(1, 1).tabIndex).toBe(-1);
    fireEvent.keyDown(cell(2, 2), { key: 'Enter' });
    expect(grid()[1][1]).toBe('#');
    fireEvent.keyDown(cell(2, 2), { key: 'End' });
    expect(cell(2, 8)).toHaveFocus();
  });

  it('refuses to erase the start with a message, and keeps the world', async () => {
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Eraser' }));
    act(() => cell(1, 1).focus());
    fireEvent.keyDown(cell(1, 1), { key: 'Enter' });
    expect(grid()[0][0]).toBe('S');
    expect(screen.getByTestId('notice')).toHaveTextContent(/needs a start/);
  });

  it('picks tools with the digit keys', () => {
    fireEvent.keyDown(document.body, { key: '3' });
    expect(useUiStore.getState().tool).toBe('pit');
    expect(screen.getByRole('button', { name: 'Pit' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('resizes the grid from the size boxes', async () => {
    const user = userEvent.setup({ delay: null });
    const cols = screen.getByRole('spinbutton', { name: 'Columns' });
    await user.clear(cols);
    await user.type(cols, '5{Enter}');
    expect(cells()).toHaveLength(40);
    const rows = screen.getByRole('spinbutton', { name: 'Rows' });
    await user.clear(rows);
    await user.type(rows, '60{Enter}');
    expect(cells()).toHaveLength(40);
    expect(screen.getByTestId('notice')).toHaveTextContent(/from 1 to 50/);
    expect(rows).toHaveValue(8);
  });

  it('clears the grid and undoes it with the Undo button', async () => {
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.queryAllByRole('button', { name: /: (wall|goal|pit)$/ })).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getAllByRole('button', { name: /: wall$/ })).toHaveLength(7);
    expect(screen.getByRole('button', { name: 'Redo' })).toBeEnabled();
  });

  it("sets a goal's own reward in the inspector", async () => {
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Inspect' }));
    await user.click(cell(8, 8));
    expect(grid()[7][7]).toBe('G');
    const inspector = screen.getByLabelText('Selected cell');
    expect(inspector).toHaveTextContent('Row 8, column 8: goal');
    const box = within(inspector).getByRole('spinbutton', { name: 'Reward' });
    expect(box).toHaveValue(1);
    await user.clear(box);
    await user.type(box, '10');
    expect(useConfigStore.getState().config.env.cellRewards).toEqual([{ x: 7, y: 7, reward: 10 }]);
    expect(cell(8, 8)).toHaveAccessibleName('row 8, column 8: goal, reward 10');
    await user.click(within(inspector).getByRole('button', { name: /use default/ }));
    expect(useConfigStore.getState().config.env.cellRewards).toEqual([]);
  });

  it('refuses an out-of-range environment setting with a message next to it', async () => {
    const user = userEvent.setup({ delay: null });
    const slip = screen.getByRole('spinbutton', { name: 'Slip' });
    await user.clear(slip);
    await user.type(slip, '2');
    expect(useConfigStore.getState().config.env.slip).toBe(0);
    expect(slip).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent(/Slip:/);
    await user.tab();
    expect(slip).toHaveValue(0);
  });

  it('explains each environment setting in a toggletip (the schema\'s text, opened by a press)', () => {
    for (const name of ['Step reward', 'Slip', 'Max steps', 'Discount γ']) {
      expect(screen.getByRole('spinbutton', { name })).not.toHaveAttribute('title');
      const about = screen.getByRole('button', { name: `About ${name}` });
      fireEvent.click(about);
      expect(about).toHaveAttribute('aria-expanded', 'true');
      const bubble = document.getElementById(about.getAttribute('aria-controls')!)!;
      expect(bubble.textContent?.length).toBeGreaterThan(20);
      fireEvent.click(about);
    }
  });
});

describe('inspecting', () => {
  it('right-click selects a cell without painting it', () => {
    fireEvent.contextMenu(cell(5, 3));
    expect(grid()[4][2]).toBe('X');
    expect(screen.getByLabelText('Selected cell')).toHaveTextContent('Row 5, column 3: pit');
  });
});
