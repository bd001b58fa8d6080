/**
 * The playground teaches the sparse-goal lesson on its own: pick the "Needle in a haystack" preset,
 * read its story, train and see that no reward has come yet (the greedy path has no preference), then
 * add potential shaping and see the first reward and a greedy path to the goal.
 * LESSON_SHOTS=<dir> also saves screenshots at 1280x800 and 1920x1080.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, nextFrames, openApp } from './browser';

const SHOTS = process.env.LESSON_SHOTS;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const episodes = async (page: Page) =>
  Number((await page.getByTestId('episode-count').textContent())?.replace(/,/g, ''));
const text = (page: Page, id: string) => page.getByTestId(id).textContent();

async function shot(page: Page, name: string): Promise<void> {
  // Close the "run was reset" notice, which would cover the text under the grid.
  const notice = page.locator('.notice button');
  if (await notice.count()) await notice.first().click();
  await page.mouse.move(2, 600);
  await nextFrames(page);
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

async function lesson(width: number, height: number): Promise<void> {
  const { page, errors } = await openApp(browser, { width, height });
  await expect.poll(() => text(page, 'run-status')).toBe('Ready');

  await page.getByRole('combobox', { name: 'Lesson' }).selectOption({ label: 'Needle in a haystack' });
  const banner = page.getByRole('region', { name: 'What to watch' });
  await banner.waitFor();
  expect(await banner.textContent()).toContain('Plain Q-learning wanders blindly');
  expect(await page.getByRole('button', { name: /: (empty|start|goal)$/ }).count()).toBe(14 * 14);
  await expect.poll(() => text(page, 'first-reward')).toBe('–');

  await page.getByRole('checkbox', { name: 'Greedy path' }).check();
  await expect.poll(() => text(page, 'greedy-path')).toBe('Greedy path: no preference yet');

  // Plain Q-learning, 300 episodes: with seed 1 it never finds the goal.
  await page.getByRole('slider', { name: 'Speed' }).fill('5');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => episodes(page)).toBeGreaterThan(20);
  expect(await text(page, 'first-reward')).toBe('not yet');
  const about = page.getByRole('button', { name: 'About First reward' });
  await about.click();
  expect(await page.locator(`[id="${await about.getAttribute('aria-controls')}"]`).textContent()).toBe(
    'The agent has never reached a goal, so every value is still 0 and it has nothing to learn from',
  );
  await page.keyboard.press('Escape');
  expect(await text(page, 'greedy-path')).toBe('Greedy path: no preference yet');
  await expect
    .poll(() => page.locator('[data-testid="charts"] text', { hasText: 'no signal yet' }).count())
    .toBe(1);

  if (SHOTS) await shot(page, `lessons-nosignal-${width}x${height}`);

  // The fix: potential shaping (a training tweak keeps the story). The run resets, paused.
  await page.getByRole('combobox', { name: 'Reward shaping' }).selectOption('potential');
  await expect.poll(() => text(page, 'run-status')).toBe('Ready');
  expect(await banner.isVisible()).toBe(true);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => text(page, 'first-reward')).toMatch(/^ep\. \d+$/);
  // 300 episodes at full speed: the run finishes within seconds.
  await expect.poll(() => text(page, 'run-status')).toBe('Done');
  expect(await episodes(page)).toBe(300);
  await expect.poll(() => text(page, 'greedy-path')).toMatch(/^Greedy path: reaches the goal in \d+ steps$/);
  await expect
    .poll(() => page.locator('[data-testid="charts"] text', { hasText: 'first goal' }).count())
    .toBe(1);
  if (SHOTS) await shot(page, `lessons-${width}x${height}`);
  // The main controls stay in view (no scrolling needed).
  const play = await page.getByRole('button', { name: /^(Play|Continue)$/ }).boundingBox();
  expect(play && play.y >= 0 && play.y + play.height <= height).toBe(true);

  // Editing the world drops the story.
  await page.getByRole('button', { name: 'row 3, column 3: empty' }).click();
  await expect.poll(() => banner.count()).toBe(0);
  expect(errors).toEqual([]);
  await page.context().close();
}

describe('playground lessons', () => {
  it('needle in a haystack: no signal, then shaping finds the goal (1280x800)', async () => {
    await lesson(1280, 800);
  });

  it("the lab's Open in playground shows the preset's story too", async () => {
    const { page, errors } = await openApp(browser);
    await page.getByRole('button', { name: 'Lab', exact: true }).click();
    await page.getByRole('radio', { name: /Cliff walk/ }).check();
    await page.getByRole('button', { name: 'Open in playground' }).click();
    const banner = page.getByRole('region', { name: 'What to watch' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Cliff walk');
    expect(await page.getByRole('combobox', { name: 'Lesson' }).inputValue()).toBe('cliff-walk');
    await page.getByRole('button', { name: "Dismiss the preset's story" }).click();
    await expect.poll(() => banner.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.skipIf(!SHOTS)('the same at 1920x1080', async () => {
    await lesson(1920, 1080);
  });
});
