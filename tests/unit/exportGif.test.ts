// @vitest-environment node
// The GIF encoder path (src/export/gif.ts and the export worker src/export/gifWorker.ts) on synthetic
// frames: a GIF89a file with one image per frame, of the frames' size and delays, that loops.
import { describe, expect, it, vi } from 'vitest';
import { encodeGif, ExportCancelled, GifBuilder, readGifInfo, type RgbaFrame } from '../../src/export/gif';
import type { GifWorkerReply, GifWorkerRequest } from '../../src/export/gifWorker';

/** A w x h frame: a gradient with a coloured square that moves with k. */
function frame(k: number, w = 40, h = 30, delayMs = 200): RgbaFrame {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      const inSquare = x >= k * 4 && x < k * 4 + 8 && y >= 4 && y < 12;
      data[i] = inSquare ? 250 : (x * 255) / w;
      data[i + 1] = inSquare ? 30 : (y * 255) / h;
      data[i + 2] = inSquare ? 40 : 128;
      data[i + 3] = 255;
    }
  return { width: w, height: h, data, delayMs };
}

const ascii = (b: Uint8Array, n: number) => String.fromCharCode(...b.subarray(0, n));

describe('GIF export', () => {
  it('encodes frames into a looping GIF89a with one image per frame', async () => {
    const frames = [0, 1, 2, 3, 4].map((k) => frame(k, 40, 30, k === 4 ? 2000 : 200));
    const bytes = await encodeGif(frames);
    expect(ascii(bytes, 6)).toBe('GIF89a');
    expect(bytes[bytes.length - 1]).toBe(0x3b);
    // The Netscape extension (loop forever) comes with the first frame.
    expect(new TextDecoder().decode(bytes).includes('NETSCAPE2.0')).toBe(true);
    const info = readGifInfo(bytes);
    expect(info).toEqual({
      version: '89a',
      width: 40,
      height: 30,
      frames: 5,
      delays: [200, 200, 200, 200, 2000],
    });
  });

  it('reports each frame encoded and stops when cancelled', async () => {
    const seen: number[] = [];
    const bytes = await encodeGif(
      (async function* () {
        for (let k = 0; k < 3; k++) yield frame(k);
      })(),
      { onFrame: (n) => seen.push(n) },
    );
    expect(seen).toEqual([1, 2, 3]);
    expect(readGifInfo(bytes)?.frames).toBe(3);

    const ctrl = new AbortController();
    const frames = function* () {
      yield frame(0);
      ctrl.abort();
      yield frame(1);
    };
    await expect(encodeGif(frames(), { signal: ctrl.signal })).rejects.toBeInstanceOf(ExportCancelled);
  });

  it('refuses frames it cannot encode, with a reason', () => {
    const b = new GifBuilder();
    expect(() => b.finish()).toThrow(/at least one frame/);
    expect(() => b.add({ width: 0, height: 4, data: new Uint8ClampedArray(0), delayMs: 100 })).toThrow(
      /at least 1 x 1/,
    );
    expect(() => b.add({ width: 4, height: 4, data: new Uint8ClampedArray(10), delayMs: 100 })).toThrow(
      /64 bytes/,
    );
    b.add(frame(0, 8, 8));
    expect(() => b.add(frame(0, 9, 8))).toThrow(/first one's size \(8 x 8\)/);
    expect(readGifInfo(b.finish())?.frames).toBe(1);
  });

  it('reads no GIF out of other bytes or a cut-off file', async () => {
    expect(readGifInfo(new TextEncoder().encode('PNG not a gif at all'))).toBeNull();
    const bytes = await encodeGif([frame(0), frame(1)]);
    expect(readGifInfo(bytes.subarray(0, bytes.length - 20))).toBeNull();
  });

  it('the export worker encodes the frames it is sent and answers with the file', async () => {
    const replies: GifWorkerReply[] = [];
    const scope: {
      onmessage: ((e: { data: GifWorkerRequest }) => void) | null;
      postMessage(m: GifWorkerReply): void;
    } = { onmessage: null, postMessage: (m) => replies.push(m) };
    vi.stubGlobal('self', scope);
    try {
      vi.resetModules();
      await import('../../src/export/gifWorker');
      const send = (m: GifWorkerRequest) => scope.onmessage!({ data: m });
      for (let k = 0; k < 4; k++) {
        const f = frame(k);
        send({
          type: 'frame',
          width: f.width,
          height: f.height,
          delayMs: 150,
          buffer: f.data.buffer as ArrayBuffer,
        });
      }
      send({ type: 'finish' });
      expect(replies.slice(0, 4)).toEqual([1, 2, 3, 4].map((frames) => ({ type: 'encoded', frames })));
      const done = replies[4];
      expect(done.type).toBe('done');
      if (done.type !== 'done') return;
      const bytes = new Uint8Array(done.buffer);
      expect(ascii(bytes, 6)).toBe('GIF89a');
      expect(readGifInfo(bytes)).toMatchObject({
        frames: 4,
        width: 40,
        height: 30,
        delays: [150, 150, 150, 150],
      });
      // A bad frame is an error message, not a dead worker.
      send({ type: 'frame', width: 3, height: 3, delayMs: 100, buffer: new ArrayBuffer(5) });
      expect(replies[5]).toMatchObject({ type: 'error', message: expect.stringMatching(/36 bytes/) });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
