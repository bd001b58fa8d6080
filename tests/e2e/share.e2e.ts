/**
 * Sharing and saving in Chromium: a copied link opens the same world in a fresh page; hostile links
 * show a message over the default world; saved configs and autosave survive a reload; embed mode shows
 * only the grid and charts; PNG exports download real PNG files.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTOSAVE_KEY } from '../../src/storage/autosave';
import { baseUrl, launchBrowser, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const cell = (page: Page, row: number, col: number, type: string) =>
  page.getByRole('button', { name: new RegExp(`^row ${row}, column ${col}: ${type}`) });

async function ready(page: Page): Promise<void> {
  await cell(page, 1, 1, 'start').waitFor();
}

async function openMenuItem(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('button', { name: /share & save/i }).click();
  await page.getByRole('menuitem', { name }).click();
}

/** Paints walls with the default (wall) tool, and waits until the cells say so. */
async function paintWalls(page: Page, cells: Array<[number, number]>): Promise<void> {
  for (const [r, c] of cells) {
    await cell(page, r, c, 'empty').click();
    await cell(page, r, c, 'wall').waitFor();
  }
}

describe('share links', () => {
  it('copy the link, open it in a new page, see the same world', async () => {
    const { page, errors } = await openApp(browser);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
    await ready(page);
    await paintWalls(page, [
      [2, 2],
      [2, 3],
      [7, 5],
    ]);
    await openMenuItem(page, /copy link/i);
    await page.getByText(/link copied/i).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link.startsWith(`${baseUrl()}#c=`)).toBe(true);
    expect(link.length).toBeLessThan(2000);

    const second = await openApp(browser, { hash: link.slice(link.indexOf('#') + 1) });
    await ready(second.page);
    for (const [r, c] of [
      [2, 2],
      [2, 3],
      [7, 5],
    ])
      expect(await cell(second.page, r, c, 'wall').count()).toBe(1);
    expect(await second.page.getByRole('alert').count()).toBe(0);
    // The address bar carries the same link (copying it is sharing).
    expect(second.page.url()).toBe(link);
    expect(second.errors).toEqual([]);
    expect(errors).toEqual([]);
    await second.page.context().close();
    await page.context().close();
  });

  it.each([
    ['garbage', 'c=hello-world'],
    ['script', 'c=%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
    ['truncated', 'c=N4IgLg9g7gzgJiAXKADgSwDZQJ4Fo0C2ANAMYCGAdmNGgG'],
    ['empty', 'c='],
    ['too long', `c=${'A'.repeat(120_000)}`],
  ])('a hostile link (%s) shows the message and the default world', async (_name, hash) => {
    const { page, errors } = await openApp(browser, { hash });
    await ready(page);
    const alert = page.getByRole('alert').filter({ hasText: /this link could not be opened/i });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/showing the default world instead/i);
    expect(await page.getByRole('button', { name: /, column \d+: /i }).count()).toBe(64);
    expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('saving', () => {
  it('a saved config and the autosaved work survive a reload', async () => {
    const { page, errors } = await openApp(browser);
    await ready(page);
    await paintWalls(page, [[2, 5]]);
    await openMenuItem(page, /save as/i);
    const dialog = page.getByRole('dialog', { name: /save as/i });
    await dialog.getByRole('textbox', { name: /name/i }).fill('E2E world');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await paintWalls(page, [[7, 3]]);
    // The autosave has run: the stored world has the new wall.
    await expect
      .poll(() =>
        page.evaluate((key) => {
          const saved = JSON.parse(localStorage.getItem(key) ?? 'null') as {
            config?: { env?: { grid?: string[] } };
          } | null;
          return saved?.config?.env?.grid?.[6]?.[2] ?? null;
        }, AUTOSAVE_KEY),
      )
      .toBe('#');

    await page.reload();
    await ready(page);
    expect(await cell(page, 7, 3, 'wall').count()).toBe(1); // autosave restored the latest work
    await openMenuItem(page, /saved configs/i);
    const saved = page.getByRole('dialog', { name: /saved configs/i });
    await saved.getByRole('button', { name: 'Load E2E world' }).click();
    await cell(page, 7, 3, 'empty').waitFor();
    expect(await cell(page, 2, 5, 'wall').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('exports the grid and the charts as PNG files', async () => {
    const { page, errors } = await openApp(browser);
    await ready(page);
    for (let i = 0; i < 5; i++) await page.keyboard.press('e'); // five episodes
    await page.locator('[data-testid="charts"] svg').first().waitFor();
    for (const [item, suffix] of [
      [/export grid png/i, '-grid-'],
      [/export charts png/i, '-charts-'],
    ] as const) {
      const download = page.waitForEvent('download');
      await openMenuItem(page, item);
      const file = await download;
      expect(file.suggestedFilename()).toContain(suffix);
      const stream = await file.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      const bytes = Buffer.concat(chunks);
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      expect(bytes.length).toBeGreaterThan(1000);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('classroom', () => {
  it('embed link: grid and charts, no header or settings', async () => {
    const { page, errors } = await openApp(browser);
    await ready(page);
    await paintWalls(page, [[5, 5]]);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
    await openMenuItem(page, /copy embed code/i);
    await page.getByText(/embed code copied/i).waitFor();
    const code = await page.evaluate(() => navigator.clipboard.readText());
    const src = /src="([^"]+)"/.exec(code)![1].replace(/&amp;/g, '&');
    await page.context().close();

    const embed = await openApp(browser, { hash: src.slice(src.indexOf('#') + 1) });
    await ready(embed.page);
    expect(await cell(embed.page, 5, 5, 'wall').count()).toBe(1);
    expect(await embed.page.locator('.app-header').count()).toBe(0);
    expect(await embed.page.getByRole('complementary', { name: 'Settings' }).count()).toBe(0);
    expect(await embed.page.getByRole('toolbar', { name: 'Training controls' }).count()).toBe(1);
    expect(await embed.page.locator('html.embed').count()).toBe(1);
    expect(embed.errors).toEqual([]);
    expect(errors).toEqual([]);
    await embed.page.context().close();
  });

  it('"?" opens the shortcut help, Escape closes it, P toggles presentation mode', async () => {
    const { page, errors } = await openApp(browser);
    await ready(page);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.textContent()).toMatch(/play \/ pause/i);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    const rootFont = () =>
      page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
    const normal = await rootFont();
    await page.keyboard.press('p');
    expect(await page.locator('html.presentation').count()).toBe(1);
    expect(await rootFont()).toBeGreaterThan(normal * 1.25);
    expect(await page.getByRole('complementary', { name: 'Settings' }).isVisible()).toBe(false);
    await page.keyboard.press('p');
    expect(await page.locator('html.presentation').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
