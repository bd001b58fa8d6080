/**
 * Long runs stay flat: trains a tiny world at full speed in the built app until 1M, 10M and 30M
 * episodes and prints, at each mark, the page's JS heap, the resident memory of the renderer process
 * (page and training worker) and the frames per second and long tasks over the next 5 s. A run's metrics are one bounded model
 * (src/rl/metrics.ts), so none of these may grow with the episode count. Needs dist/ (npm run build).
 * `npm run bench -- longRun` runs it alone; LONG_RUN_MARKS=1,3 (millions) shortens it.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, serveDist } from '../browserApp';
import { shareUrl } from '../../src/config/codec';
import { defaultConfig } from '../../src/config/defaults';
import { count, PROBE_START, PROBE_STOP, togglePlay } from './frames';

const MARKS = (process.env.LONG_RUN_MARKS ?? '1,10,30').split(',').map((m) => Number(m) * 1e6);

/** A 3 x 3 world: episodes of a few steps, so tens of millions of them fit in a minute or two. */
function tinyWorldHash(): string {
  const c = defaultConfig();
  c.env.grid = ['S..', '...', '..G'];
  c.env.maxSteps = 20;
  c.train.episodes = 1_000_000;
  return shareUrl('', c).slice(1);
}

/** Resident memory (MB) of a process, from /proc (Linux). */
function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** The page's JS heap (after a garbage collection) and the resident memory of its renderer process,
 *  which also runs the training worker, in MB. */
async function memory(browser: Browser, page: Page): Promise<{ heap: number; renderer: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  const b = await browser.newBrowserCDPSession();
  const info = (await b.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  await b.detach();
  const renderers = info.processInfo.filter((p) => p.type === 'renderer').map((p) => rssMb(p.id));
  return { heap: heap.usedSize / 2 ** 20, renderer: Math.max(...renderers) };
}

export async function run(): Promise<void> {
  if (!existsSync('dist/index.html')) {
    console.log('longRun: dist/ is missing, run `npm run build` first; skipped');
    return;
  }
  const { url, server } = await serveDist();
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${url}#${tinyWorldHash()}`);
    await page.getByRole('button', { name: /^row 1, column 1: start/ }).waitFor({ timeout: 20_000 });
    await page.getByRole('slider', { name: 'Speed' }).fill('6');
    // A locator, not waitForFunction: that evals its string in the page, which the app's CSP refuses.
    await page
      .getByTestId('run-status')
      .filter({ hasText: /^Ready$/ })
      .waitFor();
    const status = async () => (await page.getByTestId('run-status').textContent()) ?? '';
    const t0 = Date.now();
    const start = await memory(browser, page);
    console.log(
      `longRun: 3 x 3 world at full speed; at start: page heap ${start.heap.toFixed(1)} MB, renderer ` +
        `(page + worker) ${start.renderer.toFixed(0)} MB resident`,
    );
    console.log('  episodes   page heap   renderer RSS   fps (5 s)   long tasks > 50 ms   elapsed');
    await togglePlay(page);
    for (const mark of MARKS) {
      while ((await count(page, 'episode-count')) < mark) {
        if ((await status()) === 'Done') await togglePlay(page);
        await page.waitForTimeout(250);
      }
      await page.evaluate(PROBE_START);
      const f0 = Date.now();
      await page.waitForTimeout(5000);
      if ((await status()) === 'Done') await togglePlay(page);
      const probe = (await page.evaluate(PROBE_STOP)) as { frames: number; long: number[] };
      const fps = probe.frames / ((Date.now() - f0) / 1000);
      const m = await memory(browser, page);
      const episodes = await count(page, 'episode-count');
      console.log(
        `  ${(episodes / 1e6).toFixed(1).padStart(6)} M  ${m.heap.toFixed(1).padStart(7)} MB  ` +
          `${m.renderer.toFixed(0).padStart(9)} MB  ` +
          `${fps.toFixed(1).padStart(10)}  ${String(probe.long.filter((d) => d > 50).length).padStart(12)}` +
          ` (max ${(probe.long.length ? Math.max(...probe.long) : 0).toFixed(0)} ms)  ${((Date.now() - t0) / 1000).toFixed(0)} s`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
