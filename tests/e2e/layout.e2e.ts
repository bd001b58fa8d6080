/**
 * The layout holds from a phone to a projector. At each size (phone 390x844, tablet 768x1024, an old
 * projector 1024x768, a laptop 1280x800, full HD 1920x1080), in normal and presentation mode:
 * - nothing scrolls sideways (document.scrollingElement.scrollWidth <= innerWidth);
 * - landscape (1024 wide and up): the page does not scroll at all, and the whole grid and the whole
 *   return chart are on screen together;
 * - stacked (phone, tablet): the grid uses the width (at least 300 px on the phone), the grid and the
 *   return chart each fit the screen once scrolled to, and painting and Play work by touch without
 *   the page moving;
 * - the "No episodes yet" pill covers no chart title;
 * - presentation mode keeps, visible and clickable: the lesson picker, the fixes (reward shaping, count
 *   bonus, initial Q), Play / Step / Reset, the speed and the Playground | Lab switch; chart text is at
 *   least 14 px at 1024x768; the grid legend opens on screen.
 * Screenshots of every case go to /tmp/shots-layout-<size>[-present].png.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newContext } from './browser';

const SHOTS = process.env.LAYOUT_SHOTS ?? '/tmp';

interface Size {
  width: number;
  height: number;
  /** Narrow: the panels stack and the page scrolls down. */
  stacked: boolean;
  touch?: boolean;
}
const PHONE: Size = { width: 390, height: 844, stacked: true, touch: true };
const TABLET: Size = { width: 768, height: 1024, stacked: true, touch: true };
const PROJECTOR: Size = { width: 1024, height: 768, stacked: false };
const LAPTOP: Size = { width: 1280, height: 800, stacked: false };
const FULL_HD: Size = { width: 1920, height: 1080, stacked: false };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(size: Size, present = false): Promise<{ page: Page; errors: string[] }> {
  const context = await newContext(browser, {
    viewport: { width: size.width, height: size.height },
    hasTouch: size.touch ?? false,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(baseUrl() + (present ? '#present=1' : ''));
  await page.getByRole('button', { name: /^row 1, column 1: / }).waitFor();
  await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('Ready');
  // The charts' code loads at the first key or pointer press (ChartsPanel): press a key that does nothing.
  await page.keyboard.press('Shift');
  await returnChart(page).waitFor();
  return { page, errors };
}

const name = (size: Size, present: boolean) => `${size.width}x${size.height}${present ? '-present' : ''}`;
const board = (page: Page) => page.locator('.grid-board');
const returnChart = (page: Page) => page.getByRole('figure', { name: 'Return per episode' });

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
async function box(l: Locator): Promise<Box> {
  const b = await l.boundingBox();
  if (!b) throw new Error('no box');
  return b;
}
const scroll = (page: Page) =>
  page.evaluate(() => {
    const s = document.scrollingElement!;
    return {
      scrollWidth: s.scrollWidth,
      scrollHeight: s.scrollHeight,
      innerWidth,
      innerHeight,
      x: scrollX,
      y: scrollY,
    };
  });

/** The box lies wholly inside the viewport (as the page is scrolled now). */
function inside(b: Box, size: Size): boolean {
  const e = 0.5;
  return b.x >= -e && b.y >= -e && b.x + b.width <= size.width + e && b.y + b.height <= size.height + e;
}

/** The element is visible, enabled and on top at its centre (a click there reaches it). */
async function clickable(l: Locator): Promise<boolean> {
  await l.scrollIntoViewIfNeeded();
  if (!(await l.isVisible()) || !(await l.isEnabled())) return false;
  return l.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (hit === el || el.contains(hit) || hit.contains(el));
  });
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** No sideways scroll; landscape: no scroll at all, grid and return chart on screen together. */
async function expectFits(page: Page, size: Size): Promise<void> {
  const s = await scroll(page);
  expect(s.scrollWidth, 'scrolls sideways').toBeLessThanOrEqual(s.innerWidth);
  const grid = await box(board(page));
  const chart = await box(returnChart(page));
  if (!size.stacked) {
    // The page is one screen: no scrolling into blank space below (hidden helper text stays inside
    // its panel).
    expect(s.scrollHeight, 'scrolls down').toBeLessThanOrEqual(s.innerHeight);
    expect(inside(grid, size), `grid ${JSON.stringify(grid)}`).toBe(true);
    expect(inside(chart, size), `return chart ${JSON.stringify(chart)}`).toBe(true);
    return;
  }
  expect(grid.width).toBeLessThanOrEqual(size.width);
  expect(grid.height).toBeLessThanOrEqual(size.height);
  // The grid uses the width of the column.
  expect(grid.width).toBeGreaterThanOrEqual(Math.min(size.width - 40, 0.8 * size.width));
  await returnChart(page).scrollIntoViewIfNeeded();
  expect(inside(await box(returnChart(page)), size)).toBe(true);
  await board(page).scrollIntoViewIfNeeded();
  expect(inside(await box(board(page)), size)).toBe(true);
}

/** The empty charts' pill covers no chart's title. */
async function expectPillClear(page: Page): Promise<void> {
  const pill = page.getByText('No episodes yet: press Play');
  await pill.scrollIntoViewIfNeeded();
  const p = await box(pill);
  for (const title of await page.locator('.charts figcaption').all())
    expect(overlaps(p, await box(title)), `pill over "${await title.textContent()}"`).toBe(false);
}

const fixes = (page: Page) => ({
  lesson: page.getByRole('combobox', { name: 'Lesson' }),
  shaping: page.getByRole('combobox', { name: 'Reward shaping' }),
  countBonus: page.getByRole('spinbutton', { name: /Count bonus/ }),
  initialQ: page.getByRole('spinbutton', { name: 'Initial Q' }),
  play: page.getByRole('button', { name: 'Play', exact: true }),
  step: page.getByRole('button', { name: 'Step', exact: true }),
  reset: page.getByRole('button', { name: 'Reset', exact: true }),
  speed: page.getByRole('slider', { name: 'Speed' }),
  playground: page.getByRole('button', { name: 'Playground', exact: true }),
  lab: page.getByRole('button', { name: 'Lab', exact: true }),
});

describe('layout at every size', () => {
  for (const size of [PHONE, TABLET, PROJECTOR, LAPTOP, FULL_HD]) {
    it(`${name(size, false)}: fits, nothing sideways, the pill clear of the titles`, async () => {
      const { page, errors } = await open(size);
      await page.screenshot({ path: `${SHOTS}/shots-layout-${name(size, false)}.png` });
      await expectFits(page, size);
      await expectPillClear(page);
      if (size === PHONE) expect((await box(board(page))).width).toBeGreaterThanOrEqual(300);
      // The Lab too never scrolls sideways.
      await page.getByRole('button', { name: 'Lab', exact: true }).click();
      await page.getByRole('main', { name: 'Lab' }).waitFor();
      await page.screenshot({ path: `${SHOTS}/shots-layout-${name(size, false)}-lab.png` });
      const s = await scroll(page);
      expect(s.scrollWidth, 'the Lab scrolls sideways').toBeLessThanOrEqual(s.innerWidth);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  for (const size of [PHONE, PROJECTOR, LAPTOP, FULL_HD]) {
    it(`${name(size, true)}: fits, and the teacher's controls are there and clickable`, async () => {
      const { page, errors } = await open(size, true);
      expect(await page.locator('html.presentation').count()).toBe(1);
      await page.screenshot({ path: `${SHOTS}/shots-layout-${name(size, true)}.png` });
      await expectFits(page, size);
      for (const [what, control] of Object.entries(fixes(page)))
        expect(await clickable(control), `${what} clickable`).toBe(true);
      if (!size.stacked) await expectFits(page, size);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('the status row keeps its height when training starts and numbers grow (1280x800)', async () => {
    const { page, errors } = await open(LAPTOP);
    const row = page.getByTestId('status-line');
    const before = await box(row);
    const grid = await box(board(page));
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect
      .poll(async () => Number(await page.getByTestId('charts').getAttribute('data-episodes')))
      .toBeGreaterThan(3);
    expect((await box(row)).height).toBe(before.height);
    expect(await box(board(page))).toEqual(grid);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('presentation mode a teacher can drive (1024x768)', () => {
  it('switches on a fix, plays, reaches the Lab and back; chart text is at least 14 px', async () => {
    const { page, errors } = await open(PROJECTOR, true);
    const c = fixes(page);
    await c.lesson.selectOption('needle');
    await expect.poll(() => page.getByTestId('story-banner').count()).toBe(1);
    await c.shaping.selectOption('potential');
    await expect.poll(() => c.shaping.inputValue()).toBe('potential');
    await c.speed.fill('6');
    await c.play.click();
    await expect
      .poll(async () => Number(await page.getByTestId('charts').getAttribute('data-episodes')))
      .toBeGreaterThan(3);
    await page.screenshot({ path: `${SHOTS}/shots-layout-1024x768-present-training.png` });
    await expectFits(page, PROJECTOR);
    const sizes = await page
      .locator('.charts svg text')
      .evaluateAll((els) => els.map((e) => Number.parseFloat(getComputedStyle(e).fontSize)));
    expect(sizes.length).toBeGreaterThan(8);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);

    // The legend opens on screen, over the grid, clear of the switches it belongs to.
    await page.getByRole('button', { name: 'Legend', exact: true }).click();
    const legend = page.getByRole('region', { name: 'Legend' });
    const l = await box(legend);
    expect(inside(l, PROJECTOR), `legend ${JSON.stringify(l)}`).toBe(true);
    expect(overlaps(l, await box(page.locator('.overlay-toggles')))).toBe(false);
    await page.keyboard.press('Escape');
    await legend.waitFor({ state: 'detached' });

    await c.lab.click();
    await page.getByRole('main', { name: 'Lab' }).waitFor();
    expect(await page.locator('html.presentation').count()).toBe(1);
    const s = await scroll(page);
    expect(s.scrollWidth).toBeLessThanOrEqual(s.innerWidth);
    // The Lab's charts too are readable from the back of the room.
    await page.getByRole('radio', { name: /Needle in a haystack/ }).check();
    await page.getByRole('button', { name: 'Run comparison' }).click();
    await page.getByRole('table', { name: 'Statistics per variant' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/shots-layout-1024x768-present-lab.png` });
    const labSizes = await page
      .locator('.lab svg text')
      .evaluateAll((els) => els.map((e) => Number.parseFloat(getComputedStyle(e).fontSize)));
    expect(labSizes.length).toBeGreaterThan(8);
    expect(Math.min(...labSizes)).toBeGreaterThanOrEqual(14);
    await page.getByRole('button', { name: 'Playground', exact: true }).click();
    await board(page).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('touch on a phone', () => {
  it('a tap paints a cell and Play starts, and the page does not move under the finger', async () => {
    const { page, errors } = await open(PHONE);
    const target = page.getByRole('button', { name: /^row 2, column 3: / });
    await target.scrollIntoViewIfNeeded();
    const before = await scroll(page);
    const b = await box(target);
    await page.touchscreen.tap(b.x + b.width / 2, b.y + b.height / 2);
    await expect.poll(() => target.getAttribute('aria-label')).toBe('row 2, column 3: wall');
    expect((await scroll(page)).y).toBe(before.y);
    expect(await box(target)).toEqual(b);
    await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('Ready');
    await page.getByRole('button', { name: 'Play', exact: true }).tap();
    await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('Training');
    const s = await scroll(page);
    expect(s.scrollWidth).toBeLessThanOrEqual(s.innerWidth);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
