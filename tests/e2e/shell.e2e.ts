import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newContext, openApp } from './browser';

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
    await start.waitFor();
    expect(await page.getByRole('button', { name: /: goal/i }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /, column \d+: /i }).count()).toBe(64);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('fetches nothing from outside its own origin (no CDN), even when tfjs loads', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const urls: string[] = [];
    context.on('request', (r) => urls.push(r.url()));
    await page.goto(baseUrl());
    await page.getByRole('button', { name: /^row 1, column 1: start/ }).waitFor();
    await page.getByRole('combobox', { name: 'Algorithm' }).selectOption('dqn');
    // The tile shows '–' until the agent is built; wait for the backend it reports.
    await page
      .getByTestId('backend')
      .filter({ hasText: /wasm|webgl|cpu/ })
      .waitFor();
    const origin = new URL(baseUrl()).origin;
    expect(urls.some((u) => u.endsWith('.wasm'))).toBe(true); // the worker's requests are seen too
    expect(
      urls.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')),
    ).toEqual([]);
    await context.close();
  });
});
