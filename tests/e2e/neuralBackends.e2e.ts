/**
 * The tfjs backends the built app loads on demand (src/rl/neural/tfSetup.ts): cpu comes with the wasm
 * chunk, webgl is a chunk of its own fetched only when WebGL is asked for. Each trains DQN in the
 * worker; where headless Chromium has no usable WebGL, 'webgl' falls back to wasm, and the fallback is
 * what the status line says.
 */
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

describe('neural backends loaded on demand', () => {
  it('cpu and webgl each start and train; the webgl chunk is fetched only when asked for', async () => {
    const { page, errors } = await openApp(browser);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.getByRole('button', { name: /^row 1, column 1: start/ }).waitFor({ timeout: 15_000 });
    await page.getByRole('combobox', { name: 'Algorithm' }).selectOption('dqn');
    const backend = page.getByRole('combobox', { name: 'Backend' });
    const status = () => page.getByTestId('run-status').textContent();
    const episodes = async () =>
      Number((await page.getByTestId('episode-count').textContent())?.replace(/,/g, ''));
    await backend.selectOption('cpu');
    await expect.poll(status, { timeout: 30_000 }).toBe('Ready');
    await expect.poll(() => page.getByTestId('backend').textContent(), { timeout: 30_000 }).toBe('cpu');
    expect(requests.some((u) => /tfjs-webgl/.test(u))).toBe(false);
    await page.getByRole('slider', { name: 'Speed' }).fill('6');
    await page.click('button.play');
    await expect.poll(episodes, { timeout: 60_000 }).toBeGreaterThan(3);
    await page.click('button.play');
    await backend.selectOption('webgl');
    await expect.poll(status, { timeout: 30_000 }).toBe('Ready');
    await expect
      .poll(() => page.getByTestId('backend').textContent(), { timeout: 30_000 })
      .toMatch(/^(webgl|wasm)$/);
    expect(requests.some((u) => /tfjs-webgl/.test(u))).toBe(true);
    await page.click('button.play');
    await expect.poll(episodes, { timeout: 60_000 }).toBeGreaterThan(3);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
