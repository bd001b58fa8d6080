/**
 * The messages an outside tester found wrong (issue 21, item 8), each as the user meets it: range
 * messages that said "must be a number", "its content it is nested", a file-size message in the wrong
 * unit and kind, Import JSON of an agent file, a variant's ignored episodes, UTF-16 agent files in the
 * command line, bit flips in an agent file's base64, and a file problem blamed on TensorFlow.js.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentFileToJson, parseAgentFile } from '../../src/config/agentFile';
import { decodeConfig } from '../../src/config/codec';
import { defaultConfig } from '../../src/config/defaults';
import { parseExperiment, parseSweep } from '../../src/config/experiment';
import { contentError, decodeText, FILE_JSON_LIMITS } from '../../src/config/safeJson';
import { parseConfig } from '../../src/config/schema';
import { readJsonFile } from '../../src/cli/args';
import { parseConfigFile } from '../../src/export/configFile';
import { formatBytes } from '../../src/export/download';
import { createTrainer } from '../../src/rl/trainer';
import { parseAutosaveText } from '../../src/storage/autosave';
import { createErrorHint } from '../../src/store/friendlyErrors';
import LZString from 'lz-string';

const errorsOf = (r: { ok: boolean; errors?: string[] }) => (r.ok ? '' : (r.errors ?? []).join('; '));

async function agentText(): Promise<string> {
  const c = defaultConfig();
  c.train.episodes = 20;
  const t = await createTrainer(c);
  for (let i = 0; i < 5; i++) t.runEpisode();
  return agentFileToJson(c, t.exportState());
}

describe('messages', () => {
  it('out-of-range numbers say the range, fractions say whole number, wrong types say number', () => {
    const c = defaultConfig() as unknown as { train: Record<string, unknown>; env: Record<string, unknown> };
    c.train.seed = 1e10;
    expect(errorsOf(parseConfig(c))).toMatch(/^train\.seed: must be from 0 to 2,147,483,647$/);
    c.train.seed = 1.5;
    expect(errorsOf(parseConfig(c))).toMatch(/^train\.seed: must be a whole number$/);
    c.train.seed = 'x';
    expect(errorsOf(parseConfig(c))).toMatch(/^train\.seed: must be a number$/);
    const mcts = defaultConfig() as unknown as { agent: Record<string, unknown> };
    mcts.agent = {
      ...(parseConfig({ ...defaultConfig(), agent: { type: 'mcts' } }) as { config: { agent: object } })
        .config.agent,
      simulations: 1e9,
    };
    expect(errorsOf(parseConfig(mcts))).toMatch(/agent\.simulations: must be from \d[\d,]* to [\d,]+$/);
    const exp = { version: 1, base: defaultConfig(), variants: [{ name: 'a' }], seeds: 1e9 };
    expect(errorsOf(parseExperiment(exp))).toMatch(/seeds: must be from 1 to 64/);
    const sweep = { version: 1, base: defaultConfig(), distances: [2, 1e9] };
    expect(errorsOf(parseSweep(sweep))).toMatch(/distances\[1\]: must be from 1 to 200/);
    expect(errorsOf(parseSweep(sweep))).not.toMatch(/must be a number/);
  });

  it('a nesting or JSON problem inside a link or an autosave reads as a sentence', () => {
    expect(contentError('it is nested more than 12 levels deep')).toBe(
      'its content is nested more than 12 levels deep',
    );
    const link = `#c=${LZString.compressToEncodedURIComponent('['.repeat(40) + ']'.repeat(40))}`;
    const r = errorsOf(decodeConfig(link));
    expect(r).toMatch(/its content is nested more than 12 levels deep/);
    expect(r).not.toMatch(/content it/);
    const a = parseAutosaveText('{"config":' + '['.repeat(40));
    expect(a.ok ? '' : a.details.join(' ')).toMatch(/^its content is nested/);
  });

  it('a file that is too large is described in MB, as the kind of file it is', async () => {
    expect(formatBytes(100_000_000)).toBe('100 MB');
    expect(formatBytes(1_000_000)).toBe('1 MB');
    expect(formatBytes(80_000_000)).toBe('80 MB');
    expect(formatBytes(12_345)).toBe('12 kB');
  });

  it('Import JSON of a trained-agent file points to Open trained agent', async () => {
    const text = await agentText();
    expect(errorsOf(parseConfigFile(text))).toMatch(
      /trained-agent file, not a config: open it with .*Open trained agent/,
    );
    const pretty = JSON.stringify({ version: 1, format: 'gridworld-rl-agent' }, null, 2);
    expect(errorsOf(parseConfigFile(pretty))).toMatch(/Open trained agent/);
  });

  it('a variant that sets its own train.episodes is refused, not silently overridden', () => {
    const exp = {
      version: 1,
      base: defaultConfig(),
      variants: [{ name: 'long', train: { episodes: 900 } }, { name: 'b' }],
      episodes: 100,
    };
    expect(errorsOf(parseExperiment(exp))).toMatch(
      /variant 'long': train\.episodes: every variant runs the same 100 episodes/,
    );
    // Saying the same number is fine.
    expect(parseExperiment({ ...exp, variants: [{ name: 'same', train: { episodes: 100 } }] }).ok).toBe(true);
  });

  it('a UTF-16 agent file loads in the command line as in the page', async () => {
    const text = await agentText();
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeText(le)).toBe(text);
    expect(decodeText(be)).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(text);
    const dir = mkdtempSync(join(tmpdir(), 'utf16-'));
    writeFileSync(join(dir, 'agent.json'), le);
    const r = readJsonFile(join(dir, 'agent.json'), { ...FILE_JSON_LIMITS, maxChars: 80_000_000 });
    expect(r.ok).toBe(true);
    if (r.ok) expect(parseAgentFile(JSON.stringify(r.value)).ok).toBe(true);
    const sim = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/sim.ts', '--load-agent', join(dir, 'agent.json'), '--episodes', '1'],
      { encoding: 'utf8' },
    );
    expect(sim.stderr).not.toMatch(/not valid JSON/);
  });

  it('every single bit flip in the base64 data of an agent file is refused (checksum)', async () => {
    const text = await agentText();
    const doc = JSON.parse(text);
    expect(doc.checksum).toMatch(/^crc32:[0-9a-f]{8}$/);
    const q: string = doc.state.agent.arrays.q.data;
    const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    let refused = 0;
    let tried = 0;
    for (let i = 0; i < q.length - 4; i += Math.max(1, Math.floor(q.length / 40))) {
      const k = B64.indexOf(q[i]);
      if (k < 0) continue;
      for (const bit of [1, 8, 32]) {
        const flipped = q.slice(0, i) + B64[k ^ bit] + q.slice(i + 1);
        const d = structuredClone(doc);
        d.state.agent.arrays.q.data = flipped;
        tried++;
        const r = parseAgentFile(JSON.stringify(d));
        if (!r.ok) refused++;
        if (!r.ok && r.errors.some((e) => /checksum/.test(e)))
          expect(r.errors[0]).toMatch(/changed or damaged after it was saved/);
      }
    }
    expect(tried).toBeGreaterThan(50);
    expect(refused).toBe(tried);
    // A file without a checksum (saved before it existed) still opens.
    delete doc.checksum;
    expect(parseAgentFile(JSON.stringify(doc)).ok).toBe(true);
  });

  it('a trained agent that does not fit is not blamed on TensorFlow.js', () => {
    expect(createErrorHint('This trained agent could not be loaded: hidden sizes differ', true)).not.toMatch(
      /TensorFlow/,
    );
    expect(createErrorHint('This trained agent could not be loaded: hidden sizes differ', true)).toMatch(
      /does not fit/,
    );
    expect(createErrorHint('no TensorFlow.js backend could start (tried wasm, cpu)', true)).toMatch(
      /need TensorFlow\.js/,
    );
    expect(createErrorHint('Failed to fetch dynamically imported module: x.js', true)).toMatch(/TensorFlow/);
    expect(createErrorHint('q has 396 numbers', false)).toMatch(/Check the agent settings/);
  });
});
