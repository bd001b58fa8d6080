import LZString from 'lz-string';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shareUrl } from '../../src/config/codec';
import { defaultAgent, defaultConfig } from '../../src/config/defaults';
import { MAX_IMPORT_BYTES, configToJson, parseConfigFile } from '../../src/export/configFile';
import { CSV_BUCKET_HEADER, CSV_HEADER, metricsToCsv } from '../../src/export/csv';
import { downloadText, readFileText } from '../../src/export/download';
import { exportFileName } from '../../src/export/fileNames';
import { RunMetrics } from '../../src/rl/metrics';

describe('config JSON export and import', () => {
  const c = defaultConfig();
  c.agent = defaultAgent('dqn');
  c.train.seed = 77;

  it('round-trips through a readable file', () => {
    const text = configToJson(c);
    expect(text).toContain('\n  "version": 2,');
    expect(text.endsWith('\n')).toBe(true);
    expect(parseConfigFile(text)).toEqual({ ok: true, config: c });
    expect(parseConfigFile('\uFEFF' + text)).toEqual({ ok: true, config: c });
  });

  it('accepts a share link pasted into a file, and a version-0 config', () => {
    expect(parseConfigFile(shareUrl('https://x.org/', c))).toEqual({ ok: true, config: c });
    const v0 = parseConfigFile(JSON.stringify({ grid: ['S.G'], agent: 'sarsa' }));
    expect(v0.ok && v0.config.agent.type).toBe('sarsa');
  });

  it.each([
    ['empty', '', /empty/],
    ['not JSON', 'hello', /not valid JSON/],
    ['truncated JSON', configToJson(c).slice(0, 50), /not valid JSON/],
    ['a prototype key', '{"__proto__":{"a":1},"version":1}', /forbidden key/],
    ['deep nesting', '['.repeat(5000), /nested/],
    ['an invalid config', JSON.stringify({ ...c, env: { ...c.env, slip: 7 } }), /env\.slip/],
    ['a newer version', JSON.stringify({ ...c, version: 4 }), /newer app/],
    ['a broken link', 'https://x.org/#c=garbage', /link:/],
    ['a bomb link', `#c=${LZString.compressToEncodedURIComponent('x'.repeat(500_000))}`, /too large/],
  ])('refuses %s with a clear message', (_name, text, message) => {
    const r = parseConfigFile(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(message);
  });
});

describe('run data CSV', () => {
  it('has one row per episode with return, steps, success and epsilon', () => {
    const log = new RunMetrics();
    log.push(-1.5, 12, false, 0.1);
    log.push(1, 7, true, 0.09);
    log.push(0.123456789, 200, false, 1);
    const lines = metricsToCsv(log.summary(1)).trimEnd().split('\n');
    expect(lines).toEqual([CSV_HEADER, '1,-1.5,12,0,0.1', '2,1,7,1,0.09', '3,0.123456789,200,0,1']);
  });

  it('handles a run with no episodes', () => {
    expect(metricsToCsv(new RunMetrics().summary(1))).toBe(`${CSV_HEADER}\n`);
  });

  it('covers a long run in downsampled rows and says so', () => {
    const log = new RunMetrics(8);
    for (let i = 0; i < 100; i++) log.push(i, 10, i >= 50, 0.5);
    const lines = metricsToCsv(log.summary(1)).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^# downsampled: 100 episodes in 7 rows of 16 episodes/);
    expect(lines[1]).toBe(CSV_BUCKET_HEADER);
    expect(lines[2]).toBe('1,16,16,7.5,0,15,10,10,10,0,0.5');
    expect(lines.at(-1)).toBe('97,100,4,97.5,96,99,10,10,10,1,0.5');
  });
});

describe('file names', () => {
  it('name the agent, size, seed and time', () => {
    const c = defaultConfig();
    expect(exportFileName(c, 'json', '', new Date(2024, 4, 6, 9, 5))).toBe(
      'gridworld-q-learning-8x8-seed1-20240506-0905.json',
    );
    expect(exportFileName(c, 'png', 'grid', new Date(2024, 0, 1, 0, 0))).toBe(
      'gridworld-q-learning-8x8-seed1-grid-20240101-0000.png',
    );
  });
});

describe('download and file reading', () => {
  afterEach(() => vi.restoreAllMocks());

  it('downloads text through a temporary link', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      created.push(b);
      return 'blob:test';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('a.csv');
      expect(this.href).toBe('blob:test');
    });
    downloadText('x,y\n', 'a.csv', 'text/csv');
    expect(click).toHaveBeenCalledTimes(1);
    expect(await created[0].text()).toBe('x,y\n');
    expect(created[0].type).toMatch(/^text\/csv/);
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('reads a small file and refuses a large one before reading it', async () => {
    const small = new File(['{"a":1}'], 'small.json');
    expect(await readFileText(small, MAX_IMPORT_BYTES)).toEqual({ ok: true, text: '{"a":1}' });
    const big = new File(['x'.repeat(2000)], 'big.json');
    const text = vi.spyOn(big, 'text');
    const r = await readFileText(big, 1000);
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/"big.json" is too large/) });
    expect(text).not.toHaveBeenCalled();
  });
});
