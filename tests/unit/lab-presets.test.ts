import { afterEach, describe, expect, it } from 'vitest';
import { parseExperiment } from '../../src/config/experiment';
import { getPreset } from '../../src/config/presets';
import { defaultConfig } from '../../src/config/defaults';
import { useConfigStore } from '../../src/store/configStore';
import { findLabPreset, labPresets, PLAYGROUND_ID, playgroundPreset } from '../../src/store/labPresets';

afterEach(() => {
  useConfigStore.getState().setConfig(defaultConfig());
});

describe('lab presets', () => {
  it('lists deep-needle among the built-in presets and finds it by id', () => {
    expect(labPresets().map((p) => p.id)).toContain('deep-needle');
    expect(findLabPreset('deep-needle').title).toBe(getPreset('deep-needle')!.title);
  });

  it('compares a tabular playground world with optimism, a neural one with curiosity, each a valid experiment', () => {
    const names = () => playgroundPreset().variants!.map((v) => v.name);
    expect(useConfigStore.getState().setConfig(getPreset('needle')!.config).ok).toBe(true);
    expect(names()).toEqual(['As configured', 'Potential shaping', 'Count bonus', 'Optimistic init']);
    expect(useConfigStore.getState().setConfig(getPreset('deep-needle')!.config).ok).toBe(true);
    expect(names()).toEqual(['As configured', 'Potential shaping', 'Count bonus', 'Curiosity (RND)']);
    const p = findLabPreset(PLAYGROUND_ID);
    const exp = parseExperiment({ version: 1, base: p.config, variants: p.variants, seeds: 2 });
    if (!exp.ok) throw new Error(exp.errors.join('; '));
    const rnd = exp.value.variants.find((v) => v.name === 'Curiosity (RND)')!;
    expect(rnd.config.agent).toMatchObject({ type: 'dqn', curiosity: 0.1, replaySize: 1000 });
  });
});
