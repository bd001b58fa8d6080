/**
 * A bounded port of lz-string's `decompressFromEncodedURIComponent`.
 * lz-string itself cannot stop early: a short hostile link can expand to tens of megabytes. This port
 * reads the same format but gives up as soon as the output would pass `maxChars`, rejects characters
 * outside the link alphabet up front, and never throws. Time and memory are O(input + maxChars).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

export type DecompressResult =
  { ok: true; text: string } | { ok: false; reason: 'alphabet' | 'damaged' | 'too-large' };

/** Whether every character is one lz-string's URI-safe encoding can produce. */
export function isLinkAlphabet(input: string): boolean {
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code >= 128 || VALUE[code] < 0) return false;
  }
  return true;
}

class BitReader {
  private index = 0;
  private value = 0;
  private position = 0;
  constructor(private readonly input: string) {}

  /** Reads `n` bits, least significant first (lz-string's order); past the end reads zeros. */
  read(n: number): number {
    let bits = 0;
    for (let power = 1, i = 0; i < n; i++, power *= 2) {
      if (this.position === 0) {
        const code = this.index < this.input.length ? this.input.charCodeAt(this.index) : 65;
        this.value = VALUE[code] ?? 0;
        this.index++;
        this.position = 32;
      }
      if (this.value & this.position) bits += power;
      this.position >>= 1;
    }
    return bits;
  }

  /** True once every bit of the input has been read (a stream must end with its own end marker). */
  get exhausted(): boolean {
    return this.index >= this.input.length && this.position === 0;
  }
}

/** Decompress an lz-string URI-safe payload, refusing output longer than `maxChars`. */
export function decompressBounded(input: string, maxChars: number): DecompressResult {
  const text = input.replace(/ /g, '+');
  if (!isLinkAlphabet(text)) return { ok: false, reason: 'alphabet' };
  if (text.length === 0) return { ok: false, reason: 'damaged' };
  const r = new BitReader(text);
  const dictionary: string[] = [];
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  const out: string[] = [];

  const first = r.read(2);
  if (first > 1) return { ok: false, reason: 'damaged' };
  let w = String.fromCharCode(r.read(first === 0 ? 8 : 16));
  dictionary[3] = w;
  out.push(w);
  let outLength = 1;

  for (;;) {
    if (r.exhausted) return { ok: false, reason: 'damaged' };
    let c = r.read(numBits);
    if (c === 2) return { ok: true, text: out.join('') };
    if (c === 0 || c === 1) {
      dictionary[dictSize++] = String.fromCharCode(r.read(c === 0 ? 8 : 16));
      c = dictSize - 1;
      if (--enlargeIn === 0) {
        enlargeIn = 2 ** numBits;
        numBits++;
      }
    }
    let entry: string;
    if (c < dictSize && dictionary[c] !== undefined) entry = dictionary[c];
    else if (c === dictSize) entry = w + w.charAt(0);
    else return { ok: false, reason: 'damaged' };
    outLength += entry.length;
    if (outLength > maxChars) return { ok: false, reason: 'too-large' };
    out.push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    w = entry;
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
