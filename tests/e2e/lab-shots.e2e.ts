/**
 * Screenshots of more lab stories (LAB_SHOTS=<dir> to run; skipped otherwise): the far-goal sweep with
 * the count bonus (the wall and censored runs) and the reward-hacking comparison, at 1920x1080; the
 * needle comparison's charts at 1280x800 and 1920x1080, and the embed view at 800x500, as
 * <dir>/shots-lab-*.png (to look at the axes: histogram labels, y ticks, axis titles).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from './browser';

const SHOTS = process.env.LAB_SHOTS;

let browser: Browser;
beforeAll(async () => {
  if (SHOTS) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!SHOTS)('lab screenshots', () => {
  it('far goal sweep with the count bonus, and reward hacking', async () => {
    const { page, errors } = await openApp(browser, { width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'Lab', exact: true }).click();
    await page.getByRole('radio', { name: /Far goal/ }).check();
    await page.getByRole('combobox', { name: /Agent/ }).selectOption({ label: 'Count bonus' });
    await page.getByRole('button', { name: 'Run sweep' }).click();
    const sweep = page.getByRole('table', { name: 'Sweep statistics' });
    await sweep.waitFor();
    await page.getByRole('region', { name: 'Sparsity sweep' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/lab-sweep-far-goal-1920x1080.png` });
    await page.getByRole('radio', { name: /Reward hacking/ }).check();
    await page.getByRole('button', { name: 'Run comparison' }).click();
    await page.getByRole('table', { name: 'Statistics per variant' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/lab-reward-hacking-1920x1080.png` });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe.skipIf(!SHOTS)('chart screenshots', () => {
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ]) {
    it(`the needle comparison at ${width}x${height}`, async () => {
      const { page, errors } = await openApp(browser, { width, height });
      await page.getByRole('button', { name: 'Lab', exact: true }).click();
      await page.getByRole('radio', { name: /Needle in a haystack/ }).check();
      await page.getByRole('button', { name: 'Run comparison' }).click();
      await page.getByRole('table', { name: 'Statistics per variant' }).waitFor();
      await page.mouse.move(width - 5, 5); // no tooltip under the pointer
      await page.screenshot({ path: `${SHOTS}/shots-lab-compare-${width}x${height}.png` });
      await page.getByRole('figure', { name: /First success/ }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/shots-lab-charts-${width}x${height}.png` });
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('the embed view at 800x500, training', async () => {
    const { page, errors } = await openApp(browser, { hash: 'embed=1', width: 800, height: 500 });
    await page.getByRole('button', { name: /^row 1, column 1: start/ }).waitFor();
    await page.getByRole('slider', { name: 'Speed' }).fill('6');
    await page.click('button.play');
    await expect
      .poll(async () => Number(await page.getByTestId('charts').getAttribute('data-episodes')))
      .toBeGreaterThan(200);
    await page.click('button.play');
    await page.screenshot({ path: `${SHOTS}/shots-lab-embed-800x500.png` });
    const column = page.getByRole('complementary', { name: 'Learning curves' });
    await column.locator('svg.recharts-surface').last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/shots-lab-embed-800x500-scrolled.png` });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
