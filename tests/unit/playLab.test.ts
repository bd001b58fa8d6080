import { afterEach, describe, expect, it } from 'vitest';
import { parseExperiment } from '../../src/config/experiment';
import { defaultConfig } from '../../src/config/defaults';
import { resetConfigStore, useConfigStore } from '../../src/store/configStore';
import { findLabPreset, PLAYGROUND_ID } from '../../src/store/labPresets';
import { makeConfig } from './helpers';

afterEach(() => resetConfigStore(defaultConfig()));

describe('the Lab on your playground world with your demonstrations', () => {
  it('compares the four teacher variants with the demonstrations you recorded', () => {
    const c = makeConfig({ grid: ['S....', '.....', '.....', '.....', '....G'], env: { stepReward: -1 } });
    resetConfigStore(c);
    expect(findLabPreset(PLAYGROUND_ID).variants!.map((v) => v.name)[0]).toBe('As configured');
    useConfigStore.getState().edit((d) => {
      d.demonstrations = ['UURRRRDDDD'];
    });
    const p = findLabPreset(PLAYGROUND_ID);
    expect(p.variants!.map((v) => v.name)).toEqual([
      'World reward only',
      "Teacher's grade",
      'Imitation',
      "Demonstrations, then the world's reward",
    ]);
    expect(p.caption[0]).toMatch(/1 demonstration you played/);
    const exp = parseExperiment({ version: 1, base: p.config, variants: p.variants, seeds: 2 });
    if (!exp.ok) throw new Error(exp.errors.join('; '));
    for (const v of exp.value.variants) expect(v.config.demonstrations).toEqual(['UURRRRDDDD']);
    expect(exp.value.variants[1].config.train.rewardSource).toBe('teacher-grade');
    expect(exp.value.variants[2].config.agent.type).toBe('imitation');
  });
});
