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
    version: 1,
    env,
    agent: randomValue(rng, agentOption),
    train: randomValue(rng, trainSchema as unknown as SchemaLike),
  };
  const r = parseConfig(input);
  if (!r.ok) throw new Error(`randomConfig made an invalid config: ${r.errors.join('; ')}`);
  return r.config;
}
