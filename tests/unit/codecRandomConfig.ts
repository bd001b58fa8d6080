/**
 * Seeded generators of valid configs for the codec tests. Field values come from the schema itself
 * (number bounds, enum options), so a field added to the schema is covered without touching this file.
 */
import { CELL_CHARS, LIMITS, REWARD_CHARS } from '../../src/config/limits';
import { agentSchema, envSchema, parseConfig, trainSchema, type Config } from '../../src/config/schema';

export type Rng = () => number;

/** mulberry32: small, fast, good enough for test data. */
export function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
export const randInt = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

interface SchemaLike {
  def: { type: string; innerType?: SchemaLike; element?: SchemaLike; values?: unknown[] };
  shape?: Record<string, SchemaLike>;
  minValue?: number | null;
  maxValue?: number | null;
  isInt?: boolean;
  options?: unknown[];
}

function randomNumber(rng: Rng, s: SchemaLike): number {
  const lo = s.minValue ?? -1000;
  const hi = s.maxValue ?? 1000;
  const r = rng();
  let v: number;
  if (r < 0.1) v = lo;
  else if (r < 0.2) v = hi;
  else if (r < 0.5)
    v = lo + (hi - lo) * rng() ** 4; // near the low end, where most real values are
  else v = lo + (hi - lo) * rng();
  if (s.isInt) return Math.min(hi, Math.max(lo, Math.round(v)));
  if (rng() < 0.5) v = Math.round(v * 100) / 100;
  return Math.min(hi, Math.max(lo, v));
}

/** A random value of a schema; undefined (the field is left to its default) for some defaulted fields. */
export function randomValue(rng: Rng, s: SchemaLike): unknown {
  switch (s.def.type) {
    case 'default':
      return rng() < 0.3 ? undefined : randomValue(rng, s.def.innerType!);
    case 'number':
      return randomNumber(rng, s);
    case 'boolean':
      return rng() < 0.5;
    case 'string':
      return '';
    case 'enum':
      return pick(rng, s.options!);
    case 'literal':
      return s.def.values![0];
    case 'array':
      return Array.from({ length: randInt(rng, 1, 4) }, () => randomValue(rng, s.def.element!));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, f] of Object.entries(s.shape!)) {
        const v = randomValue(rng, f);
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
    default:
      throw new Error(`randomValue: no generator for ${s.def.type}`);
  }
}

/** A grid with exactly one start and at least one other open cell; mostly small, up to 50 x 50. */
export function randomGrid(rng: Rng, maxSide: number = LIMITS.maxGridSide): string[] {
  const side = () => (rng() < 0.7 ? randInt(rng, 2, 20) : randInt(rng, 1, maxSide));
  const w = side();
  const h = w === 1 ? randInt(rng, 2, maxSide) : side();
  const others = CELL_CHARS.filter((c) => c !== 'S');
  const cells: string[][] = Array.from({ length: h }, () =>
    Array.from({ length: w }, () => (rng() < 0.6 ? '.' : pick(rng, others))),
  );
  const sx = randInt(rng, 0, w - 1);
  const sy = randInt(rng, 0, h - 1);
  cells[sy][sx] = 'S';
  const ox = (sx + 1) % w;
  const oy = ox === 0 && w === 1 ? (sy + 1) % h : sy;
  if (cells[oy][ox] === '#') cells[oy][ox] = '.';
  return cells.map((row) => row.join(''));
}

function randomCellRewards(rng: Rng, grid: string[]): { x: number; y: number; reward: number }[] {
  if (rng() < 0.5) return [];
  const out: { x: number; y: number; reward: number }[] = [];
  grid.forEach((row, y) =>
    [...row].forEach((ch, x) => {
      if ((REWARD_CHARS as readonly string[]).includes(ch) && rng() < 0.3)
        out.push({
          x,
          y,
          reward: randomNumber(rng, { def: { type: 'number' }, minValue: -1e6, maxValue: 1e6 }),
        });
    }),
  );
  return out;
}

/** A random valid config (asserted), with about a third of the defaulted fields left out. */
export function randomConfig(rng: Rng, maxSide?: number): Config {
  const grid = randomGrid(rng, maxSide);
  const env = randomValue(rng, envSchema as unknown as SchemaLike) as Record<string, unknown>;
  env.grid = grid;
  env.cellRewards = randomCellRewards(rng, grid);
  const agentOption = pick(rng, agentSchema.options) as unknown as SchemaLike;
  const input = {
    version: 2,
    env,
    agent: randomValue(rng, agentOption),
    train: randomValue(rng, trainSchema as unknown as SchemaLike),
  };
  const r = parseConfig(input);
  if (!r.ok) throw new Error(`randomConfig made an invalid config: ${r.errors.join('; ')}`);
  return r.config;
}

/* ---------------------------------------------------------------------------------------------------
 * Structurally hostile documents: a valid document with wrong shapes put in at random paths.
 * ------------------------------------------------------------------------------------------------- */

type Obj = Record<string, unknown>;
type Path = (string | number)[];

/** Keys that reach Object.prototype or shadow its methods when a parser is careless. */
export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
];

/** Grids that fail an early check in every way: empty, empty rows, ragged, not strings, too large. */
export function hostileGrid(rng: Rng): unknown {
  const row = () => 'S'.padEnd(randInt(rng, 1, 8), '.');
  const cases: Array<() => unknown> = [
    () => [],
    () => [''],
    () => ['', ''],
    () => ['', 'S.G'],
    () => ['S.G', ''],
    () => ['S.G', '.', '....'],
    () => ['S.G', 5],
    () => [null],
    () => [[]],
    () => [['S', '.', 'G']],
    () => [{}],
    () => ['S.G', undefined],
    () => 'S.G',
    () => ({ 0: 'S.G', length: 1 }),
    () => Array(randInt(rng, 51, 300)).fill(row()),
    () => [row().padEnd(randInt(rng, 51, 500), '.')],
    () => Array.from({ length: randInt(rng, 1, 60) }, () => '.'.repeat(randInt(rng, 0, 60))),
    () => ['S\n.G', '...'],
    () => ['S\u{1F600}G'],
    () => ['S.\uD800'],
    () => ['S.G'.repeat(16), '#'.repeat(48)],
    () => ['S' + '#'.repeat(randInt(rng, 0, 10))],
    () => ['SS', 'GG'],
  ];
  return pick(rng, cases)();
}

/** A value of the wrong shape for any field. With `jsOnly`, also values JSON cannot carry (NaN,
 *  undefined, BigInt, functions, symbols, cycles, class instances). */
export function hostileValue(rng: Rng, jsOnly = false, depth = 0): unknown {
  const cases: Array<() => unknown> = [
    () => null,
    () => true,
    () => 0,
    () => -0,
    () => -1,
    () => 0.5,
    () => pick(rng, [1e308, -1e308, 2 ** 53 + 2, 1e21, 5e-324, -2147483649, 4294967296]),
    () => pick(rng, ['', ' ', 'NaN', 'Infinity', '-Infinity', '1e999', '0x10', ' 1 ', '1,5', '1', 'true']),
    () => pick(rng, ['<script>alert(1)</script>', 'a\nb', '\u0000', '\u2028', '\uD800', '\u{1F600}']),
    () => 'x'.repeat(randInt(rng, 100, 5000)),
    () => [],
    () => ({}),
    () => hostileGrid(rng),
    () => pick(rng, PROTOTYPE_KEYS),
    () =>
      depth > 2 ? [] : Array.from({ length: randInt(rng, 1, 5) }, () => hostileValue(rng, jsOnly, depth + 1)),
    () =>
      depth > 2
        ? {}
        : {
            [pick(rng, ['type', 'grid', 'x', 'a\nb', ...PROTOTYPE_KEYS])]: hostileValue(
              rng,
              jsOnly,
              depth + 1,
            ),
          },
    () => nested(rng, randInt(rng, 5, 40)),
    () => Array(randInt(rng, 1000, 20_000)).fill(0),
  ];
  if (jsOnly)
    cases.push(
      () => pick(rng, [NaN, Infinity, -Infinity, undefined]),
      () => 10n,
      () => () => 1,
      () => Symbol('s'),
      () => new Date(0),
      () => new Map([['type', 'q-learning']]),
      () => new Float64Array(3),
      () => {
        const cycle: Obj = { type: 'q-learning' };
        cycle.self = cycle;
        return cycle;
      },
    );
  return pick(rng, cases)();
}

/** Arrays and objects nested `depth` deep. */
function nested(rng: Rng, depth: number): unknown {
  let v: unknown = pick(rng, [0, 'S', null]);
  for (let i = 0; i < depth; i++) v = rng() < 0.5 ? [v] : { grid: v };
  return v;
}

/** Sets an own property even for keys like __proto__ (as JSON.parse does; plain assignment would set
 *  the prototype instead). */
function setOwn(target: Obj | unknown[], key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Every path in a document, root first (containers and leaves alike). */
function allPaths(doc: unknown): Path[] {
  const out: Path[] = [];
  const stack: Array<{ v: unknown; path: Path }> = [{ v: doc, path: [] }];
  const seen = new Set<unknown>(); // a cycle (jsOnly) is walked once
  while (stack.length) {
    const { v, path } = stack.pop()!;
    out.push(path);
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    const proto: unknown = Object.getPrototypeOf(v);
    if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) continue; // a Map, a Date: a leaf
    seen.add(v);
    for (const [k, item] of Object.entries(v))
      stack.push({ v: item, path: [...path, Array.isArray(v) ? Number(k) : k] });
  }
  return out;
}

function at(doc: unknown, path: Path): unknown {
  let v = doc;
  for (const k of path) v = (v as Obj)[k];
  return v;
}

/** A deep copy of a document that may hold __proto__ keys (structuredClone keeps own keys as they are). */
const copy = <T>(doc: T): T => JSON.parse(JSON.stringify(doc)) as T;

/**
 * A valid document (a config, an experiment, a sweep) turned hostile by 1 to 4 random edits: a field
 * replaced by a value of the wrong shape, deleted, a container turned into the other kind, a prototype
 * or junk key added, a grid broken in one of the ways of `hostileGrid`, or thousands of unknown keys.
 * With `jsOnly`, the values may be ones JSON cannot carry (for the in-memory parsers only).
 */
export function hostileDocument(rng: Rng, valid: unknown, jsOnly = false): unknown {
  let doc = copy(valid);
  const edits = randInt(rng, 1, 4);
  for (let e = 0; e < edits; e++) {
    const paths = allPaths(doc);
    const path = pick(rng, paths);
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1];
    const parent = path.length ? (at(doc, parentPath) as Obj | unknown[]) : null;
    const here = at(doc, path);
    const gridPaths = paths.filter((p) => p[p.length - 1] === 'grid');
    const r = rng();
    const put = (value: unknown) => {
      if (parent) setOwn(parent, key, value);
      else doc = value;
    };
    if (r < 0.25 && gridPaths.length) {
      const g = pick(rng, gridPaths);
      setOwn(at(doc, g.slice(0, -1)) as Obj, 'grid', hostileGrid(rng));
    } else if (r < 0.55) put(hostileValue(rng, jsOnly));
    else if (r < 0.65 && parent) {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
    } else if (r < 0.75 && here !== null && typeof here === 'object')
      put(Array.isArray(here) ? Object.fromEntries(here.map((v, i) => [i, v])) : Object.values(here));
    else if (r < 0.9 && here !== null && typeof here === 'object' && !Array.isArray(here))
      setOwn(here as Obj, pick(rng, [...PROTOTYPE_KEYS, 'typo', 'a\nb', '', ' ']), hostileValue(rng, jsOnly));
    else if (r < 0.95 && here !== null && typeof here === 'object' && !Array.isArray(here))
      for (let i = 0, n = randInt(rng, 100, 3000); i < n; i++) setOwn(here as Obj, `k${i}`, i);
    else if (Array.isArray(here) && here.length) here.push(...here.slice(0, randInt(rng, 1, here.length)));
    else put(hostileValue(rng, jsOnly));
  }
  return doc;
}
