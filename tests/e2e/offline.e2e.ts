/**
 * Offline use (the service worker of vite.config.ts): the built app served from a sub-folder, with its
 * Content-Security-Policy also sent as a header on every file (so it governs the service worker too).
 * The first visit installs the worker; then the browser goes offline, the server is shut down, and a
 * reload still starts the app, trains a tabular agent and trains DQN on tfjs's wasm backend, everything
 * answered from the precache. Also: the web manifest makes it installable, and no script is inline.
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, normalize } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, launchBrowser, newContext } from './browser';

/** Where the app is served: a sub-folder, as on a school's web space. */
const FOLDER = '/class/gridworld/';
const DIST = 'dist';
const CSP_META = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/;

let browser: Browser;
let policy: string;

interface DistServer {
  url: string;
  server: Server;
  /** Paths answered so far, in order. */
  served: string[];
  /** Appended to sw.js: a different worker script, as a new release would bring. */
  swSuffix: string;
  close(): Promise<void>;
}

/** A static server for dist/ under FOLDER (nothing else), with the CSP header on every response. */
async function serveDist(): Promise<DistServer> {
  const served: string[] = [];
  const d = { served, swSuffix: '' } as DistServer;
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    served.push(path);
    const rel = path.startsWith(FOLDER) ? normalize(path.slice(FOLDER.length) || 'index.html') : null;
    const file = rel && !rel.startsWith('..') ? join(DIST, rel) : null;
    if (!file || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': contentType(file),
      'Content-Security-Policy': policy,
      'Cache-Control': 'no-cache',
    });
    const body = readFileSync(file);
    res.end(rel === 'sw.js' ? Buffer.concat([body, Buffer.from(d.swSuffix)]) : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  // 127.0.0.1 is a secure context, so service workers are allowed without https.
  d.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}${FOLDER}`;
  d.server = server;
  d.close = async () => {
    if (!server.listening) return;
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  };
  return d;
}

beforeAll(async () => {
  const match = CSP_META.exec(readFileSync(`${DIST}/index.html`, 'utf8'));
  if (!match) throw new Error('dist/index.html has no Content-Security-Policy meta');
  policy = match[1];
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Collects CSP violations from the page's first script on (the init script is not bound by the CSP). */
const LISTEN = `(() => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline'));
  });
})()`;

const count = async (page: Page, testId: string) =>
  Number((await page.getByTestId(testId).textContent())?.replace(/[^0-9]/g, '') || 0);
const status = (page: Page) => page.getByTestId('run-status').textContent();

/** Plays at full speed until more than `episodes` episodes, then pauses (unless the batch is done). */
async function train(page: Page, episodes: number): Promise<void> {
  await expect.poll(() => status(page)).toBe('Ready');
  await page.getByRole('slider', { name: 'Speed' }).fill('6');
  await page.click('button.play');
  await expect.poll(() => count(page, 'episode-count')).toBeGreaterThan(episodes);
  if ((await status(page)) === 'Training') await page.click('button.play');
  await expect.poll(() => status(page)).toMatch(/^(Paused|Done)$/);
}

const ready = (page: Page) => page.getByRole('button', { name: /^row 1, column 1: start/ }).waitFor();

/** A fresh profile's first visit: the app starts, and its service worker installs and takes the page. */
async function firstVisit(url: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
  await context.addInitScript(LISTEN);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await ready(page);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null))
    .toBe('activated');
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(url);
  return { context, page, errors };
}

describe('offline use', () => {
  it('the build is installable: a web manifest with name, icons, theme colour, start_url and standalone', async () => {
    const html = readFileSync(`${DIST}/index.html`, 'utf8');
    expect(html).toContain('<link rel="manifest" href="./manifest.webmanifest">');
    expect(html).toMatch(/<meta name="theme-color" content="#[0-9a-f]{6}">/);
    // No inline script (the CSP would refuse one): every <script> has a src.
    expect(html.match(/<script\b[^>]*>/g)?.every((tag) => / src="\.\//.test(tag))).toBe(true);

    const manifest = JSON.parse(readFileSync(`${DIST}/manifest.webmanifest`, 'utf8'));
    expect(manifest).toMatchObject({
      name: 'Gridworld RL Playground',
      start_url: './',
      scope: './',
      display: 'standalone',
    });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i: { purpose?: string }) => i.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons as { src: string; sizes: string }[]) {
      const png = readFileSync(`${DIST}/${icon.src}`);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect(`${w}x${h}`).toBe(icon.sizes);
    }

    // The worker precaches the wasm files and the neural agent's lazy chunk.
    const sw = readFileSync(`${DIST}/sw.js`, 'utf8');
    expect(sw).toMatch(/url:"assets\/tfjs-backend-wasm-simd-[\w-]+\.wasm"/);
    expect(sw).toMatch(/url:"assets\/tfjs-backend-wasm-[\w-]+\.wasm"/);
    expect(sw).toMatch(/url:"assets\/createNeuralAgent-[\w-]+\.js"/);
    expect(sw).toMatch(/url:"index\.html"/);
  });

  it('after the first visit, a reload without a network starts, trains a tabular agent and DQN on wasm', async () => {
    const dist = await serveDist();
    try {
      const { context, page, errors } = await firstVisit(dist.url);

      // Offline: the browser has no network and the server is gone.
      await context.setOffline(true);
      await dist.close();
      const before = dist.served.length;

      const response = await page.reload();
      expect(response?.fromServiceWorker()).toBe(true);
      await ready(page);
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);

      // A tabular agent (the default Q-learning) in the training worker, loaded from the precache.
      await train(page, 20);

      // DQN: tfjs's chunk and its .wasm come from the precache too.
      await page.getByRole('combobox', { name: 'Algorithm' }).selectOption('dqn');
      await expect.poll(() => page.getByTestId('backend').textContent()).toBe('wasm');
      await train(page, (await count(page, 'episode-count')) + 3);

      expect(dist.served.length).toBe(before);
      expect(await page.evaluate('window.__csp')).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await dist.close();
    }
  });

  it('a new version announces itself and takes over only on Reload', async () => {
    const dist = await serveDist();
    try {
      const { context, page, errors } = await firstVisit(dist.url);
      expect(await page.getByTestId('update-notice').count()).toBe(0);
      await page.evaluate('window.__sameDocument = true');

      // A new release: a different sw.js. The check a browser makes on a later visit, made now.
      dist.swSuffix = '\n// the next release\n';
      await page.evaluate(async () => {
        await (await navigator.serviceWorker.getRegistration())?.update();
      });
      const notice = page.getByTestId('update-notice');
      await notice.waitFor();
      expect(await notice.textContent()).toMatch(/A new version is available/);
      // It waits: the running page is the same document, still under the old worker.
      expect(await page.evaluate('window.__sameDocument')).toBe(true);
      expect(
        await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting),
      ).toBe(true);

      // Reload: the new worker activates and the page reloads under it.
      await page.getByRole('button', { name: 'Reload' }).click();
      await expect.poll(() => page.evaluate('window.__sameDocument ?? false')).toBe(false);
      await ready(page);
      await expect
        .poll(() =>
          page.evaluate(async () => {
            const r = await navigator.serviceWorker.getRegistration();
            return { waiting: !!r?.waiting, controlled: navigator.serviceWorker.controller?.state ?? null };
          }),
        )
        .toEqual({ waiting: false, controlled: 'activated' });
      expect(await page.getByTestId('update-notice').count()).toBe(0);
      expect(await page.evaluate('window.__csp')).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await dist.close();
    }
  });
});
