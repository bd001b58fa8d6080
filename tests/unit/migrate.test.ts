import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeConfig } from '../../src/config/codec';
import { defaultAgent, defaultConfig } from '../../src/config/defaults';
import { MIGRATIONS, detectVersion, migrate, parseVersionedConfig } from '../../src/config/migrate';
import { CONFIG_VERSION } from '../../src/config/schema';

const V0 = {
  grid: ['S...', '.#..', '...G'],
  gamma: 0.9,
  stepReward: -0.1,
  agent: 'sarsa',
  episodes: 100,
  seed: 3,
};

describe('migrate', () => {
  it('has one step per version below the current one', () => {
    expect(MIGRATIONS.length).toBe(CONFIG_VERSION);
  });

  it('detects the version, and the legacy flat shape as version 0', () => {
    expect(detectVersion({ version: 1 })).toBe(1);
    expect(detectVersion(V0)).toBe(0);
    expect(detectVersion({ version: 0, grid: [] })).toBe(0);
    expect(detectVersion({ env: {} })).toBe('missing');
    expect(detectVersion({ version: '1' })).toBe('invalid');
    expect(detectVersion({ version: 1.5 })).toBe('invalid');
  });

  it('upgrades a version-0 config to the same world in the current version', () => {
    const r = parseVersionedConfig(V0);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.version).toBe(CONFIG_VERSION);
    expect(r.config.env.grid).toEqual(V0.grid);
    expect(r.config.env.gamma).toBe(0.9);
    expect(r.config.env.stepReward).toBe(-0.1);
    expect(r.config.agent).toEqual(defaultAgent('sarsa'));
    expect(r.config.train).toMatchObject({ episodes: 100, seed: 3 });
  });

  it('accepts a version-0 agent object and defaults a missing agent to Q-learning', () => {
    const withObject = parseVersionedConfig({ ...V0, agent: { type: 'dyna-q', planningSteps: 3 } });
    expect(withObject.ok && withObject.config.agent).toMatchObject({ type: 'dyna-q', planningSteps: 3 });
    const noAgent = parseVersionedConfig({ grid: ['SG'] });
    expect(noAgent.ok && noAgent.config.agent.type).toBe('q-learning');
  });

  it('leaves unknown version-0 keys for the schema to report', () => {
    const r = parseVersionedConfig({ ...V0, colour: 'red' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join()).toMatch(/colour/);
  });

  it('opens a version-0 share link', () => {
    const link = `https://example.org/#c=${LZString.compressToEncodedURIComponent(JSON.stringify(V0))}`;
    const r = decodeConfig(link);
    expect(r.ok && r.config.agent.type).toBe('sarsa');
  });

  it('passes a current config through unchanged', () => {
    const c = defaultConfig();
    expect(migrate(c)).toEqual({ ok: true, value: c, fromVersion: CONFIG_VERSION });
    expect(parseVersionedConfig(c)).toEqual({ ok: true, config: c });
  });

  it.each([
    ['a newer version', { ...defaultConfig(), version: CONFIG_VERSION + 1 }, /newer app \(version 3\)/],
    ['a negative version', { ...defaultConfig(), version: -1 }, /whole number/],
    ['a string version', { ...defaultConfig(), version: 'one' }, /whole number/],
    ['no version and no grid', { env: {} }, /version: missing/],
    ['null', null, /must be an object/],
    ['an array', [V0], /must be an object/],
    ['a number', 42, /must be an object/],
  ])('refuses %s with a clear message', (_name, input, message) => {
    const r = parseVersionedConfig(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(message);
  });

  it('does not modify its input', () => {
    const input = structuredClone(V0);
    migrate(input);
    expect(input).toEqual(V0);
  });
});
