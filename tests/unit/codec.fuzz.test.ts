/**
 * Fuzz: 12,000 random and mutated links. Every one must end in a valid config or a clear error; none
 * may throw out of the decoder, take long, or pollute a prototype.
 */
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeConfig, encodeConfig } from '../../src/config/codec';
import { parseConfig } from '../../src/config/schema';
import { makeRng, pick, randInt, randomConfig, type Rng } from './codecRandomConfig';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const JUNK = ALPHABET + '#&=?%/ <>"\'\\{}[]\u0000\u00e9\u{1F600}';

function randomText(rng: Rng, chars: string, maxLength: number): string {
  const n = randInt(rng, 0, maxLength);
  let s = '';
  for (let i = 0; i < n; i++) s += chars[Math.floor(rng() * chars.length)];
  return s;
}

function mutate(rng: Rng, payload: string): string {
  const at = randInt(rng, 0, payload.length);
  switch (randInt(rng, 0, 6)) {
    case 0: // truncate
      return payload.slice(0, at);
    case 1: // flip characters
      return [...payload].map((c) => (rng() < 0.02 ? pick(rng, [...ALPHABET]) : c)).join('');
    case 2: // insert
      return payload.slice(0, at) + randomText(rng, ALPHABET, 20) + payload.slice(at);
    case 3: // delete a run
      return payload.slice(0, at) + payload.slice(at + randInt(rng, 1, 30));
    case 4: // repeat a segment many times
      return payload.slice(0, at) + payload.slice(at, at + 40).repeat(randInt(rng, 2, 200));
    case 5: // junk characters
      return payload.slice(0, at) + randomText(rng, JUNK, 10) + payload.slice(at);
    default: // splice two halves of different payloads
      return payload.slice(0, at) + payload.slice(0, randInt(rng, 0, payload.length));
  }
}

/** Valid JSON of the wrong content, compressed properly: exercises migration and the schema. */
function hostileJson(rng: Rng, valid: string): string {
  const obj = JSON.parse(valid);
  const paths: Array<() => void> = [
    () => (obj.version = pick(rng, [0, 2, -1, 1.5, '1', null, 1e308])),
    () => (obj.env.grid = Array(randInt(rng, 40, 80)).fill('.'.repeat(randInt(rng, 40, 80)))),
    () => (obj.env.gamma = pick(rng, [1e308, -1, 'NaN', null, [], {}])),
    () => (obj.train = { episodes: pick(rng, [1e300, -5, 0.5, '10']) }),
    () => (obj.agent = { type: pick(rng, ['<script>', 'dqn', 'sarsa', '']), hidden: [1e9] }),
    () => delete obj.env,
    () => (obj.env.cellRewards = [{ x: 1e9, y: -1, reward: 1 }]),
    () => (obj.extra = 'x'.repeat(randInt(rng, 1, 5000))),
  ];
  pick(rng, paths)();
  let text = JSON.stringify(obj);
  if (rng() < 0.2) text = text.replace('"env"', '"__proto__"');
  if (rng() < 0.1) text = '['.repeat(randInt(rng, 10, 5000)) + text;
  return text;
}

describe('decoder fuzz', () => {
  it('12,000 random and mutated links all end in a valid config or a clear error, quickly', () => {
    const rng = makeRng(99);
    const valid = Array.from({ length: 50 }, () => randomConfig(rng, 30));
    const payloads = valid.map(encodeConfig);
    const counts = { ok: 0, error: 0 };
    const kinds = { random: 0, mutated: 0, hostileJson: 0 };
    let slowest = 0;
    let decoding = 0;
    const t0 = performance.now();
    for (let i = 0; i < 12_000; i++) {
      const r0 = rng();
      let link: string;
      if (r0 < 0.25) {
        kinds.random++;
        link = randomText(rng, r0 < 0.15 ? ALPHABET : JUNK, 3000);
      } else if (r0 < 0.8) {
        kinds.mutated++;
        link = mutate(rng, pick(rng, payloads));
        if (rng() < 0.5) link = mutate(rng, link);
      } else {
        kinds.hostileJson++;
        const json = hostileJson(rng, JSON.stringify(pick(rng, valid)));
        link = LZString.compressToEncodedURIComponent(json);
      }
      if (rng() < 0.5) link = `https://example.org/#${rng() < 0.3 ? 'embed=1&' : ''}c=${link}`;
      const t = performance.now();
      let r: ReturnType<typeof decodeConfig>;
      try {
        r = decodeConfig(link);
      } catch (e) {
        throw new Error(`decodeConfig threw on case ${i}: ${String(e)}\n${link.slice(0, 200)}`, { cause: e });
      }
      const took = performance.now() - t;
      decoding += took;
      slowest = Math.max(slowest, took);
      if (r.ok) {
        counts.ok++;
        expect(parseConfig(r.config).ok).toBe(true);
      } else {
        counts.error++;
        expect(r.errors.length).toBeGreaterThan(0);
        for (const e of r.errors) {
          expect(typeof e).toBe('string');
          expect(e.length).toBeGreaterThan(5);
          expect(e.length).toBeLessThanOrEqual(200);
        }
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    console.info(
      `fuzz: ${counts.ok + counts.error} links (${JSON.stringify(kinds)}): ${counts.ok} valid, ` +
        `${counts.error} clear errors; ${seconds.toFixed(2)} s in all, ${(decoding / 1000).toFixed(2)} s ` +
        `decoding, slowest ${slowest.toFixed(1)} ms`,
    );
    expect(counts.ok + counts.error).toBe(12_000);
    expect(counts.ok).toBeGreaterThan(100); // mutations that keep a link valid still decode
    expect(slowest).toBeLessThan(1500); // a freeze, not a GC pause on a busy machine
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('grid');
  });
});
