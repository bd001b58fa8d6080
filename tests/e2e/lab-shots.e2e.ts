/**
 * Screenshots of more lab stories (LAB_SHOTS=<dir> to run; skipped otherwise): the far-goal sweep with
 * the count bonus (the wall and censored runs) and the reward-hacking comparison, at 1920x1080.
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
    await sweep.waitFor({ timeout: 60_000 });
    await page.getByRole('region', { name: 'Sparsity sweep' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/lab-sweep-far-goal-1920x1080.png` });
    await page.getByRole('radio', { name: /Reward hacking/ }).check();
    await page.getByRole('button', { name: 'Run comparison' }).click();
    await page.getByRole('table', { name: 'Statistics per variant' }).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: `${SHOTS}/lab-reward-hacking-1920x1080.png` });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
