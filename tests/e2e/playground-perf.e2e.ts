/**
 * The page stays smooth while the worker trains at full speed: over 10 s, counts the frames drawn
 * (requestAnimationFrame) and the main thread's long tasks, and fails on any long task over 100 ms.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from './browser';
import { measureFullSpeed } from '../../scripts/bench/frames';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('playground performance', () => {
  it('keeps drawing frames with no long task over 100 ms during 10 s of full-speed training', async () => {
    const { page, errors } = await openApp(browser);
    const r = await measureFullSpeed(page, 10_000);
    console.log(
      `frames ${r.frames} (${r.fps.toFixed(1)} fps), long tasks ${r.longTasks.length} (max ${r.maxLongTask.toFixed(0)} ms), ` +
        `worker ${(r.stepsPerSecond / 1e6).toFixed(2)} M steps/s, ${r.episodes} episodes`,
    );
    expect(r.episodes).toBeGreaterThan(100);
    expect(r.stepsPerSecond).toBeGreaterThan(100_000);
    expect(r.longTasks.filter((d) => d > 100)).toEqual([]);
    expect(r.fps).toBeGreaterThan(20);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
