/**
 * Buffered output with backpressure: text is gathered into chunks, and a chunk the stream cannot take
 * right away makes `write` return a promise that settles on 'drain', so a long run's output never piles
 * up in memory. A stream error (a full disk, a closed pipe) surfaces from the next write or `finish`.
 */
import type { Writable } from 'node:stream';

const CHUNK_CHARS = 1 << 16;

export class StreamOutput {
  private parts: string[] = [];
  private size = 0;
  private error: Error | null = null;

  constructor(
    readonly stream: Writable,
    /** Whether `finish` ends the stream (a file) or only flushes it (stdout, which stays open). */
    private readonly endAtFinish = false,
  ) {
    stream.on('error', (e: Error) => {
      this.error ??= e;
    });
  }

  /** Queues text (`now`: hands it to the stream at once, for a line a person waits to read); returns a
   *  promise only when the caller must wait for the stream to drain. */
  write(text: string, now = false): Promise<void> | undefined {
    if (this.error) return Promise.reject(this.error);
    this.parts.push(text);
    this.size += text.length;
    return now || this.size >= CHUNK_CHARS ? this.flush() : undefined;
  }

  private flush(): Promise<void> | undefined {
    if (this.error) return Promise.reject(this.error);
    if (this.size === 0) return undefined;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    return this.stream.write(chunk) ? undefined : this.drained();
  }

  private drained(): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (e?: Error) => {
        this.stream.off('drain', onDrain);
        this.stream.off('error', onError);
        this.stream.off('close', onClose);
        if (e) reject(e);
        else resolve();
      };
      const onDrain = () => done();
      const onError = (e: Error) => done(e);
      const onClose = () => done(this.error ?? new Error('the output was closed'));
      this.stream.on('drain', onDrain);
      this.stream.on('error', onError);
      this.stream.on('close', onClose);
    });
  }

  /** Writes what is left and waits until the stream has taken it (and, for a file, closed it). */
  async finish(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      const cb = (e?: Error | null) => (e ? reject(e) : this.error ? reject(this.error) : resolve());
      if (this.endAtFinish) this.stream.end(cb);
      else this.stream.write('', cb);
    });
  }
}
