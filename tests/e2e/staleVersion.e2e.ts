/**
 * After another tab takes a new version, the old tab keeps working (issue 21, item 3). Build A is
 * served from a copy of dist/; a new release B lists a different Lab chunk and no longer has A's. Tab 2
 * takes B (skip waiting, as its Reload button does); tab 1, still running A's code, then opens the Lab,
 * whose chunk only A had: the service worker answers it from the copy it kept of A's chunks
 * (public/sw-keep.js). Without a service worker (blocked), the failed chunk brings a notice that says
 * what a reload keeps, and its Reload brings the world back.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, launchBrowser, newContext } from './browser';

const FOLDER = '/app/';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A copy of dist/ (so a test can swap files in it) served under FOLDER; 404 for what is not there. */
async function serveCopy(): Promise<{ url: string; dir: string; served: string[]; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'stale-'));
  cpSync('dist', dir, { recursive: true });
  const served: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const rel = path.startsWith(FOLDER) ? normalize(path.slice(FOLDER.length) || 'index.html') : null;
    const file = rel && !rel.startsWith('..') ? join(dir, rel) : null;
    const ok = !!file && !!statSync(file, { throwIfNoEntry: false })?.isFile();
    served.push(`${ok ? 200 : 404} ${path}`);
    if (!ok) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': contentType(file),
      'Cache-Control': 'no-cache',
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}${FOLDER}`;
  return {
    url,
    dir,
    served,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const ready = (page: Page) => page.getByRole('button', { name: /^row 1, column 1: start/ }).waitFor();
const labChunk = (dir: string) => readdirSync(join(dir, 'assets')).find((f) => /^LabView-.*\.js$/.test(f))!;

async function openLab(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lab', exact: true }).click();
}

describe('an old tab after a new version', () => {
  it('keeps loading its lazy chunks from the service worker after another tab took the update', async () => {
    const app = await serveCopy();
    const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
    try {
      const tab1 = await context.newPage();
      const errors: string[] = [];
      tab1.on('pageerror', (e) => errors.push(e.message));
      await tab1.goto(app.url);
      await ready(tab1);
      await expect
        .poll(() => tab1.evaluate(() => navigator.serviceWorker.controller?.state ?? null))
        .toBe('activated');

      // Release B: the Lab's chunk has another name, A's is gone once B is live.
      const oldChunk = labChunk(app.dir);
      const newChunk = oldChunk.replace(/-[^-]+\.js$/, '-release2.js');
      cpSync(join(app.dir, 'assets', oldChunk), join(app.dir, 'assets', newChunk));
      const sw = readFileSync(join(app.dir, 'sw.js'), 'utf8');
      expect(sw).toContain(`assets/${oldChunk}`);
      expect(sw).toContain('sw-keep.js');
      writeFileSync(
        join(app.dir, 'sw.js'),
        sw.replace(`assets/${oldChunk}`, `assets/${newChunk}`) + '\n// B\n',
      );

      // Tab 2 opens, finds B and takes it (what its Reload button does).
      const tab2 = await context.newPage();
      await tab2.goto(app.url);
      await ready(tab2);
      await tab2.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        await reg?.update();
      });
      await expect
        .poll(() => tab2.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting))
        .toBe(true);
      await tab2.evaluate(async () => {
        (await navigator.serviceWorker.getRegistration())?.waiting?.postMessage({ type: 'SKIP_WAITING' });
      });
      // Tab 1 is now under B (its notice says a new version is there) and A's chunk is off the server.
      await tab1.getByTestId('update-notice').waitFor();
      rmSync(join(app.dir, 'assets', oldChunk));
      // B's precache no longer has it (Workbox drops what B does not list as B activates).
      await expect
        .poll(() =>
          tab1.evaluate(async (name) => {
            for (const key of await caches.keys())
              if (key.startsWith('workbox-precache'))
                for (const r of await (await caches.open(key)).keys()) if (r.url.includes(name)) return true;
            return false;
          }, oldChunk),
        )
        .toBe(false);

      // Tab 1 still runs A's code and asks for A's chunk: answered from the kept copy.
      await openLab(tab1);
      await tab1.getByRole('radio', { name: /Needle in a haystack/ }).waitFor();
      expect(await tab1.getByTestId('stale-version-notice').count()).toBe(0);
      expect(app.served.filter((s) => s.includes(oldChunk) && s.startsWith('404'))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await app.close();
    }
  });

  it('without a service worker, a missing chunk offers a reload that keeps the world and says what is lost', async () => {
    const app = await serveCopy();
    const context = await newContext(browser, {
      viewport: { width: 1280, height: 800 },
      serviceWorkers: 'block',
    });
    try {
      const page = await context.newPage();
      await page.goto(app.url);
      await ready(page);
      await page.getByRole('combobox', { name: 'Algorithm' }).selectOption('sarsa');
      const chunk = join(app.dir, 'assets', labChunk(app.dir));
      const bytes = readFileSync(chunk);
      rmSync(chunk);
      await openLab(page);
      const notice = page.getByTestId('stale-version-notice');
      await notice.waitFor();
      expect(await notice.textContent()).toMatch(
        /older version of the app.*world and settings are autosaved/,
      );
      // The new version is on the server (it has a Lab chunk again): Reload brings the page back.
      writeFileSync(chunk, bytes);
      await page.getByRole('button', { name: 'Reload, keeping the world' }).click();
      await page.getByRole('radio', { name: /Needle in a haystack/ }).waitFor();
      await page.getByRole('button', { name: 'Playground', exact: true }).click();
      await ready(page);
      await expect.poll(() => page.getByRole('combobox', { name: 'Algorithm' }).inputValue()).toBe('sarsa');
    } finally {
      await context.close();
      await app.close();
    }
  });
});
