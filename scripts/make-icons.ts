/**
 * Draws the web app manifest's PNG icons from public/favicon.svg with headless Chromium (run by hand when
 * the icon changes: `npx tsx scripts/make-icons.ts`; the PNGs are committed in public/):
 * - icon-192.png, icon-512.png: the favicon as it is (rounded, transparent corners), purpose "any";
 * - icon-maskable-512.png: the same tiles on a full square, inside the central 80% safe zone, purpose
 *   "maskable" (the launcher crops it to its own shape);
 * - apple-touch-icon.png (180 px): the maskable design, as iOS adds its own rounded corners.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumPath } from './ensure-chromium';

const svg = readFileSync('public/favicon.svg', 'utf8');
const BACKGROUND = '#1e293b';

/** The favicon's tiles without its rounded backdrop, scaled to the maskable safe zone. */
const maskable = svg
  .replace(/<rect width="32" height="32" rx="7" fill="#1e293b"\/>/, '')
  .replace(
    /(<svg[^>]*>)/,
    `$1<rect width="32" height="32" fill="${BACKGROUND}"/><g transform="translate(3.2 3.2) scale(0.8)">`,
  )
  .replace(/<\/svg>\s*$/, '</g></svg>');
if (maskable === svg || maskable.includes('rx="7"'))
  throw new Error('favicon.svg changed: update make-icons.ts');

const icons: { file: string; size: number; svg: string }[] = [
  { file: 'public/icon-192.png', size: 192, svg },
  { file: 'public/icon-512.png', size: 512, svg },
  { file: 'public/icon-maskable-512.png', size: 512, svg: maskable },
  { file: 'public/apple-touch-icon.png', size: 180, svg: maskable },
];

const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
try {
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    const sized = icon.svg.replace(
      /width="32" height="32" viewBox/,
      `width="${icon.size}" height="${icon.size}" viewBox`,
    );
    await page.setContent(`<body style="margin:0;background:transparent">${sized}</body>`);
    await page.screenshot({ path: icon.file, omitBackground: true });
    await page.close();
    console.log(`${icon.file} (${icon.size} px)`);
  }
} finally {
  await browser.close();
}
