/**
 * Seeded pseudo-random numbers (sfc32, seeded through splitmix32).
 * Everything random in the core draws from an Rng so the same seed replays the same run
 * in Node and in the browser. No allocation per draw.
 */
export class Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(seed: number) {
    this.seed(seed);
  }

  /** Re-seed in place. Any finite number is accepted; it is folded to 32 bits. */
  seed(seed: number): void {
    let s = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next() | 1;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** The generator's whole state (four 32-bit words), e.g. to save a run and continue it exactly. */
  getState(): [number, number, number, number] {
    return [this.a >>> 0, this.b >>> 0, this.c >>> 0, this.d >>> 0];
  }

  /** Restores a state from getState(). */
  setState(s: ArrayLike<number>): void {
    this.a = s[0] | 0;
    this.b = s[1] | 0;
    this.c = s[2] | 0;
    this.d = s[3] | 0;
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Standard normal (Box-Muller; uses two draws). */
  normal(): number {
    let u = this.next();
    if (u < 1e-300) u = 1e-300;
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}

/** Derive an independent stream seed from a base seed and a stream id. */
export function subSeed(seed: number, stream: number): number {
  let z = (Math.imul(Math.floor(seed) >>> 0, 0x27d4eb2d) ^ Math.imul(stream + 1, 0x165667b1)) >>> 0;
  z = Math.imul(z ^ (z >>> 15), 0x85ebca6b) >>> 0;
  return (z ^ (z >>> 13)) >>> 0;
}
