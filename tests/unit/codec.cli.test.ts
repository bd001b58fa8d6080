// @vitest-environment node
/** The CLI accepts the same share links as the page (`npm run sim -- '<link>'`). */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cli } from './cliBin';
import { shareUrl } from '../../src/config/codec';
import { typical20 } from './codecWorlds';

const run = promisify(execFile);
const sim = (...args: string[]) =>
  run('node', [...cli('sim'), ...args], { timeout: 60_000 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );

describe('sim CLI with share links', () => {
  it('runs the world of a share link', async () => {
    const link = shareUrl('http://localhost:5173/', typical20());
    const r = await sim(link, '--episodes', '5', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { runs: Array<{ seed: number; episodes: unknown[] }> };
    expect(out.runs[0].seed).toBe(42);
    expect(out.runs[0].episodes).toHaveLength(5);
  });

  it('refuses a broken link with one clear line and status 2', async () => {
    const r = await sim('http://localhost:5173/#c=NoWayThisIsAConfig');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^sim: invalid config: link: it is damaged/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
