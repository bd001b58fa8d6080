// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/config/presets';
import { presetExperiment } from '../../src/config/presetExperiments';
import { runComparison } from '../../src/rl/lab/compare';
import { comparisonJson } from '../../src/rl/lab/report';

describe('the teacher preset: never surpass your teacher', () => {
  it('shows what its caption says, in the numbers of a run (8 seeds)', async () => {
    const p = getPreset('teacher')!;
    const r = await runComparison(presetExperiment(p)!);
    expect(r.reference).toEqual({ optimalSteps: 12, teacherSteps: 22 });
    const [world, graded, imitation, demos, trex] = r.variants;
    const all = (v: (typeof r.variants)[number], steps: number) =>
      v.greedySteps.perSeed.filter((x) => x === steps).length;
    const caption = p.caption.join(' ');
    // the graded and imitating learners end on the teacher's path, never a shorter one
    for (const v of [graded, imitation]) {
      expect(
        v.greedySteps.perSeed.every((x) => x === null || x >= 22),
        v.name,
      ).toBe(true);
      expect(all(v, 22), v.name).toBeGreaterThanOrEqual(7);
    }
    expect(caption).toContain(
      `teacher's 22-move path on ${Math.min(all(graded, 22), all(imitation, 22))} of 8 seeds`,
    );
    // the world's reward alone ends on the shortest path, but finds the goal late
    const f = world.firstEpisode;
    expect(caption).toContain(
      `first in episode ${f.min} to ${f.max}, median ${f.median}: ${Math.round(world.firstSteps.median!)} steps`,
    );
    expect(caption).toContain(`ends on the 12-step shortest path on ${all(world, 12)} of 8 seeds`);
    expect(all(world, 12)).toBeGreaterThanOrEqual(7);
    // demonstrations first: the goal at least 3x sooner (episodes and steps), still the shortest path
    expect(demos.firstEpisode.max).toBe(1);
    expect(caption).toContain('find the goal in episode 1 on every seed');
    const ratio = world.firstSteps.median! / demos.firstSteps.median!;
    expect(ratio).toBeGreaterThanOrEqual(3);
    expect(world.firstEpisode.median! / demos.firstEpisode.median!).toBeGreaterThanOrEqual(3);
    expect(caption).toContain(
      `median ${Math.round(demos.firstSteps.median!)} steps, ${Math.floor(ratio)}x sooner`,
    );
    expect(caption).toContain(`still end on the shortest path on ${all(demos, 12)} of 8`);
    expect(all(demos, 12)).toBeGreaterThanOrEqual(7);
    // T-REX: a reward fitted to the ranking ends shorter than the best demonstration
    expect(trex.greedySteps.max).toBeLessThan(22);
    expect(caption).toContain(
      `(T-REX, Brown et al. 2019) ends on the 12-step path on ${all(trex, 12)} of 8 seeds`,
    );
    expect(all(trex, 12)).toBeGreaterThanOrEqual(7);
    // the CLI's JSON carries the same
    const j = comparisonJson(r) as { reference: unknown; variants: { greedySteps: unknown }[] };
    expect(j.reference).toEqual({ optimalSteps: 12, teacherSteps: 22 });
    expect(j.variants[1].greedySteps).toEqual(graded.greedySteps);
  });
});
