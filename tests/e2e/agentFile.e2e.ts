/**
 * A teacher trains before class and opens the result in front of it: train, Save trained agent (a real
 * download), reload the page, Open trained agent... with that file: the greedy path and the values are
 * there at once and the episode counter shows the trained episodes; Play goes on from there. A damaged
 * file gets a message and leaves the page working.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packArray } from '../../src/config/packedArray';
import { launchBrowser, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const text = (page: Page, id: string) => page.getByTestId(id).textContent();
const episodes = async (page: Page) => Number((await text(page, 'episode-count'))?.replace(/,/g, ''));
const chartEpisodes = async (page: Page) =>
  Number(await page.getByTestId('charts').getAttribute('data-episodes'));
const NO_VALUES = 'Values appear here as the agent learns.';
/** The run as the grid announces it (the status and episodes of the frame it shows). */
const gridRun = async (page: Page) => {
  const g = page.locator('.grid-stage');
  return `${await g.getAttribute('data-run-status')} ${await g.getAttribute('data-episode')}`;
};

async function openMenuItem(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('button', { name: /share & save/i }).click();
  await page.getByRole('menuitem', { name }).click();
}

async function openAgent(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser', { timeout: 10_000 });
  await openMenuItem(page, /open trained agent/i);
  await (await chooser).setFiles(path);
}

describe('trained agent file', () => {
  it('saves a trained agent, and after a reload opens it trained at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agent-e2e-'));
    const { page, errors } = await openApp(browser);
    await expect.poll(() => text(page, 'run-status'), { timeout: 15_000 }).toBe('Ready');
    const eps = page.getByRole('spinbutton', { name: 'Episodes' });
    await eps.fill('300');
    await eps.blur();
    await expect.poll(() => text(page, 'run-status')).toBe('Ready');
    await page.getByRole('checkbox', { name: 'Greedy path' }).check();
    await page.getByRole('slider', { name: 'Speed' }).fill('6');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    // The grid announces the frame it shows: once it is Done's, the greedy path is the trained one.
    await expect.poll(() => gridRun(page), { timeout: 120_000 }).toBe('done 300');
    expect(await text(page, 'run-status')).toBe('Done');
    expect(await episodes(page)).toBe(300);
    const greedy = await text(page, 'greedy-path');
    expect(greedy).toMatch(/reaches the goal/);

    const download = page.waitForEvent('download', { timeout: 30_000 });
    await openMenuItem(page, /save trained agent/i);
    const file = join(dir, (await download).suggestedFilename());
    await (await download).saveAs(file);
    expect(file).toMatch(/-agent-.*\.json$/);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.format).toBe('gridworld-rl-agent');
    expect(saved.state.metrics.numbers.count).toBe(300);

    // A new page: the world comes back from autosave, untrained.
    await page.reload();
    await expect.poll(() => text(page, 'run-status'), { timeout: 15_000 }).toBe('Ready');
    expect(await episodes(page)).toBe(0);
    await expect.poll(() => page.getByText(NO_VALUES).count()).toBe(1);

    await page.getByRole('checkbox', { name: 'Greedy path' }).check();
    await openAgent(page, file);
    await expect.poll(() => gridRun(page), { timeout: 30_000 }).toBe('done 300');
    expect(await episodes(page)).toBe(300);
    expect(await text(page, 'greedy-path')).toBe(greedy);
    expect(await page.getByText(NO_VALUES).count()).toBe(0);
    await expect.poll(() => chartEpisodes(page), { timeout: 10_000 }).toBe(300);
    expect(await text(page, 'run-status')).toBe('Done');
    await expect.poll(() => text(page, 'notice')).toMatch(/trained agent after 300 episodes/);

    // Training goes on from the loaded run: another 300 episodes.
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await expect.poll(() => gridRun(page), { timeout: 120_000 }).toBe('done 600');
    expect(await text(page, 'run-status')).toBe('Done');

    // A damaged file: a message, the run as it was.
    const broken = join(dir, 'broken.json');
    const text0 = readFileSync(file, 'utf8');
    writeFileSync(broken, text0.slice(0, Math.floor(text0.length / 2)));
    const before = await episodes(page);
    await openAgent(page, broken);
    await expect.poll(() => text(page, 'notice'), { timeout: 10_000 }).toMatch(/not opened: “broken\.json”/i);
    expect(await episodes(page)).toBe(before);

    // A file that passes the file check but does not fit its own setup (a 100-entry Q table on the 8 x 8
    // grid, in another world): refused with the reason before anything is replaced.
    const misfit = join(dir, 'misfit.json');
    const bad = JSON.parse(text0);
    bad.config.env.slip = 0.25;
    bad.state.agent.arrays.q = packArray(new Float64Array(100), 'f64');
    delete bad.checksum; // made by hand, not saved: no checksum to refuse it by
    writeFileSync(misfit, JSON.stringify(bad));
    await openAgent(page, misfit);
    await expect
      .poll(() => text(page, 'notice'), { timeout: 30_000 })
      .toMatch(/not opened: it does not fit its own setup \(.*q has 100 numbers.*\)/);
    expect(await episodes(page)).toBe(before);
    expect(await gridRun(page)).toBe('done 600');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
