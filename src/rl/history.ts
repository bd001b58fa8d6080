/**
 * A run's history, for replaying how it learned: snapshots of what the grid shows (values, Q, policy,
 * visits, the episode's trail) at moments chosen so the interesting ones are never missed, in memory
 * bounded whatever the run's length. Pure TypeScript (the worker's session drives it; no DOM).
 *
 * When (HistorySchedule): at every episode end the schedule says whether a regular snapshot is due.
 * Spacing grows with the distance d (in episodes) from the nearest earlier reference point — the run's
 * start, then each marked moment — as max(1, floor(d * SPACING)): every episode for the first ~1/SPACING
 * episodes after each reference, then log-spaced (each gap ~SPACING of the distance), so ~24 regular
 * snapshots per tenfold of episodes. The first success (RunMetrics.firstSuccess: the caller passes it)
 * and the first solved greedy path are recorded at the episode they are seen, and become references, so
 * the episodes right after them (the value flowing back from the first reward) are recorded densely too.
 *
 * Whether the greedy policy solves the world is the greedy walk (src/rl/greedy.ts, Trainer.greedyEpisode:
 * the agent's table read once, then at most an episode's steps of lookups): it is checked every
 * max(1, floor(d / CHECK_DIVISOR)) episodes (d as above, so every episode for the first
 * 2 * CHECK_DIVISOR after the start and after the first success, where solving usually happens, and then a fixed share of 1/CHECK_DIVISOR of the episodes: the solved moment
 * is placed at most ~3% of its episode number late), and never more than CHECK_TIME_SHARE of the time
 * (reading a neural agent's table is a forward pass per cell: checks wait until the time since the
 * last one is CHECK_TIME_SHARE⁻¹ times its cost). Every frame's overlay draws the same walk over the
 * frame's own table, so the verdicts agree; the mark is placed when a check first sees 'goal'.
 *
 * Memory (RunHistory): at most MAX_SNAPSHOTS snapshots and MAX_BYTES bytes of them. Worlds of more than
 * QUANTISE_FROM states store values and Q as Int16 with a per-array scale (max |x| / 32767; 0 stays
 * exactly 0), smaller ones as Float32; policies as one byte per cell (the mask of best moves the arrows
 * draw and the greedy walk follows), visit counts as log-quantised Uint16 (exact below ~3,000, 0.02%
 * above), the trail as its last TRAIL_CELLS cells (the overlay draws no more) — ~42 KB for a 50 x 50
 * world, ~2 KB for 8 x 8. When either cap is passed, snapshots are thinned one at a time: the one whose
 * removal leaves the smallest gap measured in the schedule's own spacing (the gap in t — episodes plus
 * planning steps — over the spacing at that distance from the start or a mark) goes, so the survivors
 * keep the schedule's shape, dense after the start and the marks and log-spaced elsewhere, only
 * sparser. Never thinned: the first and the newest snapshot, those marked first success or solved, and
 * the one just before the first success.
 */

import { bestMoves, popCount } from './greedy';

export type HistoryMark = 'first-success' | 'solved' | 'sweep';

/** What the grid shows of a run at one moment (the worker's Frame; arrays owned by whoever holds it). */
export interface GridFrame {
  nStates: number;
  /** V and Q as the world pays them (with potential shaping: recovered from the learned ones). */
  values: Float64Array | null;
  q: Float64Array | null;
  /** With potential shaping, the values the agent learned (the world's minus phi(s)); else null or absent. */
  shaped?: { values: Float64Array; q: Float64Array } | null;
  /** With potential shaping and a tabular learner: 1 where the agent has updated the cell's values, 0
   *  where they are still its starting guess (shaping.ts learnedMask); null or absent: all are values. */
  learned?: Uint8Array | null;
  /** pi(a|s) at s*4+a: a planning agent's policy, or the greedy arrows of a learning agent. */
  policy: Float64Array | null;
  visits: Uint32Array;
  episodeVisits: Uint32Array;
  trail: Int32Array;
  agent: number;
}

/** A recorded moment, as the page lists it. */
export interface Moment {
  /** Unique in its run and increasing in recording order (indices shift when snapshots are thinned). */
  id: number;
  /** Episodes finished. */
  episode: number;
  /** Environment steps taken. */
  steps: number;
  /** Planning steps taken (a planner's sweeps and improvements; 0 for other agents). */
  plans: number;
  marks: HistoryMark[];
}

/** Spacing of regular snapshots relative to the distance from the last reference (see above). */
export const SPACING = 0.1;
export const CHECK_DIVISOR = 32;
/** Most share of the time spent checking the greedy policy. */
export const CHECK_TIME_SHARE = 0.05;
export const MAX_SNAPSHOTS = 256;
export const MAX_BYTES = 8 * 2 ** 20;
/** Worlds with more states than this store values and Q as Int16 (else Float32). */
export const QUANTISE_FROM = 1024;
/** Trail cells kept per snapshot (the overlay draws at most 2,000 segments). */
export const TRAIL_CELLS = 2001;

const INT16_MAX = 32767;
const INT16_NAN = -32768;
/** log2(1 + visits) * VISIT_STEPS, rounded, fits Uint16 for any Uint32 count. */
const VISIT_STEPS = 2047;

/** The distance from e to the nearest reference at or before it (the start, 0, is one). */
function distance(refs: readonly number[], e: number): number {
  let d = e;
  for (const r of refs) if (r <= e && e - r < d) d = e - r;
  return d;
}

/** max(1, floor(d * f)) for the distance d from the nearest reference at or before e. */
function gapFrom(refs: readonly number[], e: number, f: number): number {
  return Math.max(1, Math.floor(distance(refs, e) * f));
}

/** When to record and when to check the greedy policy (see the file's comment). Pure: time is passed in. */
export class HistorySchedule {
  private readonly refs: number[] = [0];
  private nextRecord = 1;
  private nextCheck = 1;
  private checkAt = -Infinity;
  private checkCost = 0;

  /** A regular snapshot is due at the end of episode `e` (stays due until `recorded`). */
  recordDue(e: number): boolean {
    return e >= this.nextRecord;
  }

  recorded(e: number): void {
    this.nextRecord = e + gapFrom(this.refs, e, SPACING);
  }

  /** A look at the greedy policy is due after episode `e` (the clock, in ms, is read only when the
   *  episode count says it is). */
  checkDue(e: number, now: () => number): boolean {
    return e >= this.nextCheck && now() - this.checkAt >= this.checkCost / CHECK_TIME_SHARE;
  }

  /** The greedy policy was checked after episode `e`, starting at `now` and taking `cost` ms. */
  checked(e: number, now: number, cost: number): void {
    this.nextCheck = e + gapFrom(this.refs, e, 1 / CHECK_DIVISOR);
    this.checkAt = now;
    this.checkCost = Math.max(0, cost);
  }

  /** A marked moment at episode `e`: spacing restarts from it. */
  mark(e: number): void {
    if (!this.refs.includes(e)) this.refs.push(e);
    this.nextRecord = Math.min(this.nextRecord, e + 1);
    this.nextCheck = Math.min(this.nextCheck, e + 1);
  }
}

type Packed = { data: Float32Array; scale: 0 } | { data: Int16Array; scale: number };

interface Snapshot {
  moment: Moment;
  /** Position for thinning: episodes plus planning steps. */
  t: number;
  bytes: number;
  values: Packed | null;
  q: Packed | null;
  shaped: { values: Packed; q: Packed } | null;
  learned: Uint8Array | null;
  /** Per cell: the mask of best moves (bit a), 16 when the policy is all zero there. */
  policy: Uint8Array | null;
  visits: Uint16Array;
  episodeVisits: Uint16Array;
  trail: Uint16Array | Int32Array;
  agent: number;
}

function pack(x: Float64Array, quantise: boolean): Packed {
  if (!quantise) return { data: Float32Array.from(x), scale: 0 };
  let max = 0;
  for (let i = 0; i < x.length; i++) {
    const a = Math.abs(x[i]);
    if (a > max && a !== Infinity) max = a;
  }
  const scale = max > 0 ? max / INT16_MAX : 0;
  const data = new Int16Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (Number.isNaN(v)) data[i] = INT16_NAN;
    else if (scale > 0) data[i] = Math.max(-INT16_MAX, Math.min(INT16_MAX, Math.round(v / scale)));
  }
  return { data, scale };
}

function unpack(p: Packed): Float64Array {
  const out = new Float64Array(p.data.length);
  if (p.data instanceof Float32Array) {
    out.set(p.data);
    return out;
  }
  for (let i = 0; i < out.length; i++) {
    const c = p.data[i];
    out[i] = c === INT16_NAN ? NaN : c * p.scale;
  }
  return out;
}

function packVisits(v: Uint32Array): Uint16Array {
  const out = new Uint16Array(v.length);
  for (let i = 0; i < v.length; i++) if (v[i] > 0) out[i] = Math.round(Math.log2(1 + v[i]) * VISIT_STEPS);
  return out;
}

function unpackVisits(c: Uint16Array): Uint32Array {
  const out = new Uint32Array(c.length);
  for (let i = 0; i < c.length; i++) if (c[i] > 0) out[i] = Math.round(2 ** (c[i] / VISIT_STEPS) - 1);
  return out;
}

/** The policy as the arrows draw it: the best moves' mask per cell (src/rl/greedy.ts bestMoves), 16 where
 *  it is all zero (no arrow). Unpacked, tied best moves share the probability: the same best moves, so
 *  a recorded frame's greedy walk is the live one's. */
function packPolicy(p: Float64Array, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    const b = s * 4;
    const zero = p[b] === 0 && p[b + 1] === 0 && p[b + 2] === 0 && p[b + 3] === 0;
    out[s] = zero ? 16 : bestMoves(p, s);
  }
  return out;
}

function unpackPolicy(m: Uint8Array): Float64Array {
  const out = new Float64Array(m.length * 4);
  for (let s = 0; s < m.length; s++) {
    const mask = m[s];
    if (mask & 16 || mask === 0) continue;
    const ties = popCount(mask);
    for (let a = 0; a < 4; a++) if (mask & (1 << a)) out[s * 4 + a] = 1 / ties;
  }
  return out;
}

const bytesOf = (a: { byteLength: number } | null | undefined) => a?.byteLength ?? 0;

/** Where a snapshot is taken, beyond its tables. */
export interface MomentAt {
  episode: number;
  steps: number;
  /** Planning steps (default 0). */
  plans?: number;
}

export interface HistoryLimits {
  maxSnapshots?: number;
  maxBytes?: number;
  /** Store values and Q as Int16 when the world has more states than this. */
  quantiseFrom?: number;
}

/** The recorded snapshots of one run (see the file's comment for what is kept). */
export class RunHistory {
  private readonly items: Snapshot[] = [];
  private nextId = 0;
  private totalBytes = 0;
  private beforeFirstId = -1;
  private readonly maxSnapshots: number;
  private readonly maxBytes: number;
  private readonly quantise: boolean;
  /** Increments whenever the list of moments changes. */
  version = 0;

  constructor(
    readonly nStates: number,
    limits: HistoryLimits = {},
  ) {
    this.maxSnapshots = Math.max(4, limits.maxSnapshots ?? MAX_SNAPSHOTS);
    this.maxBytes = limits.maxBytes ?? MAX_BYTES;
    this.quantise = nStates > (limits.quantiseFrom ?? QUANTISE_FROM);
  }

  get length(): number {
    return this.items.length;
  }

  /** Bytes held by the snapshots' arrays. */
  get bytes(): number {
    return this.totalBytes;
  }

  /** The newest snapshot's moment, or null. */
  get last(): Moment | null {
    return this.items.length ? this.items[this.items.length - 1].moment : null;
  }

  /** Records a snapshot of `f` (copied and packed; `f` is not kept) and thins if over a cap. */
  record(f: GridFrame, at: MomentAt, marks: readonly HistoryMark[] = []): Moment {
    const n = this.nStates;
    if (f.nStates !== n) throw new Error(`history of ${n} states got a frame of ${f.nStates}`);
    const trail = f.trail.subarray(Math.max(0, f.trail.length - TRAIL_CELLS));
    const snap: Snapshot = {
      moment: {
        id: this.nextId++,
        episode: at.episode,
        steps: at.steps,
        plans: at.plans ?? 0,
        marks: [...marks],
      },
      t: at.episode + (at.plans ?? 0),
      bytes: 0,
      values: f.values ? pack(f.values, this.quantise) : null,
      q: f.q ? pack(f.q, this.quantise) : null,
      shaped: f.shaped
        ? { values: pack(f.shaped.values, this.quantise), q: pack(f.shaped.q, this.quantise) }
        : null,
      learned: f.learned ? f.learned.slice() : null,
      policy: f.policy ? packPolicy(f.policy, n) : null,
      visits: packVisits(f.visits),
      episodeVisits: packVisits(f.episodeVisits),
      trail: n <= 65536 ? Uint16Array.from(trail) : Int32Array.from(trail),
      agent: f.agent,
    };
    snap.bytes =
      bytesOf(snap.values?.data) +
      bytesOf(snap.q?.data) +
      bytesOf(snap.shaped?.values.data) +
      bytesOf(snap.shaped?.q.data) +
      bytesOf(snap.learned) +
      bytesOf(snap.policy) +
      bytesOf(snap.visits) +
      bytesOf(snap.episodeVisits) +
      bytesOf(snap.trail);
    if (marks.includes('first-success') && this.beforeFirstId < 0 && this.items.length)
      this.beforeFirstId = this.items[this.items.length - 1].moment.id;
    this.items.push(snap);
    this.totalBytes += snap.bytes;
    this.thin();
    this.version++;
    return snap.moment;
  }

  /** The recorded moments, oldest first (copies). */
  moments(): Moment[] {
    return this.items.map((s) => ({ ...s.moment, marks: [...s.moment.marks] }));
  }

  moment(index: number): Moment | null {
    const s = this.items[index];
    return s ? { ...s.moment, marks: [...s.moment.marks] } : null;
  }

  /** The snapshot at `index` unpacked into fresh arrays, or null when there is none. */
  frame(index: number): GridFrame | null {
    const s = Number.isInteger(index) ? this.items[index] : undefined;
    if (!s) return null;
    const episodeVisits = unpackVisits(s.episodeVisits);
    return {
      nStates: this.nStates,
      values: s.values ? unpack(s.values) : null,
      q: s.q ? unpack(s.q) : null,
      shaped: s.shaped ? { values: unpack(s.shaped.values), q: unpack(s.shaped.q) } : null,
      learned: s.learned ? s.learned.slice() : null,
      policy: s.policy ? unpackPolicy(s.policy) : null,
      visits: unpackVisits(s.visits),
      episodeVisits,
      trail: Int32Array.from(s.trail),
      agent: s.agent,
    };
  }

  private kept(s: Snapshot): boolean {
    return (
      s.moment.marks.includes('first-success') ||
      s.moment.marks.includes('solved') ||
      s.moment.id === this.beforeFirstId
    );
  }

  /** Drops snapshots (never the first, the newest or the kept ones) until both caps hold. */
  private thin(): void {
    const items = this.items;
    while (items.length > this.maxSnapshots || this.totalBytes > this.maxBytes) {
      const refs = items.filter((s) => s.moment.marks.some((m) => m !== 'sweep')).map((s) => s.t);
      let best = -1;
      let bestCost = Infinity;
      for (let i = 1; i < items.length - 1; i++) {
        const s = items[i];
        if (this.kept(s)) continue;
        const spacing = Math.max(1, distance(refs, s.t) * SPACING);
        const cost = (items[i + 1].t - items[i - 1].t) / spacing;
        if (cost < bestCost) {
          bestCost = cost;
          best = i;
        }
      }
      if (best < 0) return;
      this.totalBytes -= items[best].bytes;
      items.splice(best, 1);
    }
  }
}
