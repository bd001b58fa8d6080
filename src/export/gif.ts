/**
 * Animated GIFs with gifenc: frames of RGBA pixels (as a canvas's getImageData gives them), each
 * palette-quantised to its own 256 colours (quantize + applyPalette, rgb565) and LZW-encoded into one
 * looping GIF89a. `GifBuilder` takes one frame at a time (the export worker, src/export/gifWorker.ts,
 * runs it off the page's thread); `encodeGif` runs it here in slices, one frame per slice with a yield
 * between, for where no worker can be started. `readGifInfo` reads a GIF's size and image count back
 * (its blocks walked, not decoded). No DOM: it runs in a worker, the page or Node.
 */
// gifenc ships no types; the reference brings ours wherever this file is compiled (the tests' tsconfig too).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./gifenc.d.ts" />
import { applyPalette, GIFEncoder, quantize } from 'gifenc';

/** One frame: width x height RGBA pixels, shown for delayMs (GIF keeps hundredths of a second). */
export interface RgbaFrame {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
  delayMs: number;
}

/** Largest side of a frame (the GIF format's own limit is 65,535; this keeps memory sane). */
export const GIF_MAX_SIDE = 4096;

/** The file starts with these bytes. */
export const GIF_SIGNATURE = 'GIF89a';

/** Adds frames one at a time (all of one size), then gives the file's bytes. */
export class GifBuilder {
  private readonly gif = GIFEncoder();
  private width = 0;
  private height = 0;
  private finished = false;
  /** Frames written so far. */
  frames = 0;

  add(f: RgbaFrame): void {
    if (this.finished) throw new Error('the GIF is already finished');
    const { width, height, data } = f;
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1)
      throw new Error(`a GIF frame must be at least 1 x 1 whole pixels (got ${width} x ${height})`);
    if (width > GIF_MAX_SIDE || height > GIF_MAX_SIDE)
      throw new Error(`a GIF frame is at most ${GIF_MAX_SIDE} px a side (got ${width} x ${height})`);
    if (data.length !== width * height * 4)
      throw new Error(
        `a ${width} x ${height} frame has ${width * height * 4} bytes of RGBA, not ${data.length}`,
      );
    if (this.frames === 0) {
      this.width = width;
      this.height = height;
    } else if (width !== this.width || height !== this.height)
      throw new Error(
        `every frame of a GIF has the first one's size (${this.width} x ${this.height}), not ${width} x ${height}`,
      );
    const palette = quantize(data, 256, { format: 'rgb565' });
    const index = applyPalette(data, palette, 'rgb565');
    const delay = Number.isFinite(f.delayMs) ? Math.max(20, Math.min(655_350, f.delayMs)) : 200;
    // repeat 0: loop forever (written with the first frame); each later frame carries its own palette.
    this.gif.writeFrame(index, width, height, { palette, delay, repeat: 0 });
    this.frames++;
  }

  /** The whole file (GIF89a ... trailer). */
  finish(): Uint8Array {
    if (this.frames === 0) throw new Error('a GIF needs at least one frame');
    if (!this.finished) this.gif.finish();
    this.finished = true;
    return this.gif.bytes();
  }
}

/** Lets the page breathe between two slices of work (scheduler.yield where there is one). */
export function nextSlice(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class ExportCancelled extends Error {
  constructor() {
    super('the export was cancelled');
    this.name = 'ExportCancelled';
  }
}

/**
 * Encodes `frames` on this thread, one frame per slice (a yield before each, so no long task beyond a
 * frame's own encoding). `onFrame` hears the count after each; an aborted `signal` stops it with
 * ExportCancelled.
 */
export async function encodeGif(
  frames: Iterable<RgbaFrame> | AsyncIterable<RgbaFrame>,
  opts: { signal?: AbortSignal; onFrame?(encoded: number): void } = {},
): Promise<Uint8Array> {
  const builder = new GifBuilder();
  for await (const f of frames) {
    await nextSlice();
    if (opts.signal?.aborted) throw new ExportCancelled();
    builder.add(f);
    opts.onFrame?.(builder.frames);
  }
  return builder.finish();
}

export interface GifInfo {
  version: '87a' | '89a';
  width: number;
  height: number;
  /** Images in the file (one per frame). */
  frames: number;
  /** Frame delays in ms, in order (0 where a frame has no graphic control extension). */
  delays: number[];
}

/** A GIF's logical size, image count and delays, or null when `bytes` is not a whole GIF. */
export function readGifInfo(bytes: Uint8Array): GifInfo | null {
  const sig = String.fromCharCode(...bytes.subarray(0, 6));
  if (sig !== 'GIF89a' && sig !== 'GIF87a') return null;
  if (bytes.length < 13) return null;
  const u16 = (i: number) => bytes[i] | (bytes[i + 1] << 8);
  const colorTable = (flags: number) => (flags & 0x80 ? 3 * (1 << ((flags & 7) + 1)) : 0);
  const width = u16(6);
  const height = u16(8);
  let i = 13 + colorTable(bytes[10]);
  const skipSubBlocks = () => {
    while (i < bytes.length && bytes[i] !== 0) i += bytes[i] + 1;
    i++;
  };
  let frames = 0;
  const delays: number[] = [];
  let delay = 0;
  while (i < bytes.length) {
    const b = bytes[i++];
    if (b === 0x3b) return { version: sig === 'GIF89a' ? '89a' : '87a', width, height, frames, delays };
    if (b === 0x21) {
      const label = bytes[i++];
      if (label === 0xf9 && bytes[i] === 4) delay = u16(i + 2) * 10;
      skipSubBlocks();
    } else if (b === 0x2c) {
      if (i + 9 > bytes.length) return null;
      const flags = bytes[i + 8];
      i += 9 + colorTable(flags);
      i++; // LZW minimum code size
      skipSubBlocks();
      frames++;
      delays.push(delay);
      delay = 0;
    } else return null;
  }
  return null;
}
