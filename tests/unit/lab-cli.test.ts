// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'lab-'));
function lab(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/lab.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run lab', () => {
  it('compares a preset and prints a table with the censored seeds', () => {
    const r = lab('compare', 'needle-shaping', '--seeds', '3', '--episodes', '60');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Needle, with shaping: 3 variants x 3 seeds x 60 episodes/);
    expect(r.out).toMatch(/Naive shaping\s+never\s+3\/3/);
  });

  it('prints a single JSON document with --json, for an experiment file', () => {
    const r = lab('compare', 'examples/lab-cliff.json', '--seeds', '2', '--episodes', '20', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.variants.map((v: { name: string }) => v.name)).toEqual(['Q-learning', 'SARSA']);
    expect(doc.variants[0].firstSuccessEpisode.perSeed).toHaveLength(2);
    expect(doc.variants[0].curve.meanReturn).toHaveLength(20);
  });

  it('sweeps a config file over the asked distances', () => {
    const r = lab(
      'sweep',
      'examples/cliff-walk.json',
      '--distances',
      '1,3',
      '--seeds',
      '2',
      '--budget',
      '2000',
      '--json',
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.distances).toEqual([1, 3]);
    expect(doc.points).toHaveLength(4);
    expect(doc.points[0]).toMatchObject({ distance: 1, who: 'random', stats: { n: 2 } });
    const t = lab('sweep', 'needle', '--variant', 'count bonus', '--distances', '2,6', '--seeds', '2');
    expect(t.out).toMatch(/random walk vs q-learning, 2 seeds/);
  });

  it.each([
    [['compare', 'missing.json'], /missing\.json: cannot read the file \(ENOENT\); not a preset/],
    [['compare', 'textbook-4x4'], /has no variants to compare/],
    [['compare', 'needle', '--seeds', '0'], /--seeds needs a whole number from 1 to 64/],
    [['sweep', 'needle', '--distances', '2,x'], /--distances needs a whole number/],
    [['sweep', 'needle', '--distances', '99'], /no open cell at distance 99/],
    [['sweep', 'needle', '--variant', 'nope'], /has no variant 'nope'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['compare'], /no experiment given/],
  ])('bad input %j: one line on stderr, exit 2', (args, message) => {
    const r = lab(...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('names the bad field of an experiment file', () => {
    const f = join(dir, 'bad.json');
    writeFileSync(
      f,
      JSON.stringify({
        version: 1,
        base: { version: 1, env: { grid: ['S.G'] }, agent: { type: 'q-learning' } },
        variants: [{ name: 'x', agent: { alpha: 7 } }],
      }),
    );
    const r = lab('compare', f);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^lab: invalid experiment: variant 'x': agent\.alpha/);
    writeFileSync(f, '{not json');
    expect(lab('compare', f).err).toMatch(/not valid JSON/);
  });
});
