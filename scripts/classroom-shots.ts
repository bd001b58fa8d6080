/**
 * Screenshots of the playground as a teacher sees it (issue 19): six sizes, the default world and the two
 * longest lessons, normal and presentation mode. Run after `npx vite build`:
 *   flock /tmp/browser.lock npx tsx scripts/classroom-shots.ts [outDir] [filter]
 */
import { launchChromium, serveDist } from './browserApp';

const out = process.argv[2] ?? '/tmp/shots-classroom';
const filter = process.argv[3] ?? '';
const SIZES: [number, number][] = [
  [390, 844],
  [768, 1024],
  [1024, 768],
  [1280, 800],
  [1920, 1080],
];
const LESSONS = ['', 'search-wall', 'deep-needle'];

const { url, server } = await serveDist();
const browser = await launchChromium();
try {
  for (const [w, h] of SIZES) {
    for (const lesson of LESSONS) {
      for (const presenting of [false, true]) {
        const name = `${w}x${h}-${lesson || 'default'}${presenting ? '-present' : ''}`;
        if (filter && !name.includes(filter)) continue;
        const context = await browser.newContext({ viewport: { width: w, height: h } });
        const page = await context.newPage();
        await page.goto(url);
        await page.getByTestId('run-status').waitFor();
        await page.waitForFunction(
          () => document.querySelector('[data-testid="run-status"]')?.textContent === 'Ready',
        );
        if (lesson) await page.getByRole('combobox', { name: 'Lesson' }).selectOption(lesson);
        if (presenting) await page.keyboard.press('p');
        await page.mouse.move(1, h - 1);
        await page.waitForTimeout(800);
        const m = await page.evaluate(() => ({
          scrollW: document.documentElement.scrollWidth,
          scrollH: document.documentElement.scrollHeight,
        }));
        console.log(name, JSON.stringify(m));
        await page.screenshot({ path: `${out}/${name}.png`, fullPage: w < 800 });
        // A phone's or tablet's first screen as well (the full page is too tall to read at a glance).
        if (w < 800) await page.screenshot({ path: `${out}/${name}-screen.png` });
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.httpServer.close();
}
