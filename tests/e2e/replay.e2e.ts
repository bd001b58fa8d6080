/**
 * Replaying the learning: the needle lesson with potential shaping trains to its first reward; the
 * timeline's "first reward" mark shows that episode, one step back shows the episode before it, and the
 * grid's pixels differ between the two while the label follows; training goes on all the while, and
 * Live comes back to the run as it is.
 */
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

const text = (page: Page, id: string) => page.getByTestId(id).textContent();
/** The live run's episodes (the charts' count: the stat tiles follow the timeline to the moment on show). */
const episodes = async (page: Page) => Number(await page.getByTestId('charts').getAttribute('data-episodes'));
const gridPixels = (page: Page) =>
  page.locator('.grid-board canvas').evaluate((c) => (c as HTMLCanvasElement).toDataURL());

describe('replay the learning', () => {
  it('scrubs to before and after the first reward while training goes on', async () => {
    const { page, errors } = await openApp(browser);
    await expect.poll(() => text(page, 'run-status')).toBe('Ready');
    await page.getByRole('combobox', { name: 'Lesson' }).selectOption({ label: 'Needle, with shaping' });
    await page.getByRole('region', { name: 'What to watch' }).waitFor();
    const timeline = page.getByRole('region', { name: 'History' });
    const slider = timeline.getByRole('slider', { name: 'History' });
    const label = timeline.getByTestId('timeline-label');
    await expect.poll(() => label.textContent()).toBe('Live · episode 0');
    const before = await timeline.boundingBox();

    // 300 steps a second: the first reward comes within seconds, the 300 episodes take much longer.
    await page.getByRole('slider', { name: 'Speed' }).fill('3');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => text(page, 'first-reward')).toMatch(/^ep\. \d+$/);
    const first = Number((await text(page, 'first-reward'))!.replace(/\D/g, ''));
    const mark = timeline.getByRole('button', { name: `first reward: episode ${first}` });
    await mark.waitFor();

    const live = await gridPixels(page);
    await mark.click();
    await expect.poll(() => label.textContent()).toBe(`Episode ${first} · first reward`);
    await expect.poll(() => gridPixels(page)).not.toBe(live);
    const after = await gridPixels(page);
    const running = await episodes(page);

    // One snapshot back: the episode before the first reward (kept exactly).
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    // (Under potential shaping the greedy path may reach the goal before any episode does: 'solved'.)
    await expect.poll(() => label.textContent()).toMatch(new RegExp(`^Episode ${first - 1}( · solved)?$`));
    await expect.poll(() => gridPixels(page)).not.toBe(after);
    const beforeReward = await gridPixels(page);
    // The grid holds still on the snapshot while the run goes on underneath.
    await expect.poll(() => episodes(page)).toBeGreaterThan(running);
    expect(await text(page, 'run-status')).toBe('Training');
    expect(await gridPixels(page)).toBe(beforeReward);

    // Forward again: the first reward's picture comes back.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => label.textContent()).toBe(`Episode ${first} · first reward`);
    await expect.poll(() => gridPixels(page)).toBe(after);

    // The three charts (no epsilon chart: this Q-learner's epsilon never changes) draw a cursor at the
    // episode on show beside the return chart's 'first goal' line, gone when live; the timeline stayed put.
    const lines = () => page.locator('[data-testid="charts"] .recharts-reference-line').count();
    await expect.poll(lines).toBe(4);
    expect(await timeline.boundingBox()).toEqual(before);

    await timeline.getByRole('button', { name: 'Live' }).click();
    await expect.poll(() => label.textContent()).toMatch(/^Live · episode \d+/);
    await expect.poll(lines).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
