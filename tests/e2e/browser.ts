/**
 * The e2e tests' browser: one Debian Chromium (or CHROMIUM_PATH's, through playwright-core, never a
 * downloaded browser) that globalSetup starts once for the whole run; each test file connects to it and
 * works in contexts of its own (closing the connection closes them, not the browser).
 *
 * Waits: every test waits on a state the app announces (a status text, a data attribute, an element),
 * never on a time. WAIT is how long such a wait may take before it fails: generous, so that a slow or
 * loaded machine only makes a test slower. It is the default for expect.poll (vitest.e2e.config.ts) and
 * for every Playwright action and wait in a context made here.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium } from '../../scripts/browserApp';

export const WAIT = 120_000;

/** The Content-Type a static host sends for a built file (the e2e tests that serve dist themselves). */
export function contentType(file: string): string {
  return CONTENT_TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
}
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};


/** The shared browser (a connection of this file's own); with extra flags, a browser of its own. */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  const endpoint = inject('browserWsEndpoint');
  if (extraArgs.length || !endpoint) return launchChromium(extraArgs);
  return chromium.connect(endpoint, { timeout: WAIT });
}

export function baseUrl(): string {
  return inject('baseUrl');
}

/** A new context whose actions and waits time out after WAIT (not Playwright's 30 s). */
export async function newContext(
  browser: Browser,
  opts: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(opts);
  context.setDefaultTimeout(WAIT);
  context.setDefaultNavigationTimeout(WAIT);
  return context;
}

/** Two animation frames: whatever the page had scheduled to draw has been drawn. */
export function nextFrames(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

/** A new page at the app's URL (plus an optional fragment), collecting console errors and page errors. */
export async function openApp(
  browser: Browser,
  opts: { hash?: string; width?: number; height?: number } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await newContext(browser, {
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
