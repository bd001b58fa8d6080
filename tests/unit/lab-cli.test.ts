// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cliBin';

const dir = mkdtempSync(join(tmpdir(), 'lab-'));
function lab(...args: string[]) {
  const r = spawnSync(process.execPath, [...cli('lab'), ...args], { encoding: 'utf8' });
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

  it('sweeps a neural preset (DQN, built per run within the budget)', () => {
    const r = lab('sweep', 'deep-needle', '--distances', '2,6', '--seeds', '2', '--budget', '400', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ agent: 'dqn', budget: 400, seeds: 2, distances: [2, 6] });
    expect(doc.points).toHaveLength(4);
    for (const p of doc.points) expect(p.stats.n).toBe(2);
  });

  it('budget --json: exactly one document, a point per variant and knob value with the statistics', () => {
    const r = lab('budget', 'dyna-maze', '--seeds', '3', '--episodes', '4', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ knob: 'planningSteps', seeds: 3, episodes: 4, solvedEvery: 1 });
    expect(doc.points.map((p: { value: number }) => p.value)).toEqual([0, 5, 50]);
    const stats = ['censored', 'max', 'median', 'min', 'n'];
    for (const p of doc.points) {
      expect(p.variant).toBe('Dyna-Q');
      expect(Object.keys(p.firstSuccessEpisode).sort()).toEqual(stats);
      expect(Object.keys(p.solvedEpisode).sort()).toEqual(stats);
      expect(p.firstSuccessEpisode).toMatchObject({ n: 3, censored: 0, median: 1 });
      expect(p.successRate).toBeGreaterThan(0);
      expect(p.successRate).toBeLessThanOrEqual(1);
      expect(Number.isInteger(p.computeSteps)).toBe(true);
      expect(p.computeUnit).toBe('steps');
      expect(p.curve.episode).toEqual([1, 2, 3, 4]);
      expect(p.curve.medianSteps).toHaveLength(4);
    }
    // More planning, more compute on the same seeds.
    const compute = doc.points.map((p: { computeSteps: number }) => p.computeSteps);
    expect(compute[2]).toBeGreaterThan(compute[1]);
    expect(compute[1]).toBeGreaterThan(compute[0]);
  });

  it('budget prints a table of a budget file, censored runs shown', () => {
    const f = join(dir, 'budget.json');
    writeFileSync(
      f,
      JSON.stringify({
        version: 1,
        title: 'walled off',
        base: { version: 2, env: { grid: ['S#G'], maxSteps: 5 }, agent: { type: 'dyna-q' } },
        knob: 'planningSteps',
        values: [1, 10],
        variants: [{ name: 'Dyna' }],
        seeds: 2,
        episodes: 3,
      }),
    );
    const r = lab('budget', f);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^walled off: 2 points x 2 seeds x 3 episodes, greedy path checked after every episode/,
    );
    expect(r.out).toMatch(/Dyna\s+10\s+never\s+2\/2\s+never\s+2\/2\s+0%\s+165 steps/);
  });

  it.each([
    [['budget', 'needle'], /preset 'needle' has no thinking budget \(these do: .*dyna-maze/],
    [['budget'], /no budget given/],
    [['budget', 'dyna-maze', '--seeds', '65'], /--seeds needs a whole number from 1 to 64/],
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
        base: { version: 2, env: { grid: ['S.G'] }, agent: { type: 'q-learning' } },
        variants: [{ name: 'x', agent: { alpha: 7 } }],
      }),
    );
    const r = lab('compare', f);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^lab: invalid experiment: variant 'x': agent\.alpha/);
    writeFileSync(f, '{not json');
    expect(lab('compare', f).err).toMatch(/not valid JSON/);
    writeFileSync(
      f,
      JSON.stringify({
        version: 1,
        base: { version: 2, env: { grid: ['S.G'] }, agent: { type: 'q-learning' } },
        knob: 'planningSteps',
        values: [5],
        variants: [{ name: 'x' }],
      }),
    );
    const b = lab('budget', f);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(
      /^lab: invalid budget: variant 'x': knob: planningSteps is a knob of dyna-q agents, not of q-learning/,
    );
  });

  const expectOneLine = (r: ReturnType<typeof lab>, message: RegExp) => {
    expect(r.out).toBe('');
    expect(r.err.endsWith('\n')).toBe(true);
    expect(r.err.slice(0, -1)).not.toMatch(/[\n\r]/);
    expect(r.err.length).toBeLessThanOrEqual(301);
    expect(r.err).toMatch(message);
    expect(r.code).toBe(2);
  };
  const base = { version: 2, env: { grid: ['S..G'] }, agent: { type: 'q-learning' } };
  const write = (name: string, doc: unknown, prefix = '') => {
    const f = join(dir, name);
    writeFileSync(f, prefix + JSON.stringify(doc));
    return f;
  };

  it('refuses an empty grid in an experiment, a variant or a sweep with one line (no crash)', () => {
    const empty = { ...base, env: { grid: [] } };
    expectOneLine(
      lab('compare', write('e1.json', { version: 1, base: empty, variants: [{ name: 'a' }] })),
      /^lab: invalid experiment: base\.env\.grid: grid has no rows/,
    );
    expectOneLine(
      lab('compare', write('e2.json', { version: 1, base, variants: [{ name: 'a', env: { grid: [''] } }] })),
      /^lab: invalid experiment: variant 'a': env\.grid\[0\]: row is empty/,
    );
    expectOneLine(lab('sweep', write('s1.json', empty)), /^lab: invalid config: env\.grid: grid has no rows/);
    expectOneLine(
      lab('sweep', write('s2.json', { version: 1, base: empty, distances: [1] })),
      /^lab: invalid sweep: base\.env\.grid: grid has no rows/,
    );
  });

  it('summarises 50,000 unknown keys and escapes a newline in a key, one line each', () => {
    const doc: Record<string, unknown> = { version: 1, base, variants: [{ name: 'a' }] };
    for (let i = 0; i < 50_000; i++) doc[`k${i}`] = 0;
    expectOneLine(
      lab('compare', write('keys.json', doc)),
      /\(document\): unknown keys: k0, k1, k2 … and 49,997 more/,
    );
    const nl = { version: 1, base, variants: [{ name: 'a\nb', agent: { 'x\ny': 1 } }] };
    expectOneLine(lab('compare', write('nl.json', nl)), /variant 'a\\nb': agent: unknown key 'x\\ny'/);
  });

  it('reads an experiment file with a UTF-8 byte order mark', () => {
    const f = write('bom.json', { version: 1, base, variants: [{ name: 'q' }] }, '\uFEFF');
    const r = lab('compare', f, '--seeds', '2', '--episodes', '5', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).variants[0].name).toBe('q');
  });

  it.each([
    [['compare', 'needle', '--seeds', ''], /--seeds needs a whole number from 1 to 64, got ''/],
    [['compare', 'needle', '--episodes', ' 5'], /--episodes needs a whole number .*, got ' 5'/],
    [['sweep', 'needle', '--budget', ''], /--budget needs a whole number/],
    [['sweep', 'needle', '--distances', ''], /--distances needs a whole number from 1 to 200, got ''/],
    [['sweep', 'needle', '--distances', '2,,4'], /--distances needs a whole number/],
    [['compare', 'needle', '--fro\nb'], /unknown option --fro\\nb/],
  ])('refuses empty or malformed numbers and odd options %j with one line', (args, message) => {
    expectOneLine(lab(...args), message);
  });

  it('prints the usage on stdout with --help, status 0', () => {
    for (const args of [['--help'], ['compare', '--help']]) {
      const r = lab(...args);
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
      expect(r.out).toMatch(/^usage: npm run lab -- compare/);
    }
  });

  it('shows control characters from an experiment file escaped, in the table and in JSON', () => {
    const evil = '\u001b]0;T\u0007\u001b[2J\r\u009b31m';
    const f = write('evil.json', { version: 1, base, variants: [{ name: evil }] });
    for (const json of [false, true]) {
      const r = lab('compare', f, '--seeds', '1', '--episodes', '3', ...(json ? ['--json'] : []));
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      // eslint-disable-next-line no-control-regex -- the point: no raw control character but the line break
      expect(r.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(r.out).toContain('\\u001b]0;T\\u0007\\u001b[2J\\r\\u009b31m');
      if (json) expect(JSON.parse(r.out).variants[0].name).toBe(evil);
    }
  });

  it('prints one line, not a stack, when stdout fails (a full disk)', () => {
    const r = spawnSync(
      'sh',
      [
        '-c',
        `"${process.execPath}" ${cli('lab').join(' ')} compare needle --seeds 1 --episodes 5 > /dev/full`,
      ],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('lab: cannot write the output (ENOSPC)\n');
    expect(r.status).toBe(1);
  });
});
