/**
 * A click paints exactly the cell pressed, on a slow machine too: with the CPU throttled 6x, a press held
 * for 150 ms (a normal click) paints that one cell, from a cold load and with a lesson loaded, and a drag
 * along a row paints only that row. The hint, the lesson's story and the run status come and go on an
 * edit; the grid must not move or grow when they do.
 * PAINT_SHOTS=<dir> also saves screenshots at 1280x800 (cold load, and with the needle lesson).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from './browser';

const SHOTS = process.env.PAINT_SHOTS;
const DEFAULT_GRID = [
  'S.......',
  '........',
  '..####..',
  '.....#..',
  '..X..#..',
  '.....#..',
  '........',
  '.......G',
];
const CHAR: Record<string, string> = {
  empty: '.',
  wall: '#',
  start: 'S',
  goal: 'G',
  pit: 'X',
  cliff: 'C',
  bonus: '$',
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const status = (page: Page) => page.getByTestId('run-status').textContent();
const cell = (page: Page, row: number, col: number) =>
  page.getByRole('button', { name: new RegExp(`^row ${row}, column ${col}: `) });

/** The world as the cell buttons' labels tell it, one string per row. */
async function readGrid(page: Page): Promise<string[]> {
  const labels = await page
    .locator('.cell-layer .cell')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  const rows: string[] = [];
  for (const label of labels) {
    const m = /^row (\d+), column (\d+): (\w+)/.exec(label);
    if (!m) throw new Error(`unexpected cell label ${label}`);
    const y = Number(m[1]) - 1;
    rows[y] = (rows[y] ?? '') + (CHAR[m[3]] ?? '?');
  }
  return rows;
}

const withCell = (grid: string[], row: number, col: number, ch: string) =>
  grid.map((r, y) => (y === row - 1 ? r.slice(0, col - 1) + ch + r.slice(col) : r));

async function boardBox(page: Page) {
  const box = await page.locator('.grid-board').boundingBox();
  if (!box) throw new Error('no grid board');
  return box;
}

async function cellCentre(page: Page, row: number, col: number) {
  const box = await cell(page, row, col).boundingBox();
  if (!box) throw new Error(`no cell ${row},${col}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A slow machine: every task in the page takes 6 times as long. */
async function throttle(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
}

/** How long a normal click holds the button. The gesture's own length (the input under test), not a
 *  wait for the page: what the page did with it is then waited for on its announced state (settled). */
const CLICK_HOLD_MS = 150;

/** A normal click: press, hold 150 ms, release. */
async function hold(page: Page, row: number, col: number): Promise<void> {
  const p = await cellCentre(page, row, col);
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  await page.waitForTimeout(CLICK_HOLD_MS);
  await page.mouse.up();
}

/** The edit has gone through and the restarted run has settled. */
async function settled(page: Page, row: number, col: number, kind: string): Promise<void> {
  await expect
    .poll(() => cell(page, row, col).getAttribute('aria-label'))
    .toBe(`row ${row}, column ${col}: ${kind}`);
  await expect.poll(() => status(page)).toBe('Ready');
}

async function ready(page: Page): Promise<void> {
  await cell(page, 1, 1).waitFor();
  await expect.poll(() => status(page)).toBe('Ready');
}

describe('painting on a slow machine', () => {
  it('a 150 ms click paints only the cell pressed, and the grid stays put (cold load)', async () => {
    const { page, errors } = await openApp(browser);
    await ready(page);
    await throttle(page);
    expect(await page.getByTestId('empty-hint').isVisible()).toBe(true);
    const before = await boardBox(page);

    await hold(page, 2, 2);
    await settled(page, 2, 2, 'wall');
    expect(await readGrid(page)).toEqual(withCell(DEFAULT_GRID, 2, 2, '#'));
    expect(await boardBox(page)).toEqual(before);
    // The pointer is still over the new wall: the see-through button does not hide it.
    expect(await cell(page, 2, 2).evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(
      'rgba(0, 0, 0, 0)',
    );

    // The same with the Goal tool, as in playground.e2e.ts: one new goal, none below it.
    await page.getByRole('button', { name: 'Goal', exact: true }).click();
    await hold(page, 1, 8);
    await settled(page, 1, 8, 'goal');
    expect(await readGrid(page)).toEqual(withCell(withCell(DEFAULT_GRID, 2, 2, '#'), 1, 8, 'G'));
    expect(await page.getByRole('button', { name: /: goal$/ }).count()).toBe(2);
    expect(await boardBox(page)).toEqual(before);

    // Training makes the hint go and the status tiles change: the grid still does not move.
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => status(page)).toBe('Training');
    await expect.poll(() => page.getByTestId('empty-hint').count()).toBe(0);
    expect(await boardBox(page)).toEqual(before);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a 150 ms click with a lesson loaded paints only that cell; the story goes, the grid stays', async () => {
    const { page, errors } = await openApp(browser);
    await ready(page);
    await page.getByRole('combobox', { name: 'Lesson' }).selectOption('needle');
    const banner = page.getByRole('region', { name: 'What to watch' });
    await banner.waitFor();
    await expect.poll(() => status(page)).toBe('Ready');
    await throttle(page);
    const lesson = await readGrid(page);
    expect(lesson).toHaveLength(14);
    const before = await boardBox(page);

    await hold(page, 3, 3);
    await settled(page, 3, 3, 'wall');
    await expect.poll(() => banner.count()).toBe(0);
    expect(await readGrid(page)).toEqual(withCell(lesson, 3, 3, '#'));
    expect(await boardBox(page)).toEqual(before);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a drag along a row paints that row only', async () => {
    const { page, errors } = await openApp(browser);
    await ready(page);
    await throttle(page);
    const from = await cellCentre(page, 2, 2);
    const to = await cellCentre(page, 2, 6);
    await page.mouse.move(from.x, from.y);
    // The gesture at a hand's pace (its timing is the input; the result is waited for by settled()).
    await page.mouse.down();
    await page.waitForTimeout(CLICK_HOLD_MS);
    for (let i = 1; i <= 8; i++) {
      await page.mouse.move(from.x + ((to.x - from.x) * i) / 8, from.y);
      await page.waitForTimeout(40);
    }
    await page.waitForTimeout(CLICK_HOLD_MS);
    await page.mouse.up();
    await settled(page, 2, 6, 'wall');
    expect(await readGrid(page)).toEqual(['S.......', '.#####..', ...DEFAULT_GRID.slice(2)]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a touch drag paints the cells under the finger (the first cell captures the pointer)', async () => {
    const { page, errors } = await openApp(browser);
    await ready(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    const from = await cellCentre(page, 7, 2);
    const to = await cellCentre(page, 7, 5);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x, y }],
      });
    await touch('touchStart', from.x, from.y);
    for (let i = 1; i <= 6; i++) await touch('touchMove', from.x + ((to.x - from.x) * i) / 6, from.y);
    await touch('touchEnd', to.x, to.y);
    await settled(page, 7, 5, 'wall');
    expect(await readGrid(page)).toEqual([...DEFAULT_GRID.slice(0, 6), '.####...', DEFAULT_GRID[7]]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("an edit's notice floats clear of the grid, the greedy path's verdict and the inspector", async () => {
    const { page, errors } = await openApp(browser);
    await ready(page);
    await page.getByRole('checkbox', { name: 'Greedy path' }).check();
    const before = await boardBox(page);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect
      .poll(async () => Number((await page.getByTestId('episode-count').textContent())?.replace(/,/g, '')))
      .toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(() => status(page)).toBe('Paused');
    expect(await boardBox(page)).toEqual(before);
    await throttle(page);

    await hold(page, 7, 4);
    await settled(page, 7, 4, 'wall');
    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.textContent()).toMatch(/Setup changed: the run was reset/);
    expect(await boardBox(page)).toEqual(before);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/shots-painting-notice.png` });
    const n = await notice.boundingBox();
    for (const other of [
      page.locator('.grid-board'),
      page.getByTestId('greedy-path'),
      page.getByLabel('Selected cell'),
      page.getByRole('button', { name: 'Play', exact: true }),
    ]) {
      const o = await other.boundingBox();
      expect(o, 'visible').not.toBeNull();
      const apart =
        n!.x >= o!.x + o!.width ||
        o!.x >= n!.x + n!.width ||
        n!.y >= o!.y + o!.height ||
        o!.y >= n!.y + n!.height;
      expect(apart, `notice ${JSON.stringify(n)} clear of ${JSON.stringify(o)}`).toBe(true);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.skipIf(!SHOTS)('screenshots at 1280x800: cold load and the needle lesson', async () => {
    const { page, errors } = await openApp(browser);
    await ready(page);
    await page.mouse.move(2, 790);
    await page.screenshot({ path: `${SHOTS}/shots-painting-cold.png` });
    await page.getByRole('combobox', { name: 'Lesson' }).selectOption('needle');
    await page.getByRole('region', { name: 'What to watch' }).waitFor();
    await expect.poll(() => status(page)).toBe('Ready');
    await page.screenshot({ path: `${SHOTS}/shots-painting-needle.png` });
    // After an edit the story goes; a "run was reset" notice may show: take that too.
    await hold(page, 3, 3);
    await settled(page, 3, 3, 'wall');
    await page.screenshot({ path: `${SHOTS}/shots-painting-needle-edited.png` });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
