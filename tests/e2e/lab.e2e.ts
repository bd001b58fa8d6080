import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from './browser';

/** Set LAB_SHOTS=<dir> to also save screenshots of the comparison and the sweep. */
const SHOTS = process.env.LAB_SHOTS;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openLab(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lab', exact: true }).click();
  await page.getByRole('radio', { name: /Needle in a haystack/ }).check();
}

interface Box {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The on-screen boxes of the text elements that `selector` finds under `root`. */
function textBoxes(root: Locator, selector: string): Promise<Box[]> {
  return root.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { text: el.textContent ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }),
  );
}

/** Boxes that overlap their right-hand neighbour, as "a | b" pairs (none when the labels are clear). */
function overlapping(boxes: Box[]): string[] {
  const sorted = [...boxes].sort((a, b) => a.left - b.left);
  return sorted
    .slice(1)
    .flatMap((b, i) => (sorted[i].right > b.left ? [`${sorted[i].text} | ${b.text}`] : []));
}

const decimals = (label: string) => label.split('.')[1]?.replace(/[^0-9]/g, '').length ?? 0;

/** Each axis title (recharts' label) of the charts under `root` lies wholly inside its chart's SVG. */
async function clippedTitles(root: Locator): Promise<string[]> {
  return root.locator('svg.recharts-surface').evaluateAll((svgs) =>
    svgs.flatMap((svg) => {
      const s = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('.recharts-label')].flatMap((t) => {
        const r = t.getBoundingClientRect();
        const inside = r.top >= s.top - 0.5 && r.bottom <= s.bottom + 0.5 && r.left >= s.left - 0.5;
        return inside ? [] : [`${t.textContent} (${r.top}-${r.bottom} outside ${s.top}-${s.bottom})`];
      });
    }),
  );
}

/** The Lab's charts read cleanly: histogram labels apart, same decimals on every y tick, titles whole. */
async function expectReadableCharts(page: Page): Promise<void> {
  const histogram = page.getByRole('figure', { name: /First success/ });
  await histogram.scrollIntoViewIfNeeded();
  const bins = await textBoxes(histogram, 'text.bin-tick');
  expect(bins.length).toBeGreaterThanOrEqual(5);
  expect(overlapping(bins)).toEqual([]);
  for (const name of ['Return per episode', 'Success rate', /First success/]) {
    const fig = page.getByRole('figure', { name });
    const ticks = (await textBoxes(fig, 'text.lab-y-tick')).map((t) => t.text);
    expect(ticks.length, String(name)).toBeGreaterThanOrEqual(3);
    expect(new Set(ticks.map(decimals)).size, `${name}: ${ticks.join(' ')}`).toBe(1);
    expect(await clippedTitles(fig)).toEqual([]);
  }
}

async function firstMedian(page: Page, variant: string): Promise<number> {
  const v = await page.locator(`tr[data-variant="${variant}"]`).getAttribute('data-first-median');
  return v === 'never' || v === null ? Infinity : Number(v);
}

describe('sparse-reward lab', () => {
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ]) {
    it(`runs the needle comparison and sweep at ${width}x${height}: shaping finds the goal earlier`, async () => {
      const { page, errors } = await openApp(browser, { width, height });
      await openLab(page);
      await expect(page.getByRole('heading', { name: 'Needle in a haystack' }).count()).resolves.toBe(1);
      await page.getByRole('button', { name: 'Run comparison' }).click();
      const table = page.getByRole('table', { name: 'Statistics per variant' });
      await table.waitFor();
      const plain = await firstMedian(page, 'Plain Q-learning');
      const shaped = await firstMedian(page, 'Potential shaping');
      expect(shaped).toBeLessThan(plain);
      expect(shaped).toBeLessThan(20);
      // The chart exposes the same medians.
      const fig = page.getByRole('figure', { name: 'Return per episode' });
      const medians = JSON.parse((await fig.getAttribute('data-first-success-median')) ?? '{}');
      expect(medians['Potential shaping']).toBe(shaped);
      expect(await page.locator('.lab-chart svg.recharts-surface').count()).toBeGreaterThanOrEqual(3);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/lab-compare-${width}x${height}.png` });
      await expectReadableCharts(page);

      await page.getByRole('button', { name: 'Run sweep' }).click();
      const sweep = page.getByRole('table', { name: 'Sweep statistics' });
      await sweep.waitFor();
      const rows = sweep.locator('tbody tr');
      expect(await rows.count()).toBe(7);
      const near = Number(await rows.first().getAttribute('data-random-median'));
      const farAttr = await rows.last().getAttribute('data-random-median');
      const far = farAttr === 'never' ? Infinity : Number(farAttr);
      expect(far).toBeGreaterThan(100 * near);
      if (SHOTS) {
        await page.getByRole('region', { name: 'Sparsity sweep' }).scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/lab-sweep-${width}x${height}.png` });
      }
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('the embed view at 800x500 shows whole axis titles, and every chart can be scrolled to', async () => {
    const { page, errors } = await openApp(browser, { hash: 'embed=1', width: 800, height: 500 });
    await page.getByRole('button', { name: /^row 1, column 1: start/ }).waitFor();
    await page.getByRole('slider', { name: 'Speed' }).fill('6');
    await page.click('button.play');
    const column = page.getByRole('complementary', { name: 'Learning curves' });
    // Three: the default Q-learner's epsilon never changes, so it has no epsilon chart.
    await expect.poll(() => column.locator('svg.recharts-surface').count()).toBe(3);
    await expect
      .poll(async () => Number(await page.getByTestId('charts').getAttribute('data-episodes')))
      .toBeGreaterThan(5);
    expect(await clippedTitles(column)).toEqual([]);
    // The grid keeps the room of its column (a square as high as the column, less its outline).
    const stage = await page.locator('.embed-grid').boundingBox();
    const board = await page.locator('.grid-board').boundingBox();
    expect(board!.height).toBeGreaterThan(0.9 * Math.min(stage!.width, stage!.height));
    const titles = (await textBoxes(column, '.recharts-label[transform*="rotate"]')).map((t) => t.text);
    expect(titles).toEqual(expect.arrayContaining(['Return', 'Steps', 'Success']));
    // The last chart is reachable: scrolled into the column, its whole SVG is on screen.
    const last = column.locator('svg.recharts-surface').last();
    await last.scrollIntoViewIfNeeded();
    const box = await last.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 500).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('cancels a comparison and keeps the runs finished so far', async () => {
    const { page, errors } = await openApp(browser);
    await openLab(page);
    await page.getByRole('radio', { name: /Slippery lake/ }).check();
    await page.getByRole('spinbutton', { name: 'Seeds' }).fill('64');
    await page.getByRole('button', { name: 'Run comparison' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText(/Cancelled after \d+ of 192 runs/).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
