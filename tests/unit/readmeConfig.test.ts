// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, DEFAULT_WORLD_GAMMA } from '../../src/config/defaults';
import { CONFIG_VERSION, parseConfig } from '../../src/config/schema';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The README's config example: the first ```jsonc block of "The config" section. */
interface Example {
  env: { grid: string[]; cellRewards: unknown[]; gamma: number };
  agent: { type: string };
}
function configExample(): Example {
  const section = readme.slice(readme.indexOf('## The config'));
  const m = /```jsonc\n([\s\S]*?)```/.exec(section);
  if (!m) throw new Error('no jsonc block in the README\'s config section');
  const json = m[1]
    .replace(/\/\/[^\n]*/g, '') // comments (no string in the example holds '//')
    .replace(/,(\s*[}\]])/g, '$1'); // trailing commas
  return JSON.parse(json) as Example;
}

describe("the README's config example", () => {
  it('is a valid config that spells out every default the schema gives', () => {
    const doc = configExample();
    const parsed = parseConfig(doc);
    expect(parsed.ok).toBe(true);
    // nothing the schema would add or change: the example shows every field as it parses
    expect(parsed.ok && parsed.config).toEqual(doc);
    // and every value but the world itself is the schema's default
    const minimal = parseConfig({
      version: CONFIG_VERSION,
      env: { grid: doc.env.grid, cellRewards: doc.env.cellRewards },
      agent: { type: doc.agent.type },
    });
    expect(minimal.ok && minimal.config).toEqual(doc);
  });

  it("says that the default world's discount differs from the schema's, with the value the app uses", () => {
    expect(configExample().env.gamma).not.toBe(DEFAULT_WORLD_GAMMA);
    expect(DEFAULT_CONFIG.env.gamma).toBe(DEFAULT_WORLD_GAMMA);
    expect(readme).toContain(`default world sets \`gamma\` to ${DEFAULT_WORLD_GAMMA}`);
  });
});
