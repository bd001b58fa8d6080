import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import {
  MAX_LINK_CHARS,
  decodeConfig,
  encodeConfig,
  extractPayload,
  linkParams,
  shareUrl,
} from '../../src/config/codec';
import { compactConfig } from '../../src/config/compactConfig';
import { defaultConfig } from '../../src/config/defaults';
import { PRESETS } from '../../src/config/presets';
import { parseConfig, type Config } from '../../src/config/schema';
import { makeRng, randomConfig } from './codecRandomConfig';
import { handMadeConfigs, typical20 } from './codecWorlds';

const BASE = 'https://example.org/gridworld/';
const roundTrip = (c: Config) => decodeConfig(shareUrl(BASE, c));

describe('share link round trip', () => {
  it.each(handMadeConfigs())('restores %s exactly', (_name, config) => {
    const r = roundTrip(config);
    expect(r).toEqual({ ok: true, config });
  });

  it('restores every preset exactly', () => {
    let checked = 0;
    for (const { id, config } of PRESETS) {
      expect(roundTrip(config), id).toEqual({ ok: true, config });
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBe(PRESETS.length);
  });

  it('restores 600 random valid configs exactly (seeded)', () => {
    const rng = makeRng(20240601);
    for (let i = 0; i < 600; i++) {
      const config = randomConfig(rng);
      const r = decodeConfig(`#c=${encodeConfig(config)}`);
      if (!r.ok || JSON.stringify(r.config) !== JSON.stringify(config))
        expect({ i, r }).toEqual({ i, r: { ok: true, config } });
    }
  });

  it('drops default-valued fields and the decoder restores them', () => {
    const c = defaultConfig();
    const compact = compactConfig(c);
    expect(compact).toEqual({
      version: 2,
      env: { grid: c.env.grid, gamma: 0.95 },
      agent: { type: 'q-learning' },
      train: {},
    });
    expect(parseConfig(compact)).toEqual({ ok: true, config: c });
  });

  it('still opens links made before compaction (the whole config, uncompacted)', () => {
    const c = typical20();
    const old = `${BASE}#c=${LZString.compressToEncodedURIComponent(JSON.stringify(c))}`;
    expect(decodeConfig(old)).toEqual({ ok: true, config: c });
  });
});

describe('link length', () => {
  it('a typical 20 x 20 world is well under 2,000 characters', () => {
    const url = shareUrl(BASE, typical20());
    const payload = extractPayload(url).length;
    console.info(`typical 20x20 link payload: ${payload} characters`);
    expect(payload).toBeLessThan(500);
  });

  it('a 50 x 50 random grid (the worst grid) stays under 2,500 characters', () => {
    const rng = makeRng(5);
    const c = defaultConfig();
    const chars = '.#GXC$';
    c.env.grid = Array.from({ length: 50 }, (_, y) =>
      Array.from({ length: 50 }, (_, x) => (x + y === 0 ? 'S' : chars[Math.floor(rng() * 6)])).join(''),
    );
    const payload = encodeConfig(c).length;
    console.info(`50x50 random grid link payload: ${payload} characters`);
    expect(payload).toBeLessThan(2500);
    // ...and with a reward override on every reward cell, at full precision, it still fits the limit.
    c.env.cellRewards = [];
    c.env.grid.forEach((row, y) =>
      [...row].forEach((ch, x) => {
        if ('GXC$'.includes(ch)) c.env.cellRewards.push({ x, y, reward: (rng() - 0.5) * 2e6 });
      }),
    );
    const worst = encodeConfig(c).length;
    console.info(`50x50 random grid + ${c.env.cellRewards.length} overrides: ${worst} characters`);
    expect(worst).toBeLessThan(MAX_LINK_CHARS / 2);
    expect(decodeConfig(`#c=${encodeConfig(c)}`)).toEqual({ ok: true, config: c });
  });
});

describe('link forms', () => {
  const c = typical20();
  const payload = encodeConfig(c);
  it.each([
    ['a full URL', `${BASE}#c=${payload}`],
    ['an embed URL with flags before c', `${BASE}#embed=1&controls=play&c=${payload}`],
    ['flags after c', `${BASE}#c=${payload}&embed=1`],
    ['a query string', `${BASE}?c=${payload}`],
    ['a bare payload', payload],
    ['a bare fragment', `#c=${payload}`],
    ['surrounding whitespace', `  ${BASE}#c=${payload}\n`],
    ['percent-encoded', `${BASE}#c=${encodeURIComponent(payload)}`],
    ['spaces for plus signs', `${BASE}#c=${payload.replace(/\+/g, ' ')}`],
  ])('decodes %s', (_name, link) => {
    expect(decodeConfig(link)).toEqual({ ok: true, config: c });
  });

  it('shareUrl replaces an existing fragment and keeps the flags it is given', () => {
    const url = shareUrl(`${BASE}#c=old&x=1`, c, { embed: '1' });
    expect(url.startsWith(`${BASE}#embed=1&c=`)).toBe(true);
    expect(linkParams(url).get('embed')).toBe('1');
  });
});

const hostile = (obj: unknown) => `#c=${LZString.compressToEncodedURIComponent(JSON.stringify(obj))}`;
const raw = (text: string) => `#c=${LZString.compressToEncodedURIComponent(text)}`;

describe('broken and hostile links get a clear message', () => {
  const base = JSON.parse(JSON.stringify(defaultConfig()));
  const cases: Array<[string, string, RegExp]> = [
    ['empty', '', /empty/],
    ['nothing after c=', `${BASE}#c=`, /no config/],
    ['garbage', `${BASE}#c=hello-world`, /damaged|cut off/],
    ['characters outside the alphabet', `${BASE}#c=<script>alert(1)</script>`, /characters/],
    ['truncated', `${BASE}#c=${encodeConfig(typical20()).slice(0, 60)}`, /damaged|cut off/],
    ['too long', `#c=${'A'.repeat(MAX_LINK_CHARS + 1)}`, /too long/],
    ['a newer version', hostile({ ...base, version: 7 }), /newer app \(version 7\)/],
    ['a non-integer version', hostile({ ...base, version: '1; drop' }), /version/],
    ['not an object', hostile([1, 2, 3]), /must be an object/],
    ['not JSON', raw('{"version":1,'), /not valid JSON/],
    ['a grid too large', hostile({ ...base, env: { grid: Array(60).fill('S'.padEnd(60, '.')) } }), /grid/],
    ['absurd numbers', hostile({ ...base, train: { episodes: 1e300 } }), /train\.episodes/],
    ['script in a cell', hostile({ ...base, env: { grid: ['S<script>'] } }), /unknown cell '<'/],
    ['script as an agent', hostile({ ...base, agent: { type: '<img onerror=x>' } }), /agent/],
    ['__proto__ key', raw('{"version":1,"__proto__":{"polluted":true}}'), /forbidden key '__proto__'/],
    ['nested __proto__', raw('{"version":1,"env":{"constructor":{"prototype":{}}}}'), /forbidden key/],
    ['deeply nested JSON', raw('['.repeat(100_000) + ']'.repeat(100_000)), /nested more than/],
    ['huge repetition', raw(`{"version":1,"x":"${'a'.repeat(1_000_000)}"}`), /too large/],
  ];
  it.each(cases)('%s', (_name, link, message) => {
    const r = decodeConfig(link);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.join('\n')).toMatch(message);
    for (const e of r.errors) expect(e.length).toBeLessThanOrEqual(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a huge list of unknown keys yields a short message', () => {
    const obj: Record<string, unknown> = { ...base };
    for (let i = 0; i < 5000; i++) obj[`k${i}`.repeat(20)] = i;
    const r = decodeConfig(hostile(obj));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('').length).toBeLessThan(8 * 200);
  });
});
