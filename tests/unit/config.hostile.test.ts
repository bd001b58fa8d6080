/**
 * Hostile structures through every config entry point: each must come back as ok:false with messages
 * naming a path (never a throw), including shapes that fail an early check and would reach a later
 * refinement half-checked (an empty grid, an empty row, ragged rows, wrong types in cellRewards).
 */
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeConfig } from '../../src/config/codec';
import { DEFAULT_CONFIG } from '../../src/config/defaults';
import { parseExperiment, parseSweep } from '../../src/config/experiment';
import { parseVersionedConfig } from '../../src/config/migrate';
import { parseConfig } from '../../src/config/schema';

type Obj = Record<string, unknown>;
const withEnv = (env: Obj): Obj => ({ version: 2, env, agent: { type: 'q-learning' } });
const link = (doc: unknown) =>
  `https://example.org/#c=${LZString.compressToEncodedURIComponent(JSON.stringify(doc))}`;

/** Every way in for a config, each given the same hostile document. */
const ENTRY_POINTS: [string, (doc: unknown) => { ok: boolean; errors?: string[] }, string][] = [
  ['parseConfig', parseConfig, 'env.'],
  ['parseVersionedConfig', parseVersionedConfig, 'env.'],
  ['decodeConfig', (doc) => decodeConfig(link(doc)), 'env.'],
  [
    'parseExperiment',
    (doc) => parseExperiment({ version: 1, base: doc, variants: [{ name: 'a' }] }),
    'base.env.',
  ],
  ['parseSweep', (doc) => parseSweep({ version: 1, base: doc, distances: [1] }), 'base.env.'],
];

const HOSTILE_ENVS: [string, Obj, RegExp][] = [
  ['an empty grid', { grid: [] }, /env\.grid: grid has no rows/],
  ['an empty row', { grid: [''] }, /env\.grid\[0\]: row is empty/],
  ['an empty first row', { grid: ['', 'S.G'] }, /env\.grid\[0\]: row is empty/],
  ['ragged rows', { grid: ['S.G', '.', '....'] }, /env\.grid\[1\]: row has 1 cells, expected 3/],
  ['a number row', { grid: ['S.G', 5] }, /env\.grid\[1\]: must be a string/],
  ['a null row', { grid: [null] }, /env\.grid\[0\]: must be a string/],
  ['an array row', { grid: [['S', 'G']] }, /env\.grid\[0\]: must be a string/],
  ['an object grid', { grid: { 0: 'S.G' } }, /env\.grid: must be a list/],
  ['a string grid', { grid: 'S.G' }, /env\.grid: must be a list/],
  ['too long rows', { grid: ['S'.padEnd(80, '.'), '.'.repeat(80)] }, /env\.grid\[0\]: row is longer than 50/],
  ['too many rows', { grid: Array(70).fill('S.') }, /env\.grid: grid has more than 50 rows/],
  [
    'an empty grid with rewards',
    { grid: [], cellRewards: [{ x: 0, y: 0, reward: 1 }] },
    /env\.grid: grid has no rows/,
  ],
  [
    'cellRewards of wrong types',
    { grid: ['S.G'], cellRewards: [{ x: 'a', y: null, reward: [] }] },
    /env\.cellRewards\[0\]\.x: must be a number/,
  ],
  ['a null cellReward', { grid: ['S.G'], cellRewards: [null] }, /env\.cellRewards\[0\]: /],
  ['cellRewards as a string', { grid: ['S.G'], cellRewards: 'G' }, /env\.cellRewards: /],
  [
    'cellRewards of an empty grid',
    { grid: [''], cellRewards: [{ x: 0, y: 0, reward: 1 }] },
    /env\.grid\[0\]: row is empty/,
  ],
  [
    'fractional cellReward cells',
    { grid: ['S.G'], cellRewards: [{ x: 1.5, y: 0.5, reward: 1 }] },
    /env\.cellRewards\[0\]\.x: /,
  ],
  [
    'huge cellReward cells',
    { grid: ['S.G'], cellRewards: [{ x: 1e300, y: -1e300, reward: 1 }] },
    /env\.cellRewards\[0\]\.x: /,
  ],
  [
    'cellRewards on a ragged grid',
    { grid: ['S.G', 'G'], cellRewards: [{ x: 2, y: 1, reward: 1 }] },
    /env\.grid\[1\]: row has 1 cells/,
  ],
];

describe('hostile config structures', () => {
  for (const [what, env, message] of HOSTILE_ENVS)
    for (const [entry, parse, prefix] of ENTRY_POINTS)
      it(`${entry} refuses ${what} with a message naming the path`, () => {
        let r: ReturnType<typeof parse> | undefined;
        expect(() => (r = parse(withEnv(env)))).not.toThrow();
        expect(r!.ok).toBe(false);
        const text = r!.errors!.join('\n');
        expect(text).toMatch(message);
        expect(text).toContain(prefix);
      });

  it('a variant that empties the grid is refused, not a crash', () => {
    const r = parseExperiment({
      version: 1,
      base: DEFAULT_CONFIG,
      variants: [
        { name: 'empty', env: { grid: [] } },
        { name: 'blank', env: { grid: [''], cellRewards: 7 } },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.join('\n')).toMatch(/variant 'empty': env\.grid: grid has no rows/);
      expect(r.errors.join('\n')).toMatch(/variant 'blank': env\.grid\[0\]: row is empty/);
    }
  });

  it('50,000 unknown keys are summarised in one short line', () => {
    for (const [entry, parse] of ENTRY_POINTS) {
      // a link holds at most 400,000 characters of JSON: 20,000 such keys
      const keys = entry === 'decodeConfig' ? 20_000 : 50_000;
      const doc: Obj = { ...DEFAULT_CONFIG };
      for (let i = 0; i < keys; i++) doc[`k${i}`] = 0;
      const r = parse(doc);
      expect(r.ok, entry).toBe(false);
      const e = r.errors!.find((m) => /unknown keys/.test(m));
      const more = (keys - 3).toLocaleString('en');
      expect(e, `${entry}: ${r.errors!.join('\n').slice(0, 300)}`).toMatch(
        new RegExp(`unknown keys: k0, k1, k2 … and ${more} more$`),
      );
      expect(e!.length).toBeLessThanOrEqual(200);
    }
  });

  it('a key with a newline gives messages without line breaks', () => {
    const doc = { ...DEFAULT_CONFIG, env: { ...DEFAULT_CONFIG.env, 'evil\nkey\r\u2028x': 1 } };
    for (const [entry, parse] of ENTRY_POINTS) {
      const r = parse(doc);
      expect(r.ok, entry).toBe(false);
      const text = r.errors!.join('');
      expect(text, entry).toMatch(/unknown key 'evil\\nkey\\r\\u2028x'/);
      expect(text, entry).not.toMatch(/[\n\r\u2028\u2029]/);
    }
  });

  it('an input that throws when read is refused with a clear message, not a throw', () => {
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        ownKeys() {
          throw new Error('boom');
        },
        getOwnPropertyDescriptor() {
          throw new Error('boom');
        },
        has() {
          throw new Error('boom');
        },
      },
    );
    const getter = Object.defineProperty({ ...DEFAULT_CONFIG.env }, 'grid', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const docs = [trap, { ...DEFAULT_CONFIG, env: trap }, { ...DEFAULT_CONFIG, env: getter }];
    for (const doc of docs)
      for (const [entry, parse] of ENTRY_POINTS) {
        if (entry === 'decodeConfig') continue; // a link is text: nothing in it can throw when read
        let r: ReturnType<typeof parse> | undefined;
        expect(() => (r = parse(doc)), entry).not.toThrow();
        expect(r!.ok, entry).toBe(false);
        expect(r!.errors, entry).toEqual([
          expect.stringMatching(/^\((config|document)\): could not be checked \(Error: boom\)$/),
        ]);
      }
    // a legacy config is copied while it is upgraded: a getter that throws stops the upgrade
    const legacy = Object.defineProperty({ gamma: 0.9 }, 'grid', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(parseVersionedConfig(legacy)).toEqual({
      ok: false,
      errors: ['version: could not upgrade from version 0 (Error: boom)'],
    });
  });

  it('decodeConfig refuses values that are not text', () => {
    for (const v of [undefined, null, 5, {}, []]) {
      const r = decodeConfig(v as unknown as string);
      expect(r).toEqual({ ok: false, errors: ['link: it is empty'] });
    }
  });
});
