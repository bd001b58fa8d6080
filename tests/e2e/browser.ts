/** Launches Debian's Chromium (or CHROMIUM_PATH's) through playwright-core (never a downloaded browser). */
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium } from '../../scripts/browserApp';

export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

export function baseUrl(): string {
  return inject('baseUrl');
}

/** A new page at the app's URL (plus an optional fragment), collecting console errors and page errors. */
export async function openApp(
  browser: Browser,
  opts: { hash?: string; width?: number; height?: number } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(baseUrl() + (opts.hash ? `#${opts.hash}` : ''));
  return { page, errors };
}
