// @vitest-environment node
/**
 * The same seed gives the same episodes: every tabular TD agent (Q-learning, SARSA, expected SARSA, with
 * and without traces, Dyna-Q; shaping and the count bonus on some) replays runs recorded before the
 * tabular fast path (scripts/record-tabular.ts wrote the fixture), episode by episode, down to the bits
 * of the final Q table. Also through the step-by-step path (the worker's), which must agree with it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fnv64, record, type RecordedRun } from '../../scripts/record-tabular';
import { Trainer } from '../../src/rl/trainer';

const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures/tabular-recorded.json'), 'utf8')) as {
  episodes: number;
  runs: RecordedRun[];
};

describe('recorded tabular runs', () => {
  it('cover every tabular TD agent, with traces, shaping and the count bonus', () => {
    const types = new Set(fixture.runs.map((r) => r.config.agent.type));
    expect([...types].sort()).toEqual(['dyna-q', 'expected-sarsa', 'q-learning', 'sarsa']);
    expect(fixture.runs.some((r) => 'lambda' in r.config.agent && r.config.agent.lambda > 0)).toBe(true);
    expect(fixture.runs.some((r) => r.config.train.countBonus > 0)).toBe(true);
    expect(fixture.runs.some((r) => r.config.train.shaping === 'potential')).toBe(true);
    expect(fixture.runs.some((r) => r.config.env.slip > 0)).toBe(true);
  });

  for (const run of fixture.runs) {
    it(`${run.world} / ${run.agent} / seed ${run.seed}: same episodes and Q table`, () => {
      const got = record(run.config);
      expect(got.steps).toEqual(run.steps);
      expect(got.success).toBe(run.success);
      expect(got.returns).toEqual(run.returns);
      expect(got.totalSteps).toBe(run.totalSteps);
      expect(got.qHash).toBe(run.qHash);
    });
  }

  it('step-by-step training gives the same episodes as whole episodes', () => {
    for (const run of fixture.runs.filter((r) => r.seed === fixture.runs[0].seed)) {
      const t = new Trainer(run.config);
      const steps: number[] = [];
      while (t.episode < 50) if (t.step()) steps.push(t.metrics.last().steps);
      expect(steps).toEqual(run.steps.slice(0, 50));
      // and mixing the two paths mid-run changes nothing
      const u = new Trainer(run.config);
      for (let k = 0; k < 7; k++) u.step();
      const e = u.runEpisode();
      u.runSteps(13);
      while (u.episode < 50) u.runEpisode();
      const q = new Float64Array(u.grid.nStates * 4);
      const q2 = new Float64Array(u.grid.nStates * 4);
      u.agent.qValues(q);
      t.agent.qValues(q2);
      expect(fnv64(q)).toBe(fnv64(q2));
      expect(e.steps).toBe(run.steps[0]);
    }
  });

  it("whole episodes run in the agent's own loop and leave the trainer as step by step does", () => {
    for (const run of fixture.runs.filter((r) => r.world === 'slip' && r.seed === fixture.runs[0].seed)) {
      const fast = new Trainer(run.config);
      const slow = new Trainer(run.config);
      const step = vi.spyOn(fast.agent, 'step');
      for (let k = 0; k < 20; k++) {
        const e = fast.runEpisode();
        while (!slow.step());
        expect(e).toEqual(slow.metrics.last());
        expect(fast.trailLength).toBe(slow.trailLength);
        expect([...fast.trail.subarray(0, fast.trailLength)]).toEqual([
          ...slow.trail.subarray(0, slow.trailLength),
        ]);
        expect([...fast.episodeVisits]).toEqual([...slow.episodeVisits]);
        expect([...fast.visits]).toEqual([...slow.visits]);
        expect(fast.totalSteps).toBe(slow.totalSteps);
        expect(fast.episodeReturn).toBe(slow.episodeReturn);
        const f = fast.env;
        const w = slow.env;
        expect([f.state, f.t, f.reward, f.terminated, f.truncated, f.success, f.moved]).toEqual([
          w.state,
          w.t,
          w.reward,
          w.terminated,
          w.truncated,
          w.success,
          w.moved,
        ]);
        expect(f.rng.getState()).toEqual(w.rng.getState());
        expect(fast.agent.epsilon()).toBe(slow.agent.epsilon());
      }
      expect(step).not.toHaveBeenCalled();
      expect(fast.exportState()).toEqual(slow.exportState());
    }
  });
});
