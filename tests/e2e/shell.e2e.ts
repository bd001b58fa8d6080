import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('app shell', () => {
  it('loads, renders the default grid as labelled cells, and logs no errors', async () => {
    const { page, errors } = await openApp(browser);
    const start = page.getByRole('button', { name: /row 1, column 1: start/i });
    await start.waitFor({ timeout: 15_000 });
    expect(await page.getByRole('button', { name: /: goal/i }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /, column \d+: /i }).count()).toBe(64);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
