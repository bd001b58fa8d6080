/**
 * The GIF export's module worker: the page draws each frame of the history and sends its RGBA pixels
 * (the buffer transferred); this worker quantises and encodes them with gifenc (src/export/gif.ts), so
 * the page's thread only draws. It answers each frame with the count encoded so far (the page keeps a
 * few frames in flight, no more), and `finish` with the file's bytes. Cancelling is terminating it.
 */
import { GifBuilder } from './gif';

export type GifWorkerRequest =
  { type: 'frame'; width: number; height: number; delayMs: number; buffer: ArrayBuffer } | { type: 'finish' };

export type GifWorkerReply =
  | { type: 'encoded'; frames: number }
  | { type: 'done'; frames: number; buffer: ArrayBuffer }
  | { type: 'error'; message: string };

interface WorkerScope {
  onmessage: ((e: MessageEvent<GifWorkerRequest>) => void) | null;
  postMessage(msg: GifWorkerReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let builder = new GifBuilder();

scope.onmessage = (e) => {
  const m = e.data;
  try {
    if (m.type === 'frame') {
      const data = new Uint8ClampedArray(m.buffer);
      builder.add({ width: m.width, height: m.height, delayMs: m.delayMs, data });
      scope.postMessage({ type: 'encoded', frames: builder.frames });
    } else if (m.type === 'finish') {
      const bytes = builder.finish();
      const frames = builder.frames;
      builder = new GifBuilder();
      const buffer = bytes.buffer as ArrayBuffer;
      scope.postMessage({ type: 'done', frames, buffer }, [buffer]);
    }
  } catch (err) {
    builder = new GifBuilder();
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
