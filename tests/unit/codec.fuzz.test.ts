/**
 * Fuzz: 4,000 random and mutated links, then structurally hostile documents (wrong types at every path,
 * empty and ragged grids, prototype keys, huge numbers, deep nesting) through every way in: share links,
 * imported JSON files, the in-memory parsers and the lab's experiment and sweep parsers. Every one must
 * end in a valid config or a clear error; none may throw, take long, or pollute a prototype.
 *
 * FUZZ_SCALE=3 (or more) runs 3 (or more) times as many cases: the same seeded cases first, then more
 * (the suite runs scale 1, which is a third of what it once ran: the first third of the same cases).
 * Tens of thousands of results are checked, so each check is plain code and `expect` is called only to
 * report one that fails (an expect() per message was most of this file's time, not the parsing).
 */
import LZString from 'lz-string';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { decodeConfig, encodeConfig } from '../../src/config/codec';
import { parseExperiment, parseSweep } from '../../src/config/experiment';
import { parseVersionedConfig } from '../../src/config/migrate';
import { parseJsonSafely } from '../../src/config/safeJson';
import { parseConfig, type Config } from '../../src/config/schema';
import { parseConfigFile } from '../../src/export/configFile';
import { hostileDocument, makeRng, pick, randInt, randomConfig, type Rng } from './codecRandomConfig';

const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE) || 1);
const LINKS = 4000 * SCALE;
const HOSTILE_CONFIGS = 500 * SCALE;
const HOSTILE_LABS = 300 * SCALE;

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
  it(`${LINKS} random and mutated links all end in a valid config or a clear error, quickly`, () => {
    const rng = makeRng(99);
    const valid = Array.from({ length: 50 }, () => randomConfig(rng, 30));
    const payloads = valid.map(encodeConfig);
    const counts = { ok: 0, error: 0 };
    const kinds = { random: 0, mutated: 0, hostileJson: 0 };
    let slowest = 0;
    let decoding = 0;
    const t0 = performance.now();
    for (let i = 0; i < LINKS; i++) {
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
      // CPU time, not wall time: a busy machine stretches the latter, not the work a decode does.
      const cpu = process.cpuUsage();
      let r: ReturnType<typeof decodeConfig>;
      try {
        r = decodeConfig(link);
      } catch (e) {
        throw new Error(`decodeConfig threw on case ${i}: ${String(e)}\n${link.slice(0, 200)}`, { cause: e });
      }
      const used = process.cpuUsage(cpu);
      const took = (used.user + used.system) / 1000;
      decoding += took;
      slowest = Math.max(slowest, took);
      if (r.ok) {
        counts.ok++;
        if (!parseConfig(r.config).ok) expect.fail(`case ${i}: the decoded config does not parse`);
      } else {
        counts.error++;
        const bad =
          r.errors.length === 0 ||
          r.errors.some((e) => typeof e !== 'string' || e.length <= 5 || e.length > 200);
        if (bad) expect.fail(`case ${i}: unclear errors ${JSON.stringify(r.errors).slice(0, 300)}`);
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    console.info(
      `fuzz: ${counts.ok + counts.error} links (${JSON.stringify(kinds)}): ${counts.ok} valid, ` +
        `${counts.error} clear errors; ${seconds.toFixed(2)} s in all, ${(decoding / 1000).toFixed(2)} s ` +
        `decoding (CPU), slowest ${slowest.toFixed(1)} ms`,
    );
    expect(counts.ok + counts.error).toBe(LINKS);
    expect(counts.ok).toBeGreaterThan(LINKS / 120); // mutations that keep a link valid still decode (~1.2%)
    expect(slowest).toBeLessThan(1500); // CPU ms: a runaway decode, not a GC pause
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('grid');
  });
});

type Outcome = { ok: true } | { ok: false; errors: string[] };

/** What is wrong with a refusal's messages, or null if it is clear: at least one message, each one
 *  short line that starts by naming a path. */
function unclear(errors: unknown): string | null {
  if (!Array.isArray(errors)) return 'the errors are not a list';
  if (errors.length === 0) return 'no error message';
  for (const e of errors as unknown[]) {
    if (typeof e !== 'string') return `a message that is not text: ${String(e)}`;
    if (!/^(variant '.*?': )?[^\s:]+: \S/.test(e)) return `a message that names no path: ${e}`;
    if (e.length > 200) return `a message of ${e.length} characters: ${e.slice(0, 200)}…`;
    if (/[\n\r\u2028\u2029]/.test(e)) return `a message of several lines: ${JSON.stringify(e)}`;
  }
  return null;
}

function expectClearErrors(where: string, errors: unknown): void {
  const problem = unclear(errors);
  if (problem) expect.fail(`${where}: ${problem}`);
}

/** Runs a parser that must not throw; a refusal must be clear, a success must be `valid`. */
function expectOutcome<T extends Outcome>(
  where: string,
  doc: unknown,
  run: () => T,
  valid: (r: Extract<T, { ok: true }>) => void,
) {
  let r: T;
  try {
    r = run();
  } catch (e) {
    let shown: string;
    try {
      shown = JSON.stringify(doc)?.slice(0, 300) ?? String(doc);
    } catch {
      shown = '(not JSON)';
    }
    throw new Error(`${where} threw: ${String(e)}\n${shown}`, { cause: e });
  }
  if (r.ok) valid(r as Extract<T, { ok: true }>);
  else expectClearErrors(where, (r as { errors: unknown }).errors);
  return r.ok;
}

/** A config the parser returned must parse again to itself (toEqual reports a difference). */
const reparses = (r: { ok: true; config: Config }) => {
  const again = parseConfig(r.config);
  if (!(again.ok && isDeepStrictEqual(again.config, r.config)))
    expect(again).toEqual({ ok: true, config: r.config });
};

function legacyConfig(c: Config): unknown {
  return {
    grid: c.env.grid,
    gamma: c.env.gamma,
    agent: c.agent.type,
    episodes: c.train.episodes,
    seed: c.train.seed,
  };
}

function experimentOf(rng: Rng, base: Config): unknown {
  return {
    version: 1,
    title: 'fuzz',
    base,
    variants: [
      { name: 'plain', agent: { type: 'q-learning' } },
      {
        name: 'shaped',
        agent: { type: 'sarsa', alpha: 0.2 },
        train: { shaping: 'potential' },
        env: { slip: 0.1, rewards: { G: 2 } },
      },
    ].slice(0, randInt(rng, 1, 2)),
    seeds: randInt(rng, 1, 8),
    episodes: randInt(rng, 1, 100),
  };
}

const sweepOf = (rng: Rng, base: Config): unknown => ({
  version: 1,
  base: { ...base, agent: { type: 'q-learning' } },
  distances: [1, randInt(rng, 2, 10)],
  seeds: randInt(rng, 1, 8),
  budget: randInt(rng, 100, 5000),
});

describe('hostile structure fuzz', () => {
  it('hostile documents through links, files, the config parsers and the lab parsers: a valid result or a clear error', () => {
    const rng = makeRng(2024);
    const configs = Array.from({ length: 40 }, () => randomConfig(rng, 12));
    const counts = { links: 0, files: 0, configs: 0, experiments: 0, sweeps: 0 };
    const accepted = { links: 0, files: 0, configs: 0, experiments: 0, sweeps: 0 };
    let lastResort = 0;
    const countLastResort = (r: Outcome) => {
      if (!r.ok && r.errors.some((e) => /could not be checked/.test(e))) lastResort++;
    };
    const t0 = performance.now();
    for (let i = 0; i < HOSTILE_CONFIGS; i++) {
      const c = pick(rng, configs);
      const valid = rng() < 0.15 ? legacyConfig(c) : c;
      // as text: a share link made the way the codec makes one, and an imported file
      const doc = hostileDocument(rng, valid);
      const json = JSON.stringify(doc);
      const payload = LZString.compressToEncodedURIComponent(json);
      const link = rng() < 0.5 ? `https://example.org/app/#c=${payload}` : payload;
      counts.links++;
      if (expectOutcome(`link ${i}`, doc, () => decodeConfig(link), reparses)) accepted.links++;
      const file = (rng() < 0.3 ? '\uFEFF' : '') + (rng() < 0.5 ? JSON.stringify(doc, null, 2) : json);
      counts.files++;
      if (expectOutcome(`file ${i}`, doc, () => parseConfigFile(file), reparses)) accepted.files++;
      // in memory, with values JSON cannot carry too
      const live = hostileDocument(rng, valid, true);
      counts.configs++;
      const a = expectOutcome(`parseConfig ${i}`, live, () => parseConfig(live), reparses);
      const b = expectOutcome(`parseVersionedConfig ${i}`, live, () => parseVersionedConfig(live), reparses);
      if (a || b) accepted.configs++;
      countLastResort(parseConfig(live));
    }
    for (let i = 0; i < HOSTILE_LABS; i++) {
      const c = pick(rng, configs);
      const variantsOk = (r: { ok: true; value: { base: Config; variants: { config: Config }[] } }) => {
        reparses({ ok: true, config: r.value.base });
        for (const v of r.value.variants) reparses({ ok: true, config: v.config });
      };
      for (const live of [true, false]) {
        const exp = hostileDocument(rng, experimentOf(rng, c), live);
        const expIn = live
          ? () => parseExperiment(exp)
          : () => {
              const j = parseJsonSafely(JSON.stringify(exp));
              return j.ok ? parseExperiment(j.value) : { ok: false as const, errors: [`file: ${j.error}`] };
            };
        counts.experiments++;
        if (expectOutcome(`experiment ${i}`, exp, expIn, variantsOk)) accepted.experiments++;
        const sweep = hostileDocument(rng, sweepOf(rng, c), live);
        const sweepIn = live
          ? () => parseSweep(sweep)
          : () => {
              const j = parseJsonSafely(JSON.stringify(sweep));
              return j.ok ? parseSweep(j.value) : { ok: false as const, errors: [`file: ${j.error}`] };
            };
        counts.sweeps++;
        if (expectOutcome(`sweep ${i}`, sweep, sweepIn, (r) => reparses({ ok: true, config: r.value.base })))
          accepted.sweeps++;
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    console.log(
      `hostile fuzz: ${counts.links} links, ${counts.files} files, ${counts.configs} in-memory configs ` +
        `(each through parseConfig and parseVersionedConfig), ${counts.experiments} experiments, ` +
        `${counts.sweeps} sweeps; accepted ${JSON.stringify(accepted)}; ${lastResort} needed the last-resort ` +
        `catch; ${seconds.toFixed(1)} s`,
    );
    expect(counts.links + counts.files + counts.configs).toBe(3 * HOSTILE_CONFIGS);
    expect(accepted.links).toBeGreaterThan(0); // some edits (a junk key in a free-form spot) keep it valid
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('grid');
    expect(Object.prototype).not.toHaveProperty('type');
  });
});
