/** Buffers reused from one paint to the next (per-cell inputs, the pixel image, sprite cache). */
import type { SpriteFactory, SpriteSet } from './sprites';

/** The per-cell layers a paint computes and the image keeps (see Scratch), sized for n cells. */
function cellLayers(n: number) {
  return {
    color: new Uint32Array(n),
    dark: new Uint32Array(n),
    qCell: new Uint8Array(n),
    bar: new Int32Array(n),
    qColor: new Uint32Array(n * 4),
    qDivider: new Uint32Array(n),
    arrow: new Uint8Array(n),
  };
}

export class Scratch {
  n = -1;
  /** Per cell: fill pixel, the darker track pixel, Q flag, visit-bar length (device px). */
  color = new Uint32Array(0);
  dark = new Uint32Array(0);
  qCell = new Uint8Array(0);
  bar = new Int32Array(0);
  /** Per cell * 4 + action: Q triangle pixel; per cell: divider pixel. */
  qColor = new Uint32Array(0);
  qDivider = new Uint32Array(0);
  /** Device-px boundaries of cell columns (width + 1) and rows (height + 1). */
  X = new Int32Array(0);
  Y = new Int32Array(0);
  image: ImageData | null = null;
  /** The image's pixels as packed RGBA. */
  pixels = new Uint32Array(0);
  sprites = new Map<string, SpriteSet>();
  /** Per cell: the arrow sprite drawn (best-action mask, 0 none) this paint. */
  arrow = new Uint8Array(0);
  /**
   * What the image holds from the last paint, per cell (drawOverlay redraws only the cells whose inputs
   * differ from these), and the layout it was drawn with ('' until the first paint: a full redraw).
   */
  drawn = {
    layout: '',
    sprites: null as SpriteSet | null,
    code: new Uint8Array(0),
    color: new Uint32Array(0),
    dark: new Uint32Array(0),
    qCell: new Uint8Array(0),
    bar: new Int32Array(0),
    qColor: new Uint32Array(0),
    qDivider: new Uint32Array(0),
    arrow: new Uint8Array(0),
  };

  /** Builds sprites (arrows, glyphs); tests may swap in their own. */
  constructor(readonly spriteFactory?: SpriteFactory) {}

  ensure(width: number, height: number): void {
    const n = width * height;
    if (n !== this.n) {
      this.n = n;
      Object.assign(this, cellLayers(n));
      Object.assign(this.drawn, cellLayers(n), { layout: '', code: new Uint8Array(n) });
    }
    if (this.X.length !== width + 1) this.X = new Int32Array(width + 1);
    if (this.Y.length !== height + 1) this.Y = new Int32Array(height + 1);
  }
}
