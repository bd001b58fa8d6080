// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeConfig } from '../../src/config/codec';
import { makeConfig } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'sim-'));
function sim(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const cfg = makeConfig({
  grid: ['S...', '.#..', '...G'],
  env: { stepReward: -1, rewards: { G: 10 }, gamma: 0.9 },
  agent: { type: 'q-learning', epsilon: 0.2 },
  train: { episodes: 50, seed: 3 },
});
const file = join(dir, 'c.json');
writeFileSync(file, JSON.stringify(cfg));

describe('npm run sim', () => {
  it('prints one JSON document with runs per seed, greedy episode and the value table', () => {
    const r = sim(file, '--json', '--seeds', '2', '--episodes', '40');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.runs.map((x: { seed: number }) => x.seed)).toEqual([3, 4]);
    const run = doc.runs[0];
    expect(run.episodes).toHaveLength(40);
    expect(Object.keys(run.episodes[0]).sort()).toEqual(['return', 'steps', 'success']);
    expect(run.greedy).toEqual({ return: 6, steps: 5, success: true });
    expect(run.values).toHaveLength(3);
    expect(run.values[1][1]).toBeNull();
    expect(run.values[2][3]).toBe(0);
    expect(run.values[0][0]).toBeCloseTo(-1 - 0.9 - 0.81 - 0.729 + 0.9 ** 4 * 10, 1);
  });

  it('gives the same result for a share link as for the file, and writes CSV', () => {
    const csv = join(dir, 'out.csv');
    const a = sim(file, '--json');
    const b = sim(`https://example.org/app/#c=${encodeConfig(cfg)}`, '--json', '--csv', csv);
    expect(b.code).toBe(0);
    expect(b.out).toBe(a.out);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('seed,episode,return,steps,success');
    expect(lines).toHaveLength(51);
  });

  it('solves with a planning agent and reports no episodes', () => {
    const f = join(dir, 'vi.json');
    writeFileSync(f, JSON.stringify({ ...cfg, agent: { type: 'value-iteration' } }));
    const doc = JSON.parse(sim(f, '--json').out);
    expect(doc.runs[0].episodes).toEqual([]);
    expect(doc.runs[0].greedy).toEqual({ return: 6, steps: 5, success: true });
  });

  for (const [what, args, msg] of [
    ['a missing file', ['nope.json'], /cannot read the file \(ENOENT\)/],
    ['a malformed link', ['#c=%%%garbage'], /link: it is damaged or truncated/],
    ['an invalid config', ['BAD'], /env\.slip: /],
    ['a bad option', [file, '--seeds', 'x'], /--seeds needs a whole number/],
  ] as const) {
    it(`refuses ${what} with one line on stderr and status 2`, () => {
      const a = args[0] === 'BAD' ? [join(dir, 'bad.json')] : [...args];
      if (args[0] === 'BAD') writeFileSync(a[0], JSON.stringify({ ...cfg, env: { ...cfg.env, slip: 9 } }));
      const r = sim(...a);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(msg);
    });
  }
});
