/**
 * The tfjs agents in headless Chromium: milliseconds per gradient step on the wasm, webgl and cpu
 * backends, measured in a module worker (as the app trains) on a page served by vite's dev server from
 * scripts/bench/browser/. Builds nothing. WebGL in headless Chromium is SwiftShader (software), so its
 * figures say little about a real GPU. Run alone: npx tsx scripts/bench/neuralBrowser.ts
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { chromiumPath } from '../ensure-chromium';

const here = dirname(fileURLToPath(import.meta.url));
const CHROMIUM = chromiumPath();
const TIMEOUT_MS = 300_000;

export async function run(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`skipped: no Chromium at ${CHROMIUM}`);
    return;
  }
  const server = await createServer({
    root: join(here, 'browser'),
    configFile: false,
    logLevel: 'error',
    cacheDir: join(tmpdir(), 'gridworld-neural-bench-vite'),
    server: { host: '127.0.0.1', port: 0, fs: { allow: [resolve(here, '../..')] } },
    optimizeDeps: {
      include: [
        '@tensorflow/tfjs-core',
        '@tensorflow/tfjs-backend-wasm',
        '@tensorflow/tfjs-backend-cpu',
        '@tensorflow/tfjs-backend-webgl',
      ],
    },
    worker: { format: 'es' },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  });
  try {
    if (!url) throw new Error('the vite dev server has no local URL');
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
    await page.goto(url);
    console.log(`${await browser.version()}; median (min-max) of per-run medians, default configs`);
    let printed = 0;
    const deadline = Date.now() + TIMEOUT_MS;
    for (;;) {
      const { lines, done } = await page.evaluate(() => {
        const w = window as unknown as { benchLines?: string[]; benchDone?: boolean };
        return { lines: w.benchLines ?? [], done: w.benchDone ?? false };
      });
      for (; printed < lines.length; printed++) console.log(lines[printed]);
      if (done) break;
      if (Date.now() > deadline) throw new Error(`no result within ${TIMEOUT_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
