/**
 * A live SVG (a recharts chart) as a standalone image: a deep clone with the computed styles that
 * matter inlined (CSS classes and variables do not apply once the SVG leaves the page), explicit size
 * and namespace, serialized and loaded into an <img> ready to draw on a canvas.
 */

const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'color',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

export interface SerializedSvg {
  text: string;
  width: number;
  height: number;
}

function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const r = svg.getBoundingClientRect();
  const attr = (name: string) => Number.parseFloat(svg.getAttribute(name) ?? '') || 0;
  return { width: r.width || attr('width') || 300, height: r.height || attr('height') || 150 };
}

/** The SVG as standalone markup, its look frozen from the page's computed styles. */
export function serializeSvg(svg: SVGSVGElement): SerializedSvg {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const view = svg.ownerDocument.defaultView;
  const from = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const to = [clone, ...Array.from(clone.querySelectorAll('*'))];
  // Through the CSSOM (style.setProperty), not setAttribute('style'): the app's Content-Security-Policy
  // refuses inline style attributes but not the CSSOM. The element's own inline style still wins.
  if (view)
    from.forEach((el, i) => {
      const cs = view.getComputedStyle(el);
      const style = (to[i] as SVGElement).style;
      for (const p of STYLE_PROPS) {
        const v = cs.getPropertyValue(p);
        if (v !== '' && style.getPropertyValue(p) === '') style.setProperty(p, v);
      }
    });
  const { width, height } = sizeOf(svg);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const text = new XMLSerializer().serializeToString(clone);
  return { text, width, height };
}

/** Loads serialized SVG markup as an image (rejects if the browser cannot render it). */
export function loadSvgImage(svg: SerializedSvg): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml;charset=utf-8' }));
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the chart could not be drawn as an image'));
    };
    img.width = svg.width;
    img.height = svg.height;
    img.src = url;
  });
}
