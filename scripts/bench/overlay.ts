/**
 * The grid's overlays under full-speed training (issue 21 item 6): the 50 x 50 world with a far goal,
 * Q-learning at Max, the default overlays (values and policy arrows), 15 s at 1280 x 800. Prints the
 * frames per second and the main thread's long tasks (PerformanceObserver 'longtask'), the same with
 * the value and arrow overlays off, and where the main thread spent its time (a CPU profile's self time
 * by function, top 12), so a change to the drawing can be judged by figures. Needs a build (dist/).
 * `npm run bench -- overlay`.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { defaultConfig } from '../../src/config/defaults';
import { Trainer } from '../../src/rl/trainer';
import { drawOverlay, type OverlayData } from '../../src/ui/grid/overlay/drawOverlay';
import { getPalette } from '../../src/ui/grid/overlay/palette';
import { Scratch } from '../../src/ui/grid/overlay/scratch';
import type { SpriteFactory } from '../../src/ui/grid/overlay/sprites';
import { TrainingSession } from '../../src/worker/trainingSession';
import { launchChromium, serveDist } from '../browserApp';
import { count, prepareFullSpeed, PROBE_START, PROBE_STOP, togglePlay } from './frames';

/** A sprite like the real ones (about a third of the cell's pixels, half of them blended). */
const fakeSprites: SpriteFactory = (size) => {
  const dx: number[] = [];
  const dy: number[] = [];
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++)
      if ((x + y) % 3 === 0) {
        dx.push(x);
        dy.push(y);
      }
  const n = dx.length;
  return {
    n,
    dx: Int16Array.from(dx),
    dy: Int16Array.from(dy),
    src: new Uint32Array(n).fill(0x80202020),
    alpha: Uint8Array.from({ length: n }, (_, i) => (i % 2 ? 255 : 128)),
  };
};

/** A stand-in 2D context: the pixels are what is measured, the vector layers cost the same either way. */
function nullContext(): CanvasRenderingContext2D {
  return new Proxy({} as Record<string, unknown>, {
    get: (t, k) =>
      k === 'createImageData'
        ? (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) })
        : k === 'measureText'
          ? () => ({ width: 10 })
          : k in t
            ? t[k as string]
            : () => {},
    set: (t, k, v) => {
      t[k as string] = v;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
}

/**
 * The pixel work per paint, in Node: frames of a real Q-learning run on the 50 x 50 far-goal world
 * (10,000 steps between frames, about what Max gives a 30 fps page), values and arrows on, 12 px cells
 * (what 50 x 50 gets at 1280 x 800) at pixel ratio 1 and 2; a full redraw every frame against the
 * incremental one. Median ms per paint and the share of cells rewritten.
 */
export function paintCost(): void {
  const c = defaultConfig();
  c.env.grid = Array.from({ length: 50 }, (_, y) =>
    Array.from({ length: 50 }, (_, x) => (x === 0 && y === 0 ? 'S' : x === 49 && y === 49 ? 'G' : '.')).join(
      '',
    ),
  );
  c.env.maxSteps = 2000;
  c.train.episodes = 1_000_000;
  const trainer = new Trainer(c);
  const session = new TrainingSession(trainer);
  const cells = Uint8Array.from(c.env.grid.join(''), (ch) => (ch === 'S' ? 2 : ch === 'G' ? 3 : 0));
  const p = getPalette('light');
  const ctx = nullContext();
  const frames: OverlayData[] = [];
  for (let i = 0; i < 120; i++) {
    trainer.runSteps(10_000);
    const f = session.progress(performance.now()).frame;
    frames.push({
      width: 50,
      height: 50,
      cells,
      cellSize: 12,
      values: f.values,
      q: f.q,
      policy: f.policy,
      show: { values: true, policy: true, q: false, visits: 'off', trail: true },
    });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const dpr of [1, 2]) {
    const time = (incremental: boolean) => {
      const sc = new Scratch(fakeSprites);
      const ms: number[] = [];
      let redrawn = 0;
      for (const d of frames) {
        if (!incremental) sc.drawn.layout = '';
        const t0 = performance.now();
        redrawn += drawOverlay(ctx, d, p, sc, { dpr, theme: 'light' }).redrawnCells;
        ms.push(performance.now() - t0);
      }
      return { ms: median(ms.slice(10)), share: redrawn / (frames.length * 2500) };
    };
    time(true);
    const full = time(false);
    const inc = time(true);
    console.log(
      `  paint at pixel ratio ${dpr}: full redraw ${full.ms.toFixed(2)} ms, incremental ${inc.ms.toFixed(2)} ms ` +
        `(${(inc.share * 100).toFixed(0)}% of cells rewritten), median of ${frames.length - 10} frames`,
    );
  }
}

const SECONDS = Number(process.env.OVERLAY_BENCH_SECONDS ?? 15);

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

async function measure(page: Page, profile: boolean) {
  const cdp = profile ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  await page.evaluate(PROBE_START);
  const t0 = Date.now();
  await togglePlay(page);
  await page.waitForTimeout(SECONDS * 1000);
  const probe = (await page.evaluate(PROBE_STOP)) as { frames: number; long: number[] };
  const seconds = (Date.now() - t0) / 1000;
  const episodes = await count(page, 'episode-count');
  await togglePlay(page);
  let top: string[] = [];
  if (cdp) {
    const { profile: p } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    const byNode = new Map<number, number>();
    p.samples.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
    const byName = new Map<string, number>();
    for (const n of p.nodes) {
      const f = n.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber}`;
      byName.set(key, (byName.get(key) ?? 0) + (byNode.get(n.id) ?? 0));
    }
    top = [...byName]
      .filter(([k]) => !/^\((idle|program|garbage collector)\)/.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([k, us]) => `${(us / 1000 / seconds).toFixed(0).padStart(4)} ms/s  ${k}`);
  }
  const long = probe.long;
  return {
    fps: probe.frames / seconds,
    long: long.length,
    longMs: long.reduce((a, b) => a + b, 0) / seconds,
    maxLong: long.length ? Math.max(...long) : 0,
    episodes,
    top,
  };
}

export async function run(): Promise<void> {
  console.log('overlay: drawOverlay per paint (Node, pixels only)');
  paintCost();
  if (!existsSync('dist/index.html')) {
    console.log('overlay: dist/ is missing, run `npm run build` first; skipped');
    return;
  }
  const { url, server } = await serveDist();
  const browser = await launchChromium();
  try {
    const once = async (overlays: boolean, profile: boolean) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(url);
      await prepareFullSpeed(page, 'far-goal');
      if (!overlays)
        for (const name of ['Values', 'Policy'])
          await page.getByRole('checkbox', { name, exact: true }).setChecked(false);
      const r = await measure(page, profile);
      await context.close();
      return r;
    };
    const line = (r: Awaited<ReturnType<typeof measure>>) =>
      `${r.fps.toFixed(1)} fps, ${r.long} long tasks (${r.longMs.toFixed(0)} ms/s, max ${r.maxLong.toFixed(0)} ms), ${r.episodes.toLocaleString('en-US')} episodes`;
    console.log(`overlay: ${SECONDS} s of Q-learning at Max, 50 x 50 world with a far goal, 1280 x 800`);
    const runs = [await once(true, false), await once(true, false)];
    for (const r of runs) console.log(`  default overlays: ${line(r)}`);
    console.log(`  overlays off:     ${line(await once(false, false))}`);
    const profiled = await once(true, true);
    console.log(`  profiled run (default overlays): ${line(profiled)}; main-thread self time:`);
    for (const t of profiled.top) console.log(`    ${t}`);
  } finally {
    await browser.close();
    await server.close();
  }
}
