// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEMO_LIMITS, demoLength, encodeDemo, parseDemo } from '../../src/config/demonstrations';
import { MIGRATIONS, parseVersionedConfig } from '../../src/config/migrate';
import { CONFIG_VERSION, parseConfig } from '../../src/config/schema';

const world = { grid: ['S...', '....', '...G'] };

describe('demonstrations: one move string per episode', () => {
  it('reads chosen moves and the sideways slips after them, and writes them back the same', () => {
    const r = parseDemo('RRDlLu');
    expect(r).toEqual({ ok: true, moves: { chosen: [1, 1, 2, 3], went: [1, 1, 3, 0] } });
    const s = parseDemo('RRDrL');
    expect(s.ok && s.moves).toEqual({ chosen: [1, 1, 2, 3], went: [1, 1, 1, 3] });
    if (s.ok) expect(encodeDemo(s.moves.chosen, s.moves.went)).toBe('RRDrL');
    expect(demoLength('RRDrL')).toBe(4);
  });

  it('names the first bad character: an unknown letter, a slip with no move, a backwards slip', () => {
    expect(parseDemo('RRx')).toEqual({ ok: false, error: expect.stringMatching(/^character 3 is "x"/) });
    expect(parseDemo('rR')).toEqual({ ok: false, error: expect.stringMatching(/^character 1: a slip letter/) });
    expect(parseDemo('Rl')).toEqual({ ok: false, error: expect.stringMatching(/R cannot slip l/) });
    expect(parseDemo('Dd')).toEqual({ ok: false, error: expect.stringMatching(/D cannot slip d/) });
    expect(parseDemo('Rdu')).toEqual({ ok: false, error: expect.stringMatching(/^character 3: a slip letter/) });
  });

  it('is a field of the config (version 2), empty by default, with field errors that keep the path', () => {
    const ok = parseConfig({ version: CONFIG_VERSION, env: world, agent: { type: 'q-learning' } });
    expect(ok.ok && ok.config.demonstrations).toEqual([]);
    const bad = parseConfig({
      version: CONFIG_VERSION,
      env: world,
      agent: { type: 'q-learning' },
      demonstrations: ['RRDD', 'RQ', 7, ''],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.errors).toEqual([
        expect.stringMatching(/^demonstrations\[1\]: character 2 is "Q"/),
        expect.stringMatching(/^demonstrations\[2\]: must be a string of moves/),
        expect.stringMatching(/^demonstrations\[3\]: a demonstration has at least one move/),
      ]);
  });

  it('keeps at most 20 episodes and 2,000 moves in all', () => {
    const cfg = (demonstrations: unknown) =>
      parseConfig({ version: CONFIG_VERSION, env: world, agent: { type: 'random' }, demonstrations });
    expect(cfg(Array(DEMO_LIMITS.maxEpisodes).fill('R')).ok).toBe(true);
    expect(cfg(Array(DEMO_LIMITS.maxEpisodes + 1).fill('R'))).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^demonstrations: at most 20/)],
    });
    expect(cfg(Array(10).fill('R'.repeat(200))).ok).toBe(true);
    expect(cfg([...Array(10).fill('R'.repeat(200)), 'R'])).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^demonstrations: 2001 moves in all; at most 2000/)],
    });
    for (const hostile of ['RRDD', { 0: 'R' }, null, [['R']], 'R'.repeat(5000)])
      expect(cfg(hostile).ok).toBe(false);
  });

  it('migrates a version-1 config to version 2 with no demonstrations, and nothing else changed', () => {
    expect(MIGRATIONS).toHaveLength(CONFIG_VERSION);
    const v1 = { version: 1, env: { ...world, slip: 0.2 }, agent: { type: 'sarsa', alpha: 0.3 } };
    const r = parseVersionedConfig(v1);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.version).toBe(2);
    expect(r.config.demonstrations).toEqual([]);
    const direct = parseConfig({ ...v1, version: 2 });
    expect(direct.ok && direct.config).toEqual(r.config);
    // a version-1 object may not carry version-2 fields without saying it is version 2
    expect(parseVersionedConfig({ ...v1, demonstrations: ['R'] }).ok).toBe(true);
    expect(parseConfig({ ...v1, demonstrations: ['R'] }).ok).toBe(false);
  });
});

describe('a lab document written for config version 1', () => {
  it('still runs: its base is migrated like a link, and its variants keep the base demonstrations', async () => {
    const { parseExperiment } = await import('../../src/config/experiment');
    const old = parseExperiment({
      version: 1,
      base: { version: 1, env: world, agent: { type: 'q-learning' } },
      variants: [{ name: 'plain' }],
    });
    expect(old.ok).toBe(true);
    const withDemo = parseExperiment({
      version: 1,
      base: { version: 2, env: world, agent: { type: 'q-learning' }, demonstrations: ['RRRDD'] },
      variants: [{ name: 'plain' }, { name: 'sarsa', agent: { type: 'sarsa' } }],
    });
    expect(withDemo.ok && withDemo.value.variants.map((v) => v.config.demonstrations)).toEqual([
      ['RRRDD'],
      ['RRRDD'],
    ]);
  });
});
