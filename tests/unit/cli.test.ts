// @vitest-environment node
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cliBin';
import { encodeConfig } from '../../src/config/codec';
import { makeConfig } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'sim-'));
function sim(...args: string[]) {
  const r = spawnSync(process.execPath, [...cli('sim'), ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A refusal: nothing on stdout, exactly one short line on stderr, status 2. */
function expectOneLine(r: ReturnType<typeof sim>, message: RegExp) {
  expect(r.out).toBe('');
  expect(r.err.endsWith('\n')).toBe(true);
  expect(r.err.slice(0, -1)).not.toMatch(/[\n\r]/);
  expect(r.err.length).toBeLessThanOrEqual(301);
  expect(r.err).toMatch(message);
  expect(r.code).toBe(2);
}

function writeJson(name: string, doc: unknown, prefix = ''): string {
  const f = join(dir, name);
  writeFileSync(f, prefix + JSON.stringify(doc));
  return f;
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

  it('refuses an empty grid with one line (it used to crash the schema)', () => {
    for (const grid of [[], [''], ['S.G', ''], ['S.G', 5], 'S.G'])
      expectOneLine(
        sim(writeJson('empty.json', { ...cfg, env: { ...cfg.env, grid } })),
        /^sim: invalid config: env\.grid/,
      );
  });

  it('refuses a config key with a newline in one line, the newline shown escaped', () => {
    const r = sim(writeJson('nl.json', { ...cfg, env: { ...cfg.env, 'evil\nkey': 1 } }));
    expectOneLine(r, /^sim: invalid config: env: unknown key 'evil\\nkey'$/m);
  });

  it('summarises 50,000 unknown keys in one clipped line', () => {
    const doc: Record<string, unknown> = { ...cfg };
    for (let i = 0; i < 50_000; i++) doc[`k${i}`] = 0;
    const r = sim(writeJson('keys.json', doc));
    expectOneLine(r, /^sim: invalid config: \(config\): unknown keys: k0, k1, k2 … and 49,997 more$/m);
  });

  it('puts many problems on one line with a count of the rest', () => {
    const bad = { ...cfg, env: { ...cfg.env, slip: 9, gamma: 9, stepReward: 'x', maxSteps: -1 } };
    const r = sim(
      writeJson('many.json', {
        ...bad,
        agent: { type: 'q-learning', alpha: 9, epsilon: 9, lambda: 9, qInit: 'x' },
      }),
    );
    expectOneLine(r, /^sim: invalid config: env\.stepReward: must be a number; .* … and \d+ more$/m);
  });

  it('refuses JSON that is not a config object, a bad option and stray text, one line each', () => {
    expectOneLine(sim(writeJson('arr.json', [])), /^sim: invalid config: \(config\): must be an object/);
    expectOneLine(sim(writeJson('null.json', null)), /^sim: invalid config: \(config\): must be an object/);
    expectOneLine(sim(file, '--frob\nnicate'), /^sim: unknown option --frob\\nnicate/);
    expectOneLine(sim(file, 'other'), /more than one config given/);
    expectOneLine(sim(), /no config given/);
    writeFileSync(join(dir, 'broken.json'), '{"version": 1,\n"env": ');
    expectOneLine(sim(join(dir, 'broken.json')), /broken\.json: it is not valid JSON/);
  });

  it.each([
    ['--seed', ''],
    ['--seed', ' 1'],
    ['--seed', '1e3'],
    ['--seed', '0x10'],
    ['--seed', '-1'],
    ['--seeds', ''],
    ['--seeds', '0'],
    ['--seeds', '2.5'],
    ['--episodes', ''],
    ['--episodes', '1000001'],
  ])("refuses %s '%s' with one line naming the option", (option, value) => {
    expectOneLine(
      sim(file, option, value),
      new RegExp(`^sim: ${option} needs a whole number from .*, got '${value}'`),
    );
  });

  it('refuses an option without its value', () => {
    expectOneLine(sim(file, '--seed'), /^sim: --seed needs a whole number from 0 to 2,147,483,647, got ''/);
  });

  it('reads a file that starts with a UTF-8 byte order mark, like the app does', () => {
    const bom = writeJson('bom.json', cfg, '\uFEFF');
    const r = sim(bom, '--json', '--episodes', '20');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(sim(file, '--json', '--episodes', '20').out);
  });

  it("reads an existing file whose name has a '#', and still takes other text with '#' as a link", () => {
    const hashed = writeJson('run#1.json', cfg);
    const r = sim(hashed, '--json', '--episodes', '20');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(sim(file, '--json', '--episodes', '20').out);
    expectOneLine(sim(join(dir, 'missing#1.json')), /^sim: invalid config: link: /);
  });

  it('prints the usage on stdout with --help, status 0', () => {
    const r = sim('--help');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^usage: npm run sim -- /);
  });

  it('refuses an unwritable CSV file before it runs', () => {
    expectOneLine(
      sim(file, '--csv', join(dir, 'no', 'such', 'dir.csv')),
      /^sim: cannot write .*dir\.csv \(ENOENT\)$/m,
    );
  });

  it('streams long runs: JSON, CSV and the summary agree, episode by episode', () => {
    const tiny = writeJson(
      'tiny.json',
      makeConfig({ grid: ['S.G'], agent: { type: 'q-learning', epsilon: 0.3 }, train: { seed: 5 } }),
    );
    const csvFile = join(dir, 'long.csv');
    const args = [tiny, '--seeds', '3', '--episodes', '30000'];
    const json = sim(...args, '--json', '--csv', csvFile);
    expect(json.err).toBe('');
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.out) as {
      runs: {
        seed: number;
        episodes: { return: number; steps: number; success: boolean }[];
        greedy: unknown;
        values: unknown;
      }[];
    };
    // exactly the document JSON.stringify would give, ending in one newline
    expect(json.out).toBe(JSON.stringify(doc) + '\n');
    expect(Object.keys(doc)).toEqual(['runs']);
    expect(doc.runs.map((r) => r.seed)).toEqual([5, 6, 7]);
    for (const run of doc.runs) {
      expect(Object.keys(run)).toEqual(['seed', 'episodes', 'greedy', 'values']);
      expect(run.episodes).toHaveLength(30_000);
      expect(Object.keys(run.episodes[12_345])).toEqual(['return', 'steps', 'success']);
      expect(run.greedy).toEqual({ return: 1, steps: 2, success: true });
      expect(run.values).toHaveLength(1);
    }
    const rows = readFileSync(csvFile, 'utf8').split('\n');
    expect(rows[0]).toBe('seed,episode,return,steps,success');
    expect(rows).toHaveLength(1 + 3 * 30_000 + 1);
    expect(rows.at(-1)).toBe('');
    const e = doc.runs[1].episodes[29_999];
    expect(rows[30_000 + 30_000]).toBe(`6,30000,${e.return},${e.steps},${e.success ? 1 : 0}`);
    // the text summary's streaming statistics match the episodes
    const text = sim(...args)
      .out.trim()
      .split('\n');
    expect(text[0]).toBe('agent q-learning, 3 x 1 grid');
    doc.runs.forEach((run, k) => {
      const last = run.episodes.slice(-100);
      const mean = last.reduce((t, x) => t + x.return, 0) / last.length;
      const rate = last.filter((x) => x.success).length / last.length;
      const first = run.episodes.findIndex((x) => x.success) + 1;
      expect(text[k + 1]).toBe(
        `seed ${run.seed}: 30000 episodes, mean return (last 100) ${mean.toFixed(3)}, success ` +
          `${(rate * 100).toFixed(0)}%, first success episode ${first}; greedy: return 1, 2 steps, reaches the goal`,
      );
    });
  });
});

describe('npm run sim checks every input and output before it writes anything', () => {
  const before = 'seed,episode,return,steps,success\nkeep me\n';
  /** A directory with an existing CSV file, to see that a refused run leaves it as it was. */
  function setup() {
    const d = mkdtempSync(join(tmpdir(), 'sim-out-'));
    const csv = join(d, 'old.csv');
    writeFileSync(csv, before);
    return { d, csv };
  }
  /** Nothing but the given names in a directory (no temporary file left behind). */
  const expectOnly = (d: string, names: string[]) => expect(readdirSync(d).sort()).toEqual(names.sort());

  it('leaves an existing --csv file as it was when --load-agent cannot be read', () => {
    const { d, csv } = setup();
    expectOneLine(
      sim(file, '--csv', csv, '--load-agent', join(d, 'none.json')),
      /^sim: cannot load the agent: /,
    );
    expect(readFileSync(csv, 'utf8')).toBe(before);
    expectOnly(d, ['old.csv']);
  });

  it('never says "loaded" before "cannot load": a file that passes the file check but not the run', () => {
    const { d, csv } = setup();
    const agent = join(d, 'a.json');
    expect(sim(file, '--episodes', '5', '--save-agent', agent).code).toBe(0);
    const doc = JSON.parse(readFileSync(agent, 'utf8'));
    doc.state.metrics.numbers.successes = doc.state.metrics.numbers.count + 5; // inconsistent metrics
    delete doc.checksum; // as a file saved before checksums, or edited on purpose (else refused for it)
    writeFileSync(agent, JSON.stringify(doc));
    const r = sim('--load-agent', agent, '--csv', csv);
    expectOneLine(r, /^sim: cannot load the agent: .*successes/);
    expect(r.out).not.toMatch(/loaded/);
    expect(readFileSync(csv, 'utf8')).toBe(before);
    expectOnly(d, ['a.json', 'old.csv']);
  });

  it('refuses an unwritable --save-agent before it trains, and leaves the CSV alone', () => {
    const { d, csv } = setup();
    for (const bad of [join(d, 'no', 'such', 'agent.json'), d]) {
      const r = sim(file, '--episodes', '5', '--csv', csv, '--save-agent', bad);
      expectOneLine(r, /^sim: cannot write .* \((ENOENT|EISDIR)\)$/m);
      expect(readFileSync(csv, 'utf8')).toBe(before);
      expectOnly(d, ['old.csv']);
    }
  });

  it('refuses the same file for --csv and --save-agent, and an output that is an input', () => {
    const { d, csv } = setup();
    const both = join(d, 'both.json');
    expectOneLine(
      sim(file, '--csv', both, '--save-agent', join(d, '.', 'both.json')),
      /^sim: --csv and --save-agent name the same file/,
    );
    expectOnly(d, ['old.csv']);
    const config = join(d, 'c.json');
    writeFileSync(config, JSON.stringify(cfg));
    expectOneLine(sim(config, '--csv', config), /^sim: --csv .*c\.json is the config this command reads/);
    expectOneLine(
      sim(config, '--save-agent', config),
      /^sim: --save-agent .*c\.json is the config this command reads/,
    );
    expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual(cfg);
    expect(readFileSync(csv, 'utf8')).toBe(before);
  });

  it('replaces the outputs only when the run has succeeded, with no temporary file left', () => {
    const { d, csv } = setup();
    const agent = join(d, 'a.json');
    const r = sim(file, '--episodes', '7', '--csv', csv, '--save-agent', agent);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(csv, 'utf8').trim().split('\n')).toHaveLength(8);
    expect(JSON.parse(readFileSync(agent, 'utf8')).format).toBe('gridworld-rl-agent');
    expectOnly(d, ['a.json', 'old.csv']);
    // and the agent saved over the file it was loaded from goes on from there
    const again = sim('--load-agent', agent, '--episodes', '3', '--save-agent', agent);
    expect(again.code).toBe(0);
    expect(JSON.parse(readFileSync(agent, 'utf8')).state.metrics.numbers.count).toBe(10);
    expectOnly(d, ['a.json', 'old.csv']);
  });

  it('on Ctrl+C keeps the CSV rows written so far, whole, and dies of SIGINT as before', async () => {
    const { d, csv } = setup();
    const tiny = writeJson('sigint.json', makeConfig({ grid: ['S.G'], train: { seed: 5 } }));
    const child = spawn(
      process.execPath,
      [
        ...cli('sim'),
        tiny,
        '--episodes',
        '1000000',
        '--seeds',
        '50',
        '--csv',
        csv,
        '--json',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const exited = new Promise<NodeJS.Signals | null>((res) =>
      child.on('exit', (_code, signal) => res(signal)),
    );
    const giveUp = Date.now() + 50_000; // a guard so a broken run never leaves the child behind
    try {
      // wait until the temporary CSV has rows (a state, not a time)
      for (;;) {
        if (Date.now() > giveUp) throw new Error('no temporary CSV with rows appeared');
        const tmp = readdirSync(d).find((n) => n.endsWith('.tmp'));
        if (tmp && statSync(join(d, tmp)).size > 100_000) break;
        if (child.exitCode !== null) throw new Error('sim ended before it wrote a temporary CSV');
        await new Promise((r) => setTimeout(r, 50));
      }
      child.kill('SIGINT');
      expect(await exited).toBe('SIGINT');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    const rows = readFileSync(csv, 'utf8').split('\n');
    expect(rows[0]).toBe('seed,episode,return,steps,success');
    expect(rows.at(-1)).toBe('');
    for (const row of rows.slice(1, -1)) expect(row).toMatch(/^\d+,\d+,-?[\d.e-]+,\d+,[01]$/);
    expectOnly(d, ['old.csv']);
  }, 60_000);
});

describe('npm run sim runs code compiled ahead, rebuilt when the source is newer', () => {
  const stamp = join('dist-cli', 'build-stamp.json');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/build-cli.mjs', '--run', 'sim', ...args], { encoding: 'utf8' });
  const built = () => statSync(stamp).mtimeMs;

  it('builds once, reuses the build while nothing changed, and rebuilds after a source file changed', () => {
    let r = run('--help');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^usage: npm run sim -- /);
    const first = built();
    r = run(file, '--json', '--episodes', '5');
    expect(r.status).toBe(0);
    expect(built()).toBe(first);
    // the built CLI gives what the source gives
    expect(r.stdout).toBe(sim(file, '--json', '--episodes', '5').out);
    const src = join('src', 'cli', 'args.ts');
    const now = new Date();
    utimesSync(src, now, now);
    expect(run('--help').status).toBe(0);
    expect(built()).toBeGreaterThan(first);
  }, 120_000);
});
