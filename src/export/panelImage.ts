/**
 * Draws a panel of the page onto a canvas at the panel's layout: every SVG as an image, every visible
 * HTML text (captions, keys, headings) as canvas text with its computed font and colour, and every
 * <canvas> as it is. Enough for the charts panel; not a general HTML renderer.
 */
import { loadSvgImage, serializeSvg } from './svgImage';

function drawTexts(ctx: CanvasRenderingContext2D, panel: HTMLElement, origin: DOMRect): void {
  const view = panel.ownerDocument.defaultView;
  if (!view) return;
  const walker = panel.ownerDocument.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
  const range = panel.ownerDocument.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.textContent?.replace(/\s+/g, ' ').trim();
    if (!parent || !text || parent.closest('svg')) continue;
    const cs = view.getComputedStyle(parent);
    if (cs.visibility === 'hidden' || cs.display === 'none' || Number(cs.opacity) === 0) continue;
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    ctx.fillStyle = cs.color;
    ctx.textBaseline = 'middle';
    ctx.fillText(text, r.left - origin.left, r.top - origin.top + r.height / 2, r.width + 2);
  }
}

export async function drawPanel(ctx: CanvasRenderingContext2D, panel: HTMLElement): Promise<void> {
  const origin = panel.getBoundingClientRect();
  drawTexts(ctx, panel, origin);
  const svgs = Array.from(panel.querySelectorAll('svg')).filter((s) => !s.parentElement?.closest('svg'));
  for (const svg of svgs) {
    const r = svg.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const img = await loadSvgImage(serializeSvg(svg));
    ctx.drawImage(img, r.left - origin.left, r.top - origin.top, r.width, r.height);
  }
  for (const canvas of Array.from(panel.querySelectorAll('canvas'))) {
    const r = canvas.getBoundingClientRect();
    if (r.width > 0 && r.height > 0)
      ctx.drawImage(canvas, r.left - origin.left, r.top - origin.top, r.width, r.height);
  }
}
