import { describe, expect, it, vi } from 'vitest';
import { parseExperiment, parseSweep } from '../../src/config/experiment';
import { defaultConfig } from '../../src/config/defaults';
import { assembleComparison, comparisonJobs, runComparison } from '../../src/rl/lab/compare';
import { placeGoal, maxGoalDistance, defaultDistances } from '../../src/rl/lab/placeGoal';
import { runSweep, runSweepJobAsync, sweepJobs } from '../../src/rl/lab/sweep';
import { runJob } from '../../src/rl/lab/runJob';
import { DqnAgent } from '../../src/rl/neural/dqn';
import { comparisonJson, comparisonTable, sweepTable } from '../../src/rl/lab/report';

const base = () => ({ ...defaultConfig(), train: { ...defaultConfig().train, episodes: 30 } });

describe('experiment documents', () => {
  it('lays variant overrides over the base, one episode budget for all', () => {
    const r = parseExperiment({
      version: 1,
      base: base(),
      variants: [
        { name: 'plain' },
        { name: 'shaped', train: { shaping: 'potential' }, env: { rewards: { G: 5 } } },
        { name: 'sarsa', agent: { type: 'sarsa', alpha: 0.2 } },
        { name: 'random', agent: { type: 'random' } },
      ],
      episodes: 40,
    });
    if (!r.ok) throw new Error(r.errors.join('; '));
    const [plain, shaped, sarsa, random] = r.value.variants.map((v) => v.config);
    expect(r.value.seeds).toBe(8);
    expect(plain.train.episodes).toBe(40);
    expect(shaped.train.shaping).toBe('potential');
    expect(shaped.env.rewards).toEqual({ G: 5, X: -1, C: -100, $: 0.5 });
    expect(sarsa.agent).toMatchObject({ type: 'sarsa', alpha: 0.2, epsilon: 0.1 });
    expect(random.agent).toEqual({ type: 'random' });
  });

  it('names the bad variant and field', () => {
    const r = parseExperiment({
      version: 1,
      base: base(),
      variants: [{ name: 'bad', train: { shaping: 'magic' } }, { name: 'bad' }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatch(/^variant 'bad': train\.shaping/);
    expect(r.errors.join(' ')).toMatch(/used twice/);
    const p = parseExperiment({ version: 1, base: base(), variants: [], seeds: 0 });
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.errors.join(' ')).toMatch(/variants: needs at least one variant/);
    const plan = parseExperiment({
      version: 1,
      base: base(),
      variants: [{ name: 'vi', agent: { type: 'value-iteration' } }],
    });
    expect(plan.ok).toBe(false);
  });
});

describe('comparison runner', () => {
  it('runs every variant on the same seeds and reproduces a run exactly', async () => {
    const r = parseExperiment({
      version: 1,
      base: base(),
      variants: [{ name: 'a' }, { name: 'b', agent: { qInit: 1 } }],
      seeds: 3,
    });
    if (!r.ok) throw new Error(r.errors.join('; '));
    const jobs = comparisonJobs(r.value);
    expect(jobs.map((j) => [j.variant, j.k, j.config.train.seed])).toEqual([
      [0, 0, 1],
      [1, 0, 1],
      [0, 1, 2],
      [1, 1, 2],
      [0, 2, 3],
      [1, 2, 3],
    ]);
    const res = await runComparison(r.value);
    expect(res.variants.map((v) => v.seeds)).toEqual([3, 3]);
    expect(res.variants[0].returns.mean.length).toBe(30);
    const again = runJob(jobs[2].config);
    const shuffled = assembleComparison(
      r.value,
      jobs.map((job) => ({ job, run: runJob(job.config) })).reverse(),
      0,
    );
    expect(shuffled.variants[0].firstEpisodes).toEqual(res.variants[0].firstEpisodes);
    expect(Array.from(again.returns)).toEqual(Array.from(runJob(jobs[2].config).returns));
    expect(comparisonTable(res)).toMatch(/^comparison: 2 variants x 3 seeds x 30 episodes/);
    const json = comparisonJson(res) as { variants: { curve: { episode: number[] } }[] };
    expect(json.variants[0].curve.episode.length).toBe(30);
  });
});

describe('sparsity sweep', () => {
  const room = {
    ...defaultConfig(),
    env: { ...defaultConfig().env, grid: ['S.....', '......', '......', '.....G'], maxSteps: 30 },
  };

  it('places the goal at the asked shortest-path distance, near the diagonal, removing the others', () => {
    expect(maxGoalDistance(room.env)).toBe(8);
    const p = placeGoal(room.env, 4);
    if (!p.ok) throw new Error(p.error);
    expect(p.env.grid).toEqual(['S.....', '......', '..G...', '......']);
    expect(placeGoal(room.env, 9)).toEqual({
      ok: false,
      error: 'no open cell at distance 9 from the start (farthest: 8)',
    });
    expect(defaultDistances(room.env, 4)).toEqual([2, 4, 6, 8]);
  });

  it('censors runs that hit the budget and keeps them in the counts', async () => {
    const spec = parseSweep({ version: 1, base: room, distances: [1, 8], seeds: 4, budget: 100 });
    if (!spec.ok) throw new Error(spec.errors.join('; '));
    const r = await runSweep(spec.value);
    if (!r.ok) throw new Error(r.error);
    const near = r.result.points.find((p) => p.distance === 1 && p.who === 'random')!;
    const far = r.result.points.find((p) => p.distance === 8 && p.who === 'agent')!;
    expect(near.stats.n).toBe(4);
    expect(near.stats.censored).toBe(0);
    expect(far.stats.n).toBe(4);
    expect(far.stats.censored + far.stats.found.length).toBe(4);
    for (const v of far.stats.found) expect(v).toBeLessThanOrEqual(100);
    expect(sweepTable(r.result)).toMatch(/random walk vs q-learning, 4 seeds, budget 100 steps/);
  });

  it('refuses planning agents and distances that do not fit', async () => {
    expect(
      parseSweep({ version: 1, base: { ...room, agent: { type: 'value-iteration' } }, distances: [2] }).ok,
    ).toBe(false);
    const spec = parseSweep({ version: 1, base: room, distances: [20] });
    if (!spec.ok) throw new Error('should parse');
    await expect(runSweep(spec.value)).resolves.toMatchObject({ ok: false });
  });

  it('sweeps a neural agent within the step budget, each run built and disposed', async () => {
    const dqn = { type: 'dqn', hidden: [8], learningStarts: 20, batchSize: 8, backend: 'cpu' };
    const spec = parseSweep({
      version: 1,
      base: { ...room, agent: dqn },
      distances: [1, 8],
      seeds: 2,
      budget: 300,
    });
    if (!spec.ok) throw new Error(spec.errors.join('; '));
    const ticks: number[] = [];
    const dispose = vi.spyOn(DqnAgent.prototype, 'dispose');
    const r = await runSweep(spec.value, (done) => ticks.push(done));
    if (!r.ok) throw new Error(r.error);
    expect(ticks).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(dispose).toHaveBeenCalledTimes(4); // the 4 DQN runs; the random walks are tabular
    dispose.mockRestore();
    expect(r.result.agent).toBe('dqn');
    const near = r.result.points.find((p) => p.distance === 1 && p.who === 'agent')!;
    const far = r.result.points.find((p) => p.distance === 8 && p.who === 'agent')!;
    // One step from the start, DQN's first (all but random) moves find the goal well within the budget.
    expect(near.stats.censored).toBe(0);
    expect(far.stats.n).toBe(2);
    for (const v of far.stats.found) expect(v).toBeLessThanOrEqual(300);
    // A run is a pure function of its job (the seeded agent), and never steps past its budget.
    const planned = sweepJobs(spec.value);
    if (!planned.ok) throw new Error(planned.error);
    const job = planned.jobs.find((j) => j.who === 'agent' && j.distance === 8)!;
    const [a, b] = [await runSweepJobAsync(job), await runSweepJobAsync(job)];
    expect(a).toEqual(b);
    expect(a.stepsRun).toBeLessThanOrEqual(300);
    if (a.steps === null) expect(a.stepsRun).toBe(300);
  });
});
