/** Browser file I/O: save a Blob or text as a download, and read a chosen file with a size limit. */
import { decodeText } from '../config/safeJson';

export function downloadBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, fileName: string, mime: string): void {
  downloadBlob(new Blob([text], { type: `${mime};charset=utf-8` }), fileName);
}

export type ReadResult = { ok: true; text: string } | { ok: false; error: string };

/** A size in words: bytes, kB or MB (decimal, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}

/**
 * Reads a user-chosen file as text (UTF-8, or UTF-16 with its byte order mark, as the command line
 * reads it: safeJson.ts decodeText), refusing files larger than `maxBytes` before reading them. `what`
 * names the kind of file in the message ("a config file", "a trained-agent file").
 */
export async function readFileText(
  file: Blob & { name?: string },
  maxBytes: number,
  what = 'a config file',
): Promise<ReadResult> {
  const label = file.name ? `"${file.name.slice(0, 80)}"` : 'the file';
  if (file.size > maxBytes)
    return {
      ok: false,
      error: `${label} is too large (${formatBytes(file.size)}; ${what} is at most ${formatBytes(maxBytes)})`,
    };
  try {
    return { ok: true, text: decodeText(new Uint8Array(await file.arrayBuffer())) };
  } catch (e) {
    return { ok: false, error: `${label} could not be read (${e instanceof Error ? e.message : String(e)})` };
  }
}
