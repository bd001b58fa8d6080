// @vitest-environment node
/**
 * The engine as a package: `npm pack` (its prepack builds dist-core/ once), the tarball installed in a
 * temporary folder, the README's example run there with plain `node` (no tsx, no bundler), its types
 * checked against the shipped .d.ts; and `simulate()` equal to the CLI's run for the same config and
 * seed. Slow by nature (a build, a pack, an install): one build for the whole file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from './cliBin';
import { parseConfig as parseCore, simulate } from '../../src/core/index';
import { makeConfig } from './helpers';

const root = resolve(__dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The README's example: the js block of "Use the engine in your own code". */
function readmeExample(): string {
  const section = readme.slice(readme.indexOf('## Use the engine in your own code'));
  const m = /```js\n([\s\S]*?)```/.exec(section);
  if (!m) throw new Error('no js block in the README section "Use the engine in your own code"');
  return m[1];
}

let app = '';
describe('the ./core package', () => {
  beforeAll(() => {
    const work = mkdtempSync(join(tmpdir(), 'core-pack-'));
    const packed = execFileSync(npm, ['pack', '--silent', '--pack-destination', work], {
      cwd: root,
      encoding: 'utf8',
    });
    const tarball = join(work, packed.trim().split('\n').at(-1)!);
    app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'try-core', private: true, type: 'module' }),
    );
    const install = () =>
      spawnSync(npm, ['install', '--offline', '--no-audit', '--no-fund', tarball], {
        cwd: app,
        encoding: 'utf8',
      });
    let r = install();
    if (r.status !== 0) {
      // No network here and the registry's metadata is not cached: give the tarball's dependencies from
      // our own node_modules (as links), then install the tarball itself the same way.
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      };
      for (const dep of Object.keys(pkg.dependencies)) {
        const to = join(app, 'node_modules', dep);
        mkdirSync(dirname(to), { recursive: true });
        if (!existsSync(to)) symlinkSync(join(root, 'node_modules', dep), to, 'dir');
      }
      r = install();
    }
    if (r.status !== 0) throw new Error(`npm install of the tarball failed: ${r.stderr}`);
  }, 600_000);

  it('ships only the built engine: ESM, types, no app code, tfjs in the neural chunk only', () => {
    const dir = join(app, 'node_modules', 'gridworld-rl-playground');
    const files = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(d, e.name)) : [join(d, e.name).slice(dir.length + 1)],
      );
    const all = files(dir);
    expect(all.filter((f) => !f.startsWith('dist-core/')).sort()).toEqual(['README.md', 'package.json']);
    expect(all).toContain('dist-core/types/core/index.d.ts');
    const js = all.filter((f) => f.endsWith('.js'));
    for (const f of js) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text).not.toMatch(/from ["'](react|react-dom|zustand|recharts)["']/);
      if (/@tensorflow\/tfjs/.test(text)) expect(f).toMatch(/chunks\/(createNeuralAgent|wasmUrls)-/);
    }
  });

  it("runs the README's example in plain Node, the package installed from its tarball", () => {
    writeFileSync(join(app, 'example.mjs'), readmeExample());
    const r = spawnSync(process.execPath, ['example.mjs'], { cwd: app, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^first success: episode \d+; greedy path: 5 steps\n$/);
  });

  it("prints what the source's simulate gives for the same config and seed", async () => {
    const parsed = parseCore({
      version: 2,
      env: { grid: ['S...', '.#..', '...G'], stepReward: -1, rewards: { G: 10 } },
      agent: { type: 'q-learning', epsilon: 0.2 },
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const run = await simulate(parsed.config, { seed: 3, episodes: 200 });
    const first = run.episodes.findIndex((e) => e.success) + 1;
    const r = spawnSync(process.execPath, ['example.mjs'], { cwd: app, encoding: 'utf8' });
    expect(r.stdout).toBe(`first success: episode ${first}; greedy path: ${run.greedy.steps} steps\n`);
  });

  it('type-checks the example against the shipped .d.ts (NodeNext resolution, the exports map)', () => {
    writeFileSync(join(app, 'example.mts'), readmeExample());
    const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
    const r = spawnSync(
      process.execPath,
      [
        tsc,
        '--noEmit',
        '--strict',
        '--skipLibCheck',
        '--module',
        'nodenext',
        '--target',
        'es2022',
        '--types',
        'node',
        '--typeRoots',
        join(root, 'node_modules/@types'),
        'example.mts',
      ],
      { cwd: app, encoding: 'utf8' },
    );
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('simulate() and the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'core-sim-'));
  const sim = (...args: string[]) =>
    spawnSync(process.execPath, [...cli('sim'), ...args], {
      cwd: root,
      encoding: 'utf8',
    });
  const configs = {
    'q-learning': makeConfig({
      grid: ['S...', '.#..', '...G'],
      env: { stepReward: -1, rewards: { G: 10 }, gamma: 0.9 },
      agent: { type: 'q-learning', epsilon: 0.2 },
      train: { episodes: 60, seed: 7 },
    }),
    'value-iteration': makeConfig({ grid: ['S.X', '..G'], agent: { type: 'value-iteration' } }),
    dqn: makeConfig({
      grid: ['S..', '..G'],
      agent: { type: 'dqn', hidden: [8], batchSize: 8, learningStarts: 8, replaySize: 100 },
      train: { episodes: 4, seed: 2 },
    }),
  };

  for (const [name, config] of Object.entries(configs))
    it(`gives exactly the CLI's runs for the same config and seeds (${name})`, async () => {
      const file = join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify(config));
      const r = sim(file, '--json', '--seeds', '2');
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const runs = (JSON.parse(r.stdout) as { runs: unknown[] }).runs;
      const seed = config.train.seed;
      expect(runs).toEqual([await simulate(config, { seed }), await simulate(config, { seed: seed + 1 })]);
    }, 120_000);

  it('refuses bad options with a clear error, and parseConfig takes JSON text', async () => {
    const c = configs['q-learning'];
    await expect(simulate(c, { seed: -1 })).rejects.toThrow(/seed must be a whole number/);
    await expect(simulate(c, { episodes: 0.5 })).rejects.toThrow(/episodes must be a whole number/);
    await expect(simulate({ ...c, env: { ...c.env, slip: 9 } })).rejects.toThrow(/invalid config: env\.slip/);
    expect(parseCore(JSON.stringify(c))).toEqual({ ok: true, config: c });
    expect(parseCore('{"version": 1,')).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/not valid JSON/)],
    });
  });
});
