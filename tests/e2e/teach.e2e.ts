/**
 * "Teach it yourself" in Chromium: play a 5 x 5 world with the arrow keys (a roundabout 10-move episode),
 * see "You: best return 1 in 10 steps", train until the agent's greedy walk passes you, reload and find
 * the demonstration still there (the address bar carries it); then grade a few moves live. Screenshots
 * (TEACH_SHOTS=<dir>, default /tmp) of play mode at 1280x800, in presentation mode, and at 390x844 with
 * touch (the arrow pad).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeConfig, LINK_PARAM } from '../../src/config/codec';
import { parseConfig, type Config } from '../../src/config/schema';
import { launchBrowser, newContext, baseUrl, openApp, nextFrames } from './browser';

const SHOTS = process.env.TEACH_SHOTS ?? '/tmp';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe's serious and critical violations on the page as it is now (as a11y.e2e.ts counts them). */
async function serious(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const r = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<unknown> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })) as {
      violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
      passes: unknown[];
    };
  });
  expect(r.passes.length).toBeGreaterThan(10);
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function world(train: Record<string, unknown> = {}): Config {
  const r = parseConfig({
    version: 2,
    env: { grid: ['S....', '.....', '.....', '.....', '....G'], stepReward: -1, rewards: { G: 10 } },
    agent: { type: 'q-learning' },
    train: { episodes: 300, ...train },
  });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.config;
}

const hashOf = (c: Config) => `${LINK_PARAM}=${encodeConfig(c)}`;

async function ready(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('Ready');
}

const best = (page: Page) => page.getByTestId('play-best').textContent();

describe('Teach it yourself', () => {
  it('plays with the arrow keys, is passed by the agent, and keeps the demonstration over a reload', async () => {
    // CSP bypassed only so that axe can be injected (as a11y.e2e.ts does); no transitions for axe's colours.
    const context = await newContext(browser, {
      viewport: { width: 1280, height: 800 },
      bypassCSP: true,
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${baseUrl()}#${hashOf(world())}`);
    await ready(page);
    const toggle = page.getByRole('button', { name: 'Play it yourself' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('you-token').waitFor();
    // Two bumps into the top edge, then the shortest way: 10 moves, return -9 + 10 = 1.
    for (const key of ['ArrowUp', 'ArrowUp', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight'])
      await page.keyboard.press(key);
    expect(await page.getByTestId('you-token').getAttribute('data-cell')).toBe('4');
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown']) await page.keyboard.press(key);
    await expect.poll(() => best(page)).toBe('You: best return 1 in 10 steps');
    await page.screenshot({ path: `${SHOTS}/teach-play-1280x800.png` });
    expect(await serious(page)).toEqual([]);
    // Presentation mode keeps the toggle and the status.
    await page.keyboard.press('p');
    await expect.poll(() => page.locator('html.presentation').count()).toBe(1);
    await nextFrames(page);
    await page.screenshot({ path: `${SHOTS}/teach-play-presentation.png` });
    await page.keyboard.press('p');
    await expect.poll(() => page.locator('html.presentation').count()).toBe(0);

    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await page.getByRole('slider', { name: 'Speed' }).fill('5');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('play-passed').textContent())
      .toMatch(/The agent passed you at episode \d+/);
    await page.screenshot({ path: `${SHOTS}/teach-passed-1280x800.png` });

    // The address bar carries the demonstration (debounced): a reload keeps it.
    await expect.poll(() => new URL(page.url()).hash.length).toBeGreaterThan(10);
    await expect
      .poll(async () => {
        const c = new URLSearchParams(new URL(page.url()).hash.slice(1)).get(LINK_PARAM);
        return c !== null;
      })
      .toBe(true);
    await page.reload();
    await expect.poll(() => best(page)).toBe('You: best return 1 in 10 steps');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('grades the agent\u2019s moves live with + / - and the two buttons', async () => {
    const { page, errors } = await openApp(browser, { hash: hashOf(world({ rewardSource: 'live-grade' })) });
    await ready(page);
    const good = page.getByRole('button', { name: 'Good move' });
    await good.waitFor();
    await expect.poll(() => page.locator('.live-grade-tip').textContent()).toMatch(/Live grade/);
    await page.getByRole('slider', { name: 'Speed' }).fill('1');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect
      .poll(async () => Number(await page.getByTestId('step-count').textContent()))
      .toBeGreaterThan(2);
    await page.keyboard.press('+');
    await good.click();
    await page.keyboard.press('-');
    await page.getByRole('button', { name: 'Bad move' }).click();
    const steps = Number(await page.getByTestId('step-count').textContent());
    await expect
      .poll(async () => Number(await page.getByTestId('step-count').textContent()))
      .toBeGreaterThan(steps);
    expect(await page.getByTestId('run-status').textContent()).toBe('Training');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows the arrow pad on a phone (390x844, touch)', async () => {
    const context = await newContext(browser, {
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}#${hashOf(world())}`);
    await ready(page);
    await page.getByRole('button', { name: 'Play it yourself' }).click();
    const down = page.getByRole('button', { name: 'Move down' });
    const box = await down.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(44);
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await down.tap();
    await expect.poll(() => page.getByTestId('you-token').getAttribute('data-cell')).toBe('5');
    await page.getByTestId('you-token').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/teach-play-390x844.png`, fullPage: true });
    await context.close();
  });
});
