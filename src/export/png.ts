/** PNG images of page elements: a canvas as it is, an SVG chart, or a panel of charts with its captions. */
import { drawPanel } from './panelImage';
import { loadSvgImage, serializeSvg } from './svgImage';

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    try {
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))),
        'image/png',
      );
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}

/** The first non-transparent background colour of `el` or its ancestors (white if none). */
export function backgroundOf(el: Element): string {
  const view = el.ownerDocument.defaultView;
  for (let e: Element | null = el; e && view; e = e.parentElement) {
    const bg = view.getComputedStyle(e).backgroundColor;
    if (bg && bg !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return '#ffffff';
}

function newCanvas(width: number, height: number, scale: number, background: string) {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw images (no 2D canvas)');
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  return { canvas, ctx };
}

export interface ImageOptions {
  /** Pixels per CSS pixel (default 2, crisp on a projector or in a slide). */
  scale?: number;
  background?: string;
}

/** One SVG chart as a PNG: serialize, draw onto a canvas over a solid background, encode. */
export async function svgToPng(svg: SVGSVGElement, opts: ImageOptions = {}): Promise<Blob> {
  const serialized = serializeSvg(svg);
  const img = await loadSvgImage(serialized);
  const { canvas, ctx } = newCanvas(
    serialized.width,
    serialized.height,
    opts.scale ?? 2,
    opts.background ?? backgroundOf(svg),
  );
  ctx.drawImage(img, 0, 0, serialized.width, serialized.height);
  return canvasToPng(canvas);
}

/** A whole panel (several charts, their HTML captions and labels) as one PNG, laid out as on the page. */
export async function panelToPng(panel: HTMLElement, opts: ImageOptions = {}): Promise<Blob> {
  const box = panel.getBoundingClientRect();
  const { canvas, ctx } = newCanvas(
    box.width,
    box.height,
    opts.scale ?? 2,
    opts.background ?? backgroundOf(panel),
  );
  await drawPanel(ctx, panel);
  return canvasToPng(canvas);
}
