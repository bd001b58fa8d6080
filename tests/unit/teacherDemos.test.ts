// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { envSchema } from '../../src/config/schema';
import { compileGrid } from '../../src/rl/grid';
import { Rng } from '../../src/rl/rng';
import {
  bestDemoSteps,
  checkDemonstrations,
  demoEpisodeStats,
  demoTransitions,
} from '../../src/rl/teacher/demonstrations';

const grid = (env: object) => compileGrid(envSchema.parse(env));
// 4 x 3, start top left, goal bottom right, a pit under the start's right neighbour
const g = grid({ grid: ['S...', '.X..', '...G'], stepReward: -0.1, maxSteps: 8 });

describe('demonstrations read against the world', () => {
  it('gives the transitions the world tables make of each move, and the undiscounted return', () => {
    const t = demoTransitions(g, ['RRRDD']);
    expect(t.n).toBe(5);
    expect([...t.s]).toEqual([0, 1, 2, 3, 7]);
    expect([...t.s2]).toEqual([1, 2, 3, 7, 11]);
    expect([...t.a]).toEqual([1, 1, 1, 2, 2]);
    expect([...t.done]).toEqual([0, 0, 0, 0, 1]);
    expect([...t.r]).toEqual([-0.1, -0.1, -0.1, -0.1, 1]);
    expect(demoEpisodeStats(g, 'RRRDD')).toEqual({ return: expect.closeTo(0.6, 9), steps: 5, success: true });
    // into the top wall: stays put and pays the step reward; a pit ends it without success
    expect(demoEpisodeStats(g, 'URD')).toEqual({ return: expect.closeTo(-1.2, 9), steps: 3, success: false });
    expect(bestDemoSteps(g, ['DDRRR', 'URD', 'RRRDD'])).toBe(5);
    expect(bestDemoSteps(g, ['URD'])).toBeNull();
  });

  it('keeps the chosen action and follows the direction the move really went (a slip)', () => {
    const slippery = grid({ grid: ['S...', '.X..', '...G'], slip: 0.2, maxSteps: 8 });
    const t = demoTransitions(slippery, ['Rd']);
    expect([...t.a]).toEqual([1]);
    expect([...t.s2]).toEqual([4]); // pressed right, slid down
    expect(checkDemonstrations(g, ['Rd']).errors).toEqual([
      'demonstrations[0]: move 1 slipped, but this world does not slip',
    ]);
  });

  it('gives field errors for episodes that do not fit and keeps the ones that do', () => {
    const r = checkDemonstrations(g, ['RRRDD', 'RRRDDL', 'RLRLRLRLR', 'RQ', 7, '', 'URDL']);
    expect(r.fits).toEqual([0]);
    expect(r.errors).toEqual([
      'demonstrations[1]: goes on after the world ended it at move 5',
      "demonstrations[2]: 9 moves, longer than the world's step limit (8)",
      expect.stringMatching(/^demonstrations\[3\]: character 2 is "Q"/),
      'demonstrations[4]: must be a string of moves (U, R, D, L)',
      'demonstrations[5]: a demonstration has at least one move',
      'demonstrations[6]: goes on after the world ended it at move 3',
    ]);
    // only the fitting ones give transitions
    expect(demoTransitions(g, ['RRRDDL', 'RD']).n).toBe(2);
  });

  it('fuzzed: random strings, random lengths, other worlds: a field error or a fit, never a throw', () => {
    const rng = new Rng(7);
    const letters = 'URDLurdlxQ ';
    const worlds = [
      g,
      grid({ grid: ['S#G'], maxSteps: 3 }),
      grid({ grid: ['S.', '.G'], slip: 0.5, maxSteps: 50 }),
    ];
    for (let i = 0; i < 400; i++) {
      const n = rng.int(30);
      let text = '';
      for (let k = 0; k < n; k++) text += letters[rng.int(rng.next() < 0.8 ? 8 : letters.length)];
      const w = worlds[rng.int(worlds.length)];
      const r = checkDemonstrations(w, [text]);
      expect(r.errors.length + r.fits.length).toBe(1);
      if (r.errors.length) expect(r.errors[0]).toMatch(/^demonstrations\[0\]: \S/);
      else {
        const st = demoEpisodeStats(w, text);
        expect(st).not.toBeNull();
        expect(st!.steps).toBeLessThanOrEqual(w.maxSteps);
        expect(demoTransitions(w, [text]).n).toBe(st!.steps);
      }
    }
  });
});

describe('demonstrations in the share link', () => {
  it('travel with the world: a link keeps them exactly, and a world without any has no key for them', async () => {
    const { encodeConfig, decodeConfig } = await import('../../src/config/codec');
    const { compactConfig } = await import('../../src/config/compactConfig');
    const { parseConfig, CONFIG_VERSION } = await import('../../src/config/schema');
    const r = parseConfig({
      version: CONFIG_VERSION,
      env: { grid: ['S...', '.X..', '...G'], slip: 0.1 },
      agent: { type: 'q-learning' },
      demonstrations: ['RRRDD', 'RdRRD'],
    });
    if (!r.ok) throw new Error(r.errors.join('; '));
    expect(decodeConfig(encodeConfig(r.config))).toEqual({ ok: true, config: r.config });
    expect('demonstrations' in compactConfig({ ...r.config, demonstrations: [] })).toBe(false);
  });
});
