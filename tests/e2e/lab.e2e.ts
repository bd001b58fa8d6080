import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from './browser';

/** Set LAB_SHOTS=<dir> to also save screenshots of the comparison and the sweep. */
const SHOTS = process.env.LAB_SHOTS;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openLab(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lab', exact: true }).click();
  await page.getByRole('radio', { name: /Needle in a haystack/ }).check();
}

async function firstMedian(page: Page, variant: string): Promise<number> {
  const v = await page.locator(`tr[data-variant="${variant}"]`).getAttribute('data-first-median');
  return v === 'never' || v === null ? Infinity : Number(v);
}

describe('sparse-reward lab', () => {
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ]) {
    it(`runs the needle comparison and sweep at ${width}x${height}: shaping finds the goal earlier`, async () => {
      const { page, errors } = await openApp(browser, { width, height });
      await openLab(page);
      await expect(page.getByRole('heading', { name: 'Needle in a haystack' }).count()).resolves.toBe(1);
      await page.getByRole('button', { name: 'Run comparison' }).click();
      const table = page.getByRole('table', { name: 'Statistics per variant' });
      await table.waitFor({ timeout: 60_000 });
      const plain = await firstMedian(page, 'Plain Q-learning');
      const shaped = await firstMedian(page, 'Potential shaping');
      expect(shaped).toBeLessThan(plain);
      expect(shaped).toBeLessThan(20);
      // The chart exposes the same medians.
      const fig = page.getByRole('figure', { name: 'Return per episode' });
      const medians = JSON.parse((await fig.getAttribute('data-first-success-median')) ?? '{}');
      expect(medians['Potential shaping']).toBe(shaped);
      expect(await page.locator('.lab-chart svg.recharts-surface').count()).toBeGreaterThanOrEqual(3);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/lab-compare-${width}x${height}.png` });

      await page.getByRole('button', { name: 'Run sweep' }).click();
      const sweep = page.getByRole('table', { name: 'Sweep statistics' });
      await sweep.waitFor({ timeout: 60_000 });
      const rows = sweep.locator('tbody tr');
      expect(await rows.count()).toBe(7);
      const near = Number(await rows.first().getAttribute('data-random-median'));
      const farAttr = await rows.last().getAttribute('data-random-median');
      const far = farAttr === 'never' ? Infinity : Number(farAttr);
      expect(far).toBeGreaterThan(100 * near);
      if (SHOTS) {
        await page.getByRole('region', { name: 'Sparsity sweep' }).scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/lab-sweep-${width}x${height}.png` });
      }
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('cancels a comparison and keeps the runs finished so far', async () => {
    const { page, errors } = await openApp(browser);
    await openLab(page);
    await page.getByRole('radio', { name: /Slippery lake/ }).check();
    await page.getByRole('spinbutton', { name: 'Seeds' }).fill('64');
    await page.getByRole('button', { name: 'Run comparison' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText(/Cancelled after \d+ of 192 runs/).waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
