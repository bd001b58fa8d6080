/**
 * Copies text: the async Clipboard API when the page may use it, else the old select-and-copy way
 * (plain http, older browsers, some iframes). Resolves false when both fail (the caller then shows the
 * text to copy by hand).
 */

function legacyCopy(text: string, doc: Document): boolean {
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  area.style.pointerEvents = 'none';
  doc.body.appendChild(area);
  const previous = doc.activeElement as HTMLElement | null;
  area.select();
  let ok: boolean;
  try {
    ok = typeof doc.execCommand === 'function' && doc.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  previous?.focus?.();
  return ok;
}

export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  const clip = doc.defaultView?.navigator.clipboard;
  if (clip?.writeText) {
    try {
      await clip.writeText(text);
      return true;
    } catch {
      // Permission denied or not focused: try the fallback.
    }
  }
  return legacyCopy(text, doc);
}
