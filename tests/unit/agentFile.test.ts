// @vitest-environment node
/**
 * The trained-agent file: it round-trips, carries its own version (a newer one is refused), and every
 * damaged or hostile file (truncated, flipped characters, wrong types at every path, NaN weights, a Q
 * table for another grid, prototype keys, huge or deep documents) ends in clear messages, never a
 * throw. Saved configs keep a compacted agent and refuse one that does not fit, offering the file. The
 * CLI saves an agent and goes on training it exactly as an uninterrupted run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cliBin';
import {
  AGENT_FILE_MIGRATIONS,
  AGENT_FILE_VERSION,
  agentFileToJson,
  compactState,
  packArray,
  parseAgentFile,
  unpackArray,
} from '../../src/config/agentFile';
import { memoryStore } from '../../src/storage/keyValueStore';
import { AGENT_QUOTA_MESSAGE, MAX_STORED_AGENT_CHARS, SavedConfigs } from '../../src/storage/savedConfigs';
import { createTrainer } from '../../src/rl/trainer';
import { makeRng, pick, randInt } from './codecRandomConfig';
import { makeConfig } from './helpers';

const cfg = makeConfig({
  grid: ['S...', '.#..', '...G'],
  env: { slip: 0.1 },
  agent: { type: 'q-learning' },
  train: { episodes: 40, seed: 5 },
});

async function trainedText(episodes = 20): Promise<string> {
  const t = await createTrainer(cfg);
  for (let i = 0; i < episodes; i++) t.runEpisode();
  return agentFileToJson(cfg, t.exportState());
}

const errorsOf = (text: unknown) => {
  const r = parseAgentFile(text);
  if (r.ok) throw new Error('expected a refusal');
  return r.errors.join('; ');
};

describe('packed arrays', () => {
  it('round-trip every dtype bit for bit, and refuse bad base64 or a wrong length', () => {
    const f = Float64Array.from([0, -0, 1.5, Math.PI, -1e300, 5e-324]);
    expect([...(unpackArray(packArray(f, 'f64')) as { array: Float64Array }).array]).toEqual([...f]);
    const u = Uint32Array.from([0, 1, 2 ** 32 - 1]);
    expect([...(unpackArray(packArray(u, 'u32')) as { array: Uint32Array }).array]).toEqual([...u]);
    const big = new Float32Array(100_000).map((_, i) => i / 7);
    expect(unpackArray(packArray(big, 'f32'))).toMatchObject({ ok: true });
    expect(unpackArray({ dtype: 'f64', length: 2, data: 'AAAA' })).toMatchObject({ ok: false });
    expect(unpackArray({ dtype: 'u8', length: 3, data: '!!!!' })).toEqual({
      ok: false,
      error: 'is not valid base64',
    });
  });
});

describe('parseAgentFile', () => {
  it('reads back what was saved', async () => {
    const text = await trainedText();
    const r = parseAgentFile(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file.config).toEqual(cfg);
    expect(r.file.version).toBe(AGENT_FILE_VERSION);
    expect(r.file.state.metrics.numbers.count).toBe(20);
    expect(AGENT_FILE_MIGRATIONS).toHaveLength(AGENT_FILE_VERSION - 1);
  });

  it('names what is wrong with damaged and mismatched files', async () => {
    const text = await trainedText();
    const doc = JSON.parse(text);
    const with_ = (f: (d: typeof doc) => void) => {
      const d = structuredClone(doc);
      f(d);
      return JSON.stringify(d);
    };
    expect(errorsOf(with_((d) => (d.version = 2)))).toMatch(/newer app \(agent file version 2\)/);
    expect(errorsOf(with_((d) => (d.format = 'x')))).toMatch(/not a trained-agent file/);
    expect(errorsOf(JSON.stringify(cfg))).toMatch(/Import JSON/);
    expect(errorsOf(text.slice(0, text.length / 2))).toMatch(/^file: it is not valid JSON/);
    expect(errorsOf('')).toMatch(/empty/);
    expect(
      errorsOf(with_((d) => (d.state.agent.arrays.q = packArray(new Float64Array(12 * 4).fill(NaN), 'f64')))),
    ).toMatch(/state\.agent\.arrays\.q: element 0 is NaN/);
    expect(
      errorsOf(with_((d) => (d.state.trainer.arrays.visits = packArray(new Uint32Array(30), 'u32')))),
    ).toMatch(/counts 30 cells, the config's 4 x 3 grid has 12/);
    expect(errorsOf(with_((d) => (d.state.agent.type = 'sarsa')))).toMatch(
      /the agent is a sarsa but the config describes a q-learning/,
    );
    expect(
      errorsOf(with_((d) => (d.state.agent.arrays.q.data = d.state.agent.arrays.q.data.slice(0, -8)))),
    ).toMatch(/cut short/);
    expect(errorsOf(with_((d) => (d.config.env.gamma = 7)))).toMatch(/^config\.env\.gamma/);
    expect(errorsOf(text.replace('"numbers":{', '"numbers":{"__proto__":1,'))).toMatch(/forbidden key/);
    expect(errorsOf('['.repeat(50) + ']'.repeat(50))).toMatch(/nested more than 12/);
  });

  it('a Q table for another grid reaches the agent and is refused there by name', async () => {
    const t = await createTrainer(cfg);
    const state = t.exportState();
    state.agent.arrays.q = packArray(new Float64Array(99 * 4), 'f64');
    const r = parseAgentFile(agentFileToJson(cfg, state));
    expect(r.ok).toBe(true); // the file itself is well formed: the agent judges its shapes
    if (r.ok) await expect(createTrainer(r.file.config, r.file.state)).rejects.toThrow(/q has 396 numbers/);
  });

  it('fuzz: mutated and structurally hostile files end in a result, never a throw', async () => {
    const text = await trainedText(5);
    const doc = JSON.parse(text);
    const rng = makeRng(17);
    const junk = [null, 0, -1, 1e308, 'x', [], {}, [1, 2], { a: 1 }, true, 'A'.repeat(1000)];
    const paths = (o: unknown, at: string[] = [], out: string[][] = []): string[][] => {
      if (o && typeof o === 'object')
        for (const [k, v] of Object.entries(o)) {
          out.push([...at, k]);
          if (at.length < 6) paths(v, [...at, k], out);
        }
      return out;
    };
    const all = paths(doc);
    const t0 = performance.now();
    for (let i = 0; i < 600; i++) {
      let input: string;
      if (i % 3 === 0) {
        const at = randInt(rng, 0, text.length);
        input =
          i % 2
            ? text.slice(0, at)
            : text.slice(0, at) +
              pick(rng, ['"', '{', '}', ']', ',', 'é', '\u0000', '9e999']) +
              text.slice(at + 1);
      } else {
        const d = structuredClone(doc);
        const p = pick(rng, all);
        let o = d;
        for (const k of p.slice(0, -1)) o = o[k];
        if (rng() < 0.2) delete o[p[p.length - 1]];
        else o[p[p.length - 1]] = pick(rng, junk);
        input = JSON.stringify(d);
      }
      let r: ReturnType<typeof parseAgentFile> | undefined;
      expect(() => (r = parseAgentFile(input))).not.toThrow();
      if (r && !r.ok) {
        expect(r.errors.length).toBeGreaterThan(0);
        for (const e of r.errors) expect(e.length).toBeLessThanOrEqual(200);
      } else if (r?.ok) {
        // A well-formed file the agent may still refuse: with a message, not a crash.
        try {
          const t = await createTrainer(r.file.config, r.file.state);
          t.runEpisode();
        } catch (e) {
          expect((e as Error).name).toBe('AgentStateError');
        }
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(60_000);
    for (const v of [undefined, null, 3, [], { format: 'gridworld-rl-agent', version: 1, state: [] }])
      expect(parseAgentFile(v as unknown).ok).toBe(false);
  });
});

describe('saved configs with a trained agent', () => {
  it('keeps a 50 x 50 Q table compacted to float32 and opens it trained', async () => {
    const grid = ['S' + '.'.repeat(49), ...Array(48).fill('.'.repeat(50)), '.'.repeat(49) + 'G'];
    const big = makeConfig({ grid, agent: { type: 'q-learning' }, train: { seed: 2 } });
    const t = await createTrainer(big);
    t.runEpisode();
    const state = t.exportState();
    const saved = new SavedConfigs(memoryStore({}, 5_000_000), () => 1000);
    expect(saved.saveAgent('big', big, state)).toEqual({ ok: true });
    const raw = saved.store.getItem('gridworld:saved:big')!;
    expect(raw.length).toBeLessThan(200_000);
    const back = saved.load('big');
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.entry.agent?.agent.arrays.q.dtype).toBe('f32');
    const resumed = await createTrainer(back.entry.config, back.entry.agent);
    expect(resumed.episode).toBe(1);
    const q = new Float64Array(2500 * 4);
    resumed.agent.qValues(q);
    const orig = new Float64Array(2500 * 4);
    t.agent.qValues(orig);
    for (let i = 0; i < q.length; i++) expect(q[i]).toBeCloseTo(orig[i], 5);
    // a rename keeps the agent
    expect(saved.rename('big', 'bigger').ok).toBe(true);
    expect(saved.load('bigger')).toMatchObject({
      ok: true,
      entry: { agent: { agent: { type: 'q-learning' } } },
    });
  });

  it('says so, offering the file, when the quota is full or the agent too large', async () => {
    const t = await createTrainer(cfg);
    t.runEpisode();
    const state = t.exportState();
    const tiny = new SavedConfigs(memoryStore({}, 3000));
    expect(tiny.saveAgent('a', cfg, state)).toEqual({
      ok: false,
      code: 'quota',
      message: AGENT_QUOTA_MESSAGE,
    });
    expect(AGENT_QUOTA_MESSAGE).toMatch(/Save trained agent/);
    const huge = structuredClone(state);
    huge.agent.arrays.extra = packArray(new Float32Array(MAX_STORED_AGENT_CHARS / 4), 'f32');
    const r = new SavedConfigs(memoryStore()).saveAgent('b', cfg, huge);
    expect(r).toMatchObject({ ok: false, code: 'quota' });
    if (!r.ok) expect(r.message).toMatch(/too large for browser storage \(\d+\.\d MB.*keep it as a file/);
  });

  it('reports a damaged stored agent as a problem, never a crash', async () => {
    const t = await createTrainer(cfg);
    const state = compactState(t.exportState());
    state.agent.arrays.q.data = 'not base64!';
    const store = memoryStore({
      'gridworld:saved:x': JSON.stringify({ name: 'x', savedAt: 1, config: cfg, agent: state }),
    });
    const list = new SavedConfigs(store).list();
    expect(list.entries).toHaveLength(0);
    expect(list.problems[0].message).toMatch(/trained agent is damaged: state\.agent\.arrays\.q/);
  });
});

describe('npm run sim --save-agent / --load-agent', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sim-agent-'));
  const sim = (...args: string[]) => {
    const r = spawnSync(process.execPath, [...cli('sim'), ...args], {
      encoding: 'utf8',
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const file = (name: string, doc: unknown) => {
    const f = join(dir, name);
    writeFileSync(f, typeof doc === 'string' ? doc : JSON.stringify(doc));
    return f;
  };

  it('trains, saves, and goes on exactly as one longer run', () => {
    const c = file('c.json', cfg);
    const agent = join(dir, 'agent.json');
    expect(sim(c, '--episodes', '30', '--save-agent', agent).code).toBe(0);
    expect(parseAgentFile(readFileSync(agent, 'utf8')).ok).toBe(true);
    const resumed = sim('--load-agent', agent, '--episodes', '25', '--json');
    expect(resumed.code).toBe(0);
    const whole = sim(c, '--episodes', '55', '--json');
    const a = JSON.parse(resumed.out).runs[0];
    const b = JSON.parse(whole.out).runs[0];
    expect(a.episodes).toEqual(b.episodes.slice(30));
    expect(a.values).toEqual(b.values);
    expect(sim('--load-agent', agent, '--episodes', '1').out).toMatch(
      /loaded .*agent\.json: 30 episodes trained before/,
    );
  });

  it('refuses bad agent files and mismatched configs in one line', () => {
    const bad = sim('--load-agent', file('bad.json', '{"format":"gridworld-rl-agent","version":9}'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^sim: cannot load the agent: version: this agent was saved by a newer app/);
    const other = file('other.json', { ...cfg, env: { ...cfg.env, grid: ['S..G'] } });
    const agent = join(dir, 'agent2.json');
    expect(sim(file('c2.json', cfg), '--episodes', '3', '--save-agent', agent).code).toBe(0);
    expect(sim(other, '--load-agent', agent).err).toMatch(/trained on another world or agent/);
    expect(sim('--load-agent', agent, '--seeds', '2').err).toMatch(/leave out --seeds/);
    expect(sim('--save-agent').err).toMatch(/--save-agent needs a file name/);
  });
});
