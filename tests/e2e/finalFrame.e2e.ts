/**
 * On a slow, busy machine the page still ends on the run's final state: with the CPU throttled 6x, the
 * seeded default run (Q-learning, 300 episodes at full speed) trains to Done, and the greedy path's
 * verdict and the learned values the inspector shows are the ones the core computes in Node for the same
 * config and seed (the worker's own engine, src/worker/trainingSession.ts, on src/rl's Trainer). Every
 * wait is on a state the page announces (the grid's data-run-status / data-episode), never a time.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/defaults';
import { Trainer } from '../../src/rl/trainer';
import { TrainingSession } from '../../src/worker/trainingSession';
import { agentGreedyPath, describeGreedyPath } from '../../src/ui/grid/greedyPath';
import { formatNumber } from '../../src/ui/common/paramSpec';
import { launchBrowser, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const EPISODES = 300;
const grid = (page: Page) => page.locator('.grid-stage');
const runStatus = (page: Page) => grid(page).getAttribute('data-run-status');
const cell = (page: Page, row: number, col: number) =>
  page.getByRole('button', { name: new RegExp(`^row ${row}, column ${col}: `) });

/** What the worker's engine ends on for this run, computed here. */
function expected() {
  const config = defaultConfig();
  config.train.episodes = EPISODES;
  const session = new TrainingSession(new Trainer(config));
  session.play();
  while (session.running) session.run(Number.MAX_SAFE_INTEGER, Infinity, () => 0);
  const frame = session.progress(0).frame;
  const t = session.trainer;
  const greedy = describeGreedyPath(agentGreedyPath({ grid: t.grid, frame }));
  const learned = (s: number) =>
    `V ${formatNumber(frame.values![s])}` +
    ['↑', '→', '↓', '←'].map((a, k) => ` ${a} ${formatNumber(frame.q![s * 4 + k])}`).join('');
  return { greedy, learned, width: t.grid.width, steps: t.totalSteps };
}

describe('the final frame on a slow machine', () => {
  it('trains to Done with the CPU throttled 6x and shows the greedy path and values the core computes', async () => {
    const want = expected();
    expect(want.greedy).toMatch(/reaches the goal/);
    const { page, errors } = await openApp(browser);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await expect.poll(() => runStatus(page), { timeout: 60_000 }).toBe('idle');

    const eps = page.getByRole('spinbutton', { name: 'Episodes' });
    await eps.fill(String(EPISODES));
    await eps.blur();
    await expect
      .poll(() => page.getByTestId('status-line').textContent(), { timeout: 30_000 })
      .toContain(`/ ${EPISODES}`);
    await expect.poll(() => runStatus(page), { timeout: 30_000 }).toBe('idle');
    await page.getByRole('checkbox', { name: 'Greedy path' }).check();
    await page.getByRole('slider', { name: 'Speed' }).fill('6');
    await page.getByRole('button', { name: 'Play', exact: true }).click();

    await expect.poll(() => runStatus(page), { timeout: 180_000 }).toBe('done');
    expect(await grid(page).getAttribute('data-episode')).toBe(String(EPISODES));
    expect(await grid(page).getAttribute('data-steps')).toBe(String(want.steps));
    // The status line, the greedy path and the values all come from that final frame.
    expect(await page.getByTestId('run-status').textContent()).toBe('Done');
    expect(await page.getByTestId('greedy-path').textContent()).toBe(want.greedy);
    for (const [row, col] of [
      [1, 1],
      [1, 8],
      [4, 4],
      [8, 7],
    ]) {
      await cell(page, row, col).click({ button: 'right' });
      const s = (row - 1) * want.width + (col - 1);
      await expect
        .poll(() => page.getByLabel('Selected cell').locator('.learned').textContent())
        .toBe(want.learned(s));
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
