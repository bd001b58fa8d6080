// @vitest-environment node
/**
 * The figures the preset captions quote come from src/config/presetResults.ts (scripts/record-captions.ts
 * measured them). Here the cheap parts are re-run and must equal the recorded figures exactly: the Dyna
 * maze's whole thinking budget and its random-walk length; the search wall's points up to 100
 * simulations and the two 1,000-simulation points its caption quotes; the Dyna-Q rungs, the rollout
 * searches up to 100 simulations and the learned-leaf ones of "Bigger or longer?". The rest (the deep
 * needle's DQN comparison, the wider DQNs, 300 simulations on the wall and 400 rollout simulations in
 * the room: minutes) is re-run by `npm run bench -- captions`.
 */
import { describe, expect, it } from 'vitest';
import { budgetSubset, measureBudget, randomWalkSteps } from '../../scripts/record-captions';
import { getPreset } from '../../src/config/presets';
import { PRESET_RESULTS, type BudgetFigures } from '../../src/config/presetResults';

/** The recorded points of a budget restricted to these variants and values, in the run's order. */
function recorded(figures: BudgetFigures, values: Record<string, number[]>): BudgetFigures {
  return figures.filter((p) => values[p.variant]?.includes(p.value));
}

describe('preset captions quote recorded runs', () => {
  it('the captions are built from the recorded figures', () => {
    const caption = (id: string) => getPreset(id)!.caption[1];
    const plain = PRESET_RESULTS['deep-needle'].find((v) => v.name === 'Plain DQN')!;
    expect(caption('deep-needle')).toContain(`${plain.never} of ${plain.seeds} seeds never reach the goal`);
    expect(caption('dyna-maze')).toContain(`random walk of ${PRESET_RESULTS['dyna-maze-random-walk']} steps`);
    const far = PRESET_RESULTS['search-wall'].find((p) => p.variant === 'Goal 38 away' && p.value === 1000)!;
    expect(caption('search-wall')).toContain(`one 38 away on ${far.seeds - far.unsolved}/${far.seeds}`);
    for (const id of ['deep-needle', 'dyna-maze', 'search-wall', 'bigger-or-longer'])
      expect(caption(id), id).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('dyna maze: the whole thinking budget and the random walk', async () => {
    expect(await measureBudget('dyna-maze')).toEqual(PRESET_RESULTS['dyna-maze']);
    expect(randomWalkSteps('dyna-maze')).toBe(PRESET_RESULTS['dyna-maze-random-walk']);
  });

  it('search wall: every point up to 100 simulations, and the 1,000-simulation points the caption quotes', async () => {
    const values = {
      'Goal 14 away': [10, 30, 100],
      'Goal 26 away': [10, 30, 100, 1000],
      'Goal 38 away': [10, 30, 100, 1000],
      'Goal 38 away, shaped': [10, 30, 100],
    };
    expect(await measureBudget('search-wall', budgetSubset('search-wall', values))).toEqual(
      recorded(PRESET_RESULTS['search-wall'], values),
    );
  });

  it('bigger or longer: the Dyna-Q rungs and the searches up to 100 simulations, with learned leaves to 400', async () => {
    const values = {
      'Dyna-Q, more planning': [5, 20, 80],
      'MCTS, more simulations': [25, 100],
      'MCTS, learned leaf values': [25, 100, 400],
    };
    expect(await measureBudget('bigger-or-longer', budgetSubset('bigger-or-longer', values))).toEqual(
      recorded(PRESET_RESULTS['bigger-or-longer'], values),
    );
  });
});
