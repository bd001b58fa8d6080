/** A neural agent in the built app: tfjs loads lazily in the worker, runs on wasm from our own build, and learns. */
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

describe('neural agents', () => {
  it('DQN trains in the worker on the wasm backend, served from our build', async () => {
    const { page, errors } = await openApp(browser);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.getByRole('button', { name: /^row 1, column 1: start/ }).waitFor();
    expect(requests.some((u) => /tfjs|createNeuralAgent/.test(u))).toBe(false); // not on first load
    await page.getByRole('combobox', { name: 'Algorithm' }).selectOption('dqn');
    await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('Ready');
    await expect.poll(() => page.getByTestId('backend').textContent()).toBe('wasm');
    await page.getByRole('slider', { name: 'Speed' }).fill('6');
    await page.click('button.play');
    await expect
      .poll(async () => Number((await page.getByTestId('episode-count').textContent())?.replace(/,/g, '')))
      .toBeGreaterThan(20);
    await expect.poll(() => page.getByTestId('loss').textContent()).not.toBe('–');
    const base = new URL(page.url()).origin;
    const wasm = requests.filter((u) => u.endsWith('.wasm'));
    expect(wasm.length).toBeGreaterThan(0);
    expect(wasm.every((u) => u.startsWith(base))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
