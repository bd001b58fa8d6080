/** The deep needle in the built app: DQN runs on the lab's workers (tfjs loaded there), with the time
 *  left while they go, and the table shows shaping beating plain DQN; the sweep takes the DQN too. */
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

async function cell(page: Page, variant: string, attr: string): Promise<string | null> {
  return page.locator(`tr[data-variant="${variant}"]`).getAttribute(attr);
}

const episode = (v: string | null) => (v === null || v === 'never' ? Infinity : Number(v));

describe('deep needle lab', () => {
  it('compares plain DQN with its fixes on 2 seeds: shaping finds the goal, plain DQN does not', async () => {
    const { page, errors } = await openApp(browser);
    await page.getByRole('button', { name: 'Lab', exact: true }).click();
    await page.getByRole('radio', { name: /Deep needle/ }).check();
    await expect(page.getByRole('heading', { name: /Deep needle/ }).count()).resolves.toBe(1);
    await page.getByRole('spinbutton', { name: /Seeds/ }).fill('2');
    await page.getByRole('button', { name: 'Run comparison' }).click();

    // While it runs: the count of runs and the time left.
    const panel = page.getByRole('region', { name: 'Compare runs' });
    const status = panel.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/\/ 8 runs/);
    await expect.poll(() => status.textContent()).toMatch(/about .* left/);

    const table = page.getByRole('table', { name: 'Statistics per variant' });
    await table.waitFor({ timeout: 180_000 });
    const plain = episode(await cell(page, 'Plain DQN', 'data-first-median'));
    const shaped = episode(await cell(page, 'Potential shaping', 'data-first-median'));
    expect(shaped).toBeLessThan(20);
    expect(shaped).toBeLessThan(plain);
    expect(Number(await cell(page, 'Potential shaping', 'data-never'))).toBe(0);
    expect(Number(await cell(page, 'Plain DQN', 'data-never'))).toBe(2);
    expect(Number(await cell(page, 'Potential shaping', 'data-final-success'))).toBeGreaterThan(
      Number(await cell(page, 'Plain DQN', 'data-final-success')),
    );
    for (const v of ['Count bonus', 'Curiosity (RND)'])
      expect(Number(await cell(page, v, 'data-never')), v).toBe(0);

    // The sparsity sweep runs the preset's DQN beside the random walk.
    await page.getByRole('button', { name: 'Run sweep' }).click();
    const sweep = page.getByRole('table', { name: 'Sweep statistics' });
    await sweep.waitFor({ timeout: 180_000 });
    const rows = sweep.locator('tbody tr');
    expect(await rows.count()).toBe(5);
    const near = await rows.first().getAttribute('data-agent-median');
    expect(Number(near)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
