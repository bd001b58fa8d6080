/** Browser file I/O: save a Blob or text as a download, and read a chosen file with a size limit. */

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

/** Reads a user-chosen file as text, refusing files larger than `maxBytes` before reading them. */
export async function readFileText(file: Blob & { name?: string }, maxBytes: number): Promise<ReadResult> {
  const label = file.name ? `"${file.name.slice(0, 80)}"` : 'the file';
  if (file.size > maxBytes)
    return {
      ok: false,
      error: `${label} is too large (${Math.round(file.size / 1024)} KB; a config file is at most ${Math.round(maxBytes / 1024)} KB)`,
    };
  try {
    return { ok: true, text: await file.text() };
  } catch (e) {
    return { ok: false, error: `${label} could not be read (${e instanceof Error ? e.message : String(e)})` };
  }
}
