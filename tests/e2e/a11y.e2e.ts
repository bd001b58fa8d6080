/**
 * Accessibility: axe-core finds no serious or critical violation on the playground (cold, and
 * training), the Lab with results, the dialogs (Share menu, Saved configs, shortcut help) and
 * presentation mode, and in the dark colour scheme on a phone; and the skip link, the page's first Tab stop, takes the keyboard to the grid.
 *
 * The built page's CSP (script-src 'self') refuses an injected inline script, so these pages are
 * opened with bypassCSP (Playwright's newContext option: the CSP meta is ignored for this context
 * only) and axe's source goes in with addScriptTag({ content }). The CSP itself is tested in csp.e2e.ts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newContext } from './browser';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(
  opts: { width?: number; height?: number; hash?: string; colorScheme?: 'light' | 'dark' } = {},
) {
  const context = await newContext(browser, {
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    colorScheme: opts.colorScheme ?? 'light',
    bypassCSP: true,
    // No transitions (index.css honours the preference): axe reads settled colours, not a button's
    // background half-way through its hover or pressed transition.
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(baseUrl() + (opts.hash ? `#${opts.hash}` : ''));
  await page.getByRole('button', { name: /^row 1, column 1: / }).waitFor();
  await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('Ready');
  return { page, errors };
}

/** axe's serious and critical violations on the page as it is now, one line each. */
async function serious(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<unknown> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })) as {
      violations: Violation[];
      passes: unknown[];
    };
  });
  // axe did run and check things (a page it could not read would pass vacuously).
  expect(result.passes.length).toBeGreaterThan(10);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id} (${v.help}): ${v.nodes
          .slice(0, 5)
          .map((n) => `${n.target.join(' ')} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
          .join(' | ')}`,
    );
}

const episodes = async (page: Page) => Number(await page.getByTestId('charts').getAttribute('data-episodes'));

describe('accessibility (axe-core)', () => {
  it('the playground, cold and training, and presentation mode', async () => {
    const { page, errors } = await open();
    expect(await serious(page), 'cold').toEqual([]);
    await page.getByRole('slider', { name: 'Speed' }).fill('6');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => episodes(page)).toBeGreaterThan(5);
    expect(await serious(page), 'training').toEqual([]);
    await page.getByRole('button', { name: /Present/ }).click();
    expect(await page.locator('html.presentation').count()).toBe(1);
    expect(await serious(page), 'presentation').toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the dark colour scheme, and presentation mode in it (a phone)', async () => {
    const { page, errors } = await open({ colorScheme: 'dark', width: 390, height: 844 });
    expect(await serious(page), 'dark').toEqual([]);
    await page.keyboard.press('p');
    expect(await page.locator('html.presentation').count()).toBe(1);
    expect(await serious(page), 'dark, presentation').toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the dialogs: Share menu, Saved configs, shortcut help', async () => {
    const { page, errors } = await open();
    await page.getByRole('button', { name: /share & save/i }).click();
    await page.getByRole('menu').waitFor();
    expect(await serious(page), 'share menu').toEqual([]);
    await page.getByRole('menuitem', { name: /saved configs/i }).click();
    const saved = page.getByRole('dialog');
    await saved.waitFor();
    expect(await serious(page), 'saved configs').toEqual([]);
    await page.keyboard.press('Escape');
    await saved.waitFor({ state: 'detached' });
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    expect(await serious(page), 'help').toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the Lab with results, and in presentation mode', async () => {
    const { page, errors } = await open();
    await page.getByRole('button', { name: 'Lab', exact: true }).click();
    await page.getByRole('radio', { name: /Needle in a haystack/ }).check();
    await page.getByRole('button', { name: 'Run comparison' }).click();
    await page.getByRole('table', { name: 'Statistics per variant' }).waitFor();
    expect(await serious(page), 'lab').toEqual([]);
    await page.keyboard.press('p');
    expect(await page.locator('html.presentation').count()).toBe(1);
    expect(await serious(page), 'lab, presentation').toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the first Tab reaches a skip link that takes the keyboard to the grid', async () => {
    const { page, errors } = await open();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the grid' });
    expect(await skip.evaluate((e) => e === document.activeElement)).toBe(true);
    // Shown while it has the focus.
    const b = await skip.boundingBox();
    expect(b && b.y >= 0 && b.height > 0).toBe(true);
    await page.keyboard.press('Enter');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    expect(focused).toMatch(/^row \d+, column \d+: /);
    // Arrow keys then walk the grid.
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).not.toBe(
      focused,
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
