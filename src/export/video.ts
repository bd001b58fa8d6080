/**
 * Recording a canvas as a WebM video, where the browser can (canvas.captureStream + MediaRecorder with
 * a video/webm type): the caller draws a frame, then `hold`s it for its duration. MediaRecorder stamps
 * frames with the wall clock, so a recording takes as long as the video lasts. The stream is captured
 * frame by frame (captureStream(0) + requestFrame, where there is requestFrame), so what is recorded is
 * exactly the frames drawn.
 */
import { ExportCancelled } from './gif';

const WEBM_TYPES = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'];

/** The WebM type this browser can record a canvas with, or null when it cannot. */
export function webmType(): string | null {
  if (typeof MediaRecorder === 'undefined' || typeof HTMLCanvasElement === 'undefined') return null;
  if (typeof HTMLCanvasElement.prototype.captureStream !== 'function') return null;
  if (typeof MediaRecorder.isTypeSupported !== 'function') return null;
  return WEBM_TYPES.find((t) => MediaRecorder.isTypeSupported(t)) ?? null;
}

/** How often a held frame is sent again (so the last one lasts in the file, and players keep time). */
const REPEAT_MS = 250;

export class CanvasRecorder {
  private readonly stream: MediaStream;
  private readonly track: MediaStreamTrack & { requestFrame?: () => void };
  private readonly recorder: MediaRecorder;
  private readonly chunks: Blob[] = [];
  private stopped: Promise<Blob> | null = null;
  readonly type: string;

  constructor(canvas: HTMLCanvasElement, opts: { type?: string; bitsPerSecond?: number } = {}) {
    const type = opts.type ?? webmType();
    if (!type) throw new Error('this browser cannot record a video of a canvas (no WebM MediaRecorder)');
    this.type = type;
    this.stream = canvas.captureStream(0);
    this.track = this.stream.getVideoTracks()[0] as CanvasRecorder['track'];
    if (!this.track) throw new Error('the canvas gave no video track to record');
    if (typeof this.track.requestFrame !== 'function') {
      // No frame-by-frame capture: let the stream sample the canvas itself.
      this.track.stop();
      this.stream = canvas.captureStream(30);
      this.track = this.stream.getVideoTracks()[0] as CanvasRecorder['track'];
    }
    this.recorder = new MediaRecorder(this.stream, {
      mimeType: type,
      videoBitsPerSecond: opts.bitsPerSecond ?? 2_500_000,
    });
    this.recorder.ondataavailable = (e) => {
      if (e.data.size > 0) this.chunks.push(e.data);
    };
    this.recorder.start(1000);
  }

  /** Records what the canvas shows now, held for `ms` of the video. */
  async hold(ms: number, signal?: AbortSignal): Promise<void> {
    const end = performance.now() + Math.max(0, ms);
    for (;;) {
      if (signal?.aborted) throw new ExportCancelled();
      this.track.requestFrame?.();
      const left = end - performance.now();
      if (left <= 0) return;
      await new Promise((r) => setTimeout(r, Math.min(REPEAT_MS, left)));
    }
  }

  /** Ends the recording: the video as one Blob. */
  stop(): Promise<Blob> {
    this.stopped ??= new Promise<Blob>((resolve, reject) => {
      const r = this.recorder;
      r.onstop = () => {
        this.stream.getTracks().forEach((t) => t.stop());
        const blob = new Blob(this.chunks, { type: this.type.split(';')[0] });
        if (blob.size > 0) resolve(blob);
        else reject(new Error('the browser recorded no video'));
      };
      r.onerror = () => reject(new Error('the browser stopped recording the video'));
      if (r.state === 'inactive') r.onstop(new Event('stop'));
      else r.stop();
    });
    return this.stopped;
  }

  /** Stops without a result. */
  cancel(): void {
    this.recorder.ondataavailable = null;
    if (this.recorder.state !== 'inactive') this.recorder.stop();
    this.stream.getTracks().forEach((t) => t.stop());
  }
}
