/**
 * The built app under its Content-Security-Policy (the <meta> that vite.config.ts adds to dist/index.html):
 * served here with the same policy also as a response header on every file, so it governs the module
 * workers too (a <meta> reaches only the page). Trains a tabular agent, exports PNGs, trains DQN on
 * wasm in the worker and runs a Lab comparison, and expects no violation at all: no
 * `securitypolicyviolation` event in the page and no CSP message in the page's or a worker's console.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { serveDist } from '../../scripts/browserApp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext } from './browser';

const CSP_META = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/;

let browser: Browser;
let server: PreviewServer;
let url: string;
let policy: string;

beforeAll(async () => {
  const match = CSP_META.exec(readFileSync('dist/index.html', 'utf8'));
  if (!match) throw new Error('dist/index.html has no Content-Security-Policy meta');
  policy = match[1];
  ({ server, url } = await serveDist({ 'Content-Security-Policy': policy }));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Collects violations from the page's first script on (the init script is not bound by the CSP). */
const LISTEN = `(() => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber);
  });
})()`;

const CSP_TEXT = /content security policy|refused to/i;

async function open(): Promise<{ page: Page; errors: string[]; cspConsole: string[]; workers: string[] }> {
  const context = await newContext(browser, {
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  await context.addInitScript(LISTEN);
  const page = await context.newPage();
  const errors: string[] = [];
  const cspConsole: string[] = [];
  const workers: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    if (CSP_TEXT.test(m.text())) cspConsole.push(`page: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('worker', (w) => {
    workers.push(w.url());
    w.on('console', (m) => {
      if (CSP_TEXT.test(m.text())) cspConsole.push(`worker ${w.url()}: ${m.text()}`);
    });
  });
  const response = await page.goto(url);
  expect(response?.headers()['content-security-policy']).toBe(policy);
  return { page, errors, cspConsole, workers };
}

const count = async (page: Page, testId: string) =>
  Number((await page.getByTestId(testId).textContent())?.replace(/[^0-9]/g, '') || 0);
const status = (page: Page) => page.getByTestId('run-status').textContent();

/** Plays at full speed until more than `episodes` episodes, then pauses (unless the batch is done). */
async function train(page: Page, episodes: number): Promise<void> {
  await expect.poll(() => status(page)).toBe('Ready');
  await page.getByRole('slider', { name: 'Speed' }).fill('6');
  await page.click('button.play');
  await expect.poll(() => count(page, 'episode-count')).toBeGreaterThan(episodes);
  // A short batch may be done already (clicking then would start another).
  if ((await status(page)) === 'Training') await page.click('button.play');
  await expect.poll(() => status(page)).toMatch(/^(Paused|Done)$/);
}

async function exportPng(page: Page, item: RegExp): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /share & save/i }).click();
  await page.getByRole('menuitem', { name: item }).click();
  const chunks: Buffer[] = [];
  for await (const chunk of await (await download).createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('Content-Security-Policy', () => {
  it('the build carries a strict policy: own origin only, no inline code, no eval', () => {
    const directives = new Map(
      policy.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('worker-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'blob:']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/unsafe-inline|'unsafe-eval'|\*|https?:|data:/);
  });

  it('trains a tabular agent, exports PNGs, trains DQN on wasm and runs a Lab comparison without a violation', async () => {
    const { page, errors, cspConsole, workers } = await open();
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(
      policy,
    );
    await page.getByRole('button', { name: /^row 1, column 1: start/ }).waitFor();

    // A tabular agent (the default Q-learning) in the training worker, with its live charts.
    await train(page, 20);
    await page.locator('[data-testid="charts"] svg').first().waitFor();

    // PNG exports: the grid canvas, and the charts drawn through <img> of blob: SVGs.
    for (const item of [/export grid png/i, /export charts png/i]) {
      const png = await exportPng(page, item);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.length).toBeGreaterThan(1000);
    }

    // DQN: tfjs loads in the worker and compiles its wasm from our build.
    await page.getByRole('combobox', { name: 'Algorithm' }).selectOption('dqn');
    await expect.poll(() => page.getByTestId('backend').textContent()).toBe('wasm');
    await train(page, 3);
    await expect.poll(() => page.getByTestId('loss').textContent()).not.toBe('–');

    // The Lab: a comparison in the worker pool, and its charts.
    await page.getByRole('button', { name: 'Lab', exact: true }).click();
    await page.getByRole('radio', { name: /Needle in a haystack/ }).check();
    await page.getByRole('button', { name: 'Run comparison' }).click();
    await page.getByRole('table', { name: 'Statistics per variant' }).waitFor();
    expect(await page.locator('.lab-chart svg.recharts-surface').count()).toBeGreaterThanOrEqual(3);

    expect(workers.some((w) => /trainingWorker/.test(w))).toBe(true);
    expect(workers.some((w) => /labWorker/.test(w))).toBe(true);
    expect(await page.evaluate('window.__csp')).toEqual([]);
    expect(cspConsole).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the policy is enforced (the listeners would see a violation)', async () => {
    const { page, cspConsole } = await open();
    await page.getByRole('button', { name: /^row 1, column 1: start/ }).waitFor();
    // An inline script added by the test must be refused, reported as an event and in the console.
    await page.evaluate(`(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.body.appendChild(s);
    })()`);
    await expect.poll(() => page.evaluate('window.__csp.length')).toBeGreaterThan(0);
    expect(await page.evaluate('window.__ran === true')).toBe(false);
    await expect.poll(() => cspConsole.length).toBeGreaterThan(0);
    await page.context().close();
  });
});
