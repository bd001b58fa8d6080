/**
 * Full-speed training on the largest world (50 x 50, 2,000-step episodes) keeps the page alive: the
 * worker makes progress, the page keeps drawing frames, nothing throws. Only what a loaded machine
 * cannot break is asserted; frames per second, long tasks and steps per second are figures for
 * `npm run bench -- frames` (scripts/bench/frames.ts), logged here for information only.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from './browser';
import { count, prepareFullSpeed, PROBE_START, PROBE_STOP, togglePlay } from '../../scripts/bench/frames';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The frames drawn since the probe began (page.evaluate: waitForFunction would eval in the page, which
 *  the app's Content-Security-Policy refuses). */
const frames = (page: Page) => page.evaluate('window.__probe.frames') as Promise<number>;

describe('playground under full-speed training', () => {
  it('keeps training and drawing frames on a 50 x 50 world, with no page error', async () => {
    const { page, errors } = await openApp(browser);
    await prepareFullSpeed(page, 'no-goal');
    await page.evaluate(PROBE_START);
    const t0 = Date.now();
    await togglePlay(page);

    // The worker makes progress: steps and whole (2,000-step) episodes pile up, and keep doing so.
    await expect.poll(() => count(page, 'episode-count')).toBeGreaterThan(5);
    const steps = await count(page, 'step-count');
    await expect.poll(() => count(page, 'step-count')).toBeGreaterThan(steps);
    // The page is not frozen: animation frames keep coming while the worker runs.
    await expect.poll(() => frames(page)).toBeGreaterThanOrEqual(30);
    expect(await page.getByTestId('run-status').textContent()).toBe('Training');

    const probe = (await page.evaluate(PROBE_STOP)) as { frames: number; long: number[] };
    const seconds = (Date.now() - t0) / 1000;
    await togglePlay(page);
    await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('Paused');
    console.log(
      `(information, not asserted) ${seconds.toFixed(1)} s: ${(probe.frames / seconds).toFixed(1)} fps, ` +
        `${probe.long.length} long tasks (max ${Math.max(0, ...probe.long).toFixed(0)} ms), ` +
        `${await count(page, 'episode-count')} episodes`,
    );
    expect(probe.frames).toBeGreaterThanOrEqual(30);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
