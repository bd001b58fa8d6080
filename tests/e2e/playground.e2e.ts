import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const cell = (page: Page, row: number, col: number) =>
  page.getByRole('button', { name: new RegExp(`^row ${row}, column ${col}: `) });
const episodes = async (page: Page) =>
  Number((await page.getByTestId('episode-count').textContent())?.replace(/,/g, ''));
const chartEpisodes = async (page: Page) =>
  Number(await page.getByTestId('charts').getAttribute('data-episodes'));

describe('playground', () => {
  it('paints a world, trains, pauses and resets', async () => {
    const { page, errors } = await openApp(browser);
    await cell(page, 1, 1).waitFor();
    await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('Ready');

    // Paint a wall (the default tool) and a goal through the labelled cells.
    await cell(page, 2, 2).click();
    await expect.poll(() => cell(page, 2, 2).getAttribute('aria-label')).toBe('row 2, column 2: wall');
    await page.getByRole('button', { name: 'Goal', exact: true }).click();
    await cell(page, 1, 8).click();
    await expect.poll(() => cell(page, 1, 8).getAttribute('aria-label')).toBe('row 1, column 8: goal');
    expect(await page.getByRole('button', { name: /: goal$/ }).count()).toBe(2);

    // Enough episodes not to finish during the test, at a speed that shows steady progress.
    const eps = page.getByRole('spinbutton', { name: 'Episodes' });
    await eps.fill('100000');
    await eps.blur();
    await page.getByRole('slider', { name: 'Speed' }).fill('4');
    await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('Ready');

    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('Training');
    await expect.poll(() => episodes(page)).toBeGreaterThan(5);
    const e1 = await episodes(page);
    await expect.poll(() => episodes(page)).toBeGreaterThan(e1);
    await expect.poll(() => chartEpisodes(page)).toBeGreaterThan(5);
    const c1 = await chartEpisodes(page);
    await expect.poll(() => chartEpisodes(page)).toBeGreaterThan(c1);
    // The charts draw lines for the episodes (recharts paths with data).
    await expect
      .poll(() => page.locator('[data-testid="charts"] svg path[d*="L"]').count())
      .toBeGreaterThan(0);

    // Keyboard: Space pauses (focus on the page, not in a field).
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('Paused');
    const paused = await episodes(page);
    expect(await page.getByRole('button', { name: 'Play', exact: true }).isEnabled()).toBe(true);

    // Paused means stopped, and a single step moves the step counter by one: a run still going on
    // behind "Paused" would move it (and the episodes) by many. No fixed wait: the Step's answer comes
    // after anything the worker sent before it.
    const steps = Number((await page.getByTestId('step-count').textContent())?.replace(/,/g, ''));
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect
      .poll(async () => Number((await page.getByTestId('step-count').textContent())?.replace(/,/g, '')))
      .toBe(steps + 1);
    expect(await episodes(page)).toBeLessThanOrEqual(paused + 1);

    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('Ready');
    expect(await episodes(page)).toBe(0);
    await expect.poll(() => chartEpisodes(page)).toBe(0);
    // The painted world survived the reset.
    expect(await cell(page, 2, 2).getAttribute('aria-label')).toBe('row 2, column 2: wall');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('editing while training pauses and resets the run, and says so', async () => {
    const { page, errors } = await openApp(browser);
    await cell(page, 1, 1).waitFor();
    const eps = page.getByRole('spinbutton', { name: 'Episodes' });
    await eps.fill('100000');
    await eps.blur();
    await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('Ready');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => episodes(page)).toBeGreaterThan(0);
    await cell(page, 4, 2).click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/paused and reset/);
    await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('Ready');
    expect(await episodes(page)).toBe(0);
    // Refused edit: erasing the only start.
    await page.getByRole('button', { name: 'Eraser', exact: true }).click();
    await cell(page, 1, 1).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/needs a start/);
    expect(await cell(page, 1, 1).getAttribute('aria-label')).toBe('row 1, column 1: start');
    // Undo brings back the wall-free cell from before the edit.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, 4, 2).getAttribute('aria-label')).toBe('row 4, column 2: empty');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a planning agent fills in its values sweep by sweep', async () => {
    const { page, errors } = await openApp(browser);
    await cell(page, 1, 1).waitFor();
    await page.getByRole('combobox', { name: 'Algorithm' }).selectOption('value-iteration');
    await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('Ready');
    const stats = page.getByLabel('Planning steps');
    await page.getByRole('button', { name: 'Sweep', exact: true }).click();
    await expect.poll(() => stats.textContent()).toMatch(/Sweeps 1(?!\d)/);
    await page.getByRole('button', { name: 'Solve', exact: true }).click();
    await expect.poll(() => stats.textContent()).toMatch(/converged/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
