import { describe, expect, it } from 'vitest';
import { defaultAgent } from '../../src/config/defaults';
import { agentSchema, parseConfig } from '../../src/config/schema';
import { DEFAULT_CONFIG } from '../../src/config/defaults';
import { AGENT_PARAMS, AGENTS } from '../../src/ui/agent/agentParams';
import { numberBounds } from '../../src/ui/common/schemaBounds';
import { ENV_PARAMS, REWARD_PARAMS } from '../../src/ui/editor/envParams';
import { TRAIN_PARAMS } from '../../src/ui/training/trainParams';

const schemaTypes = agentSchema.options.map((o) => o.shape.type.value);

describe('agent parameter metadata', () => {
  it('lists every agent type the schema offers, once', () => {
    expect(AGENTS.map((a) => a.type).sort()).toEqual([...schemaTypes].sort());
  });

  it.each(schemaTypes)('covers every field of the %s schema, and nothing else', (type) => {
    const fields = Object.keys(defaultAgent(type))
      .filter((k) => k !== 'type')
      .sort();
    expect(AGENT_PARAMS[type].map((p) => p.key).sort()).toEqual(fields);
  });

  it.each(schemaTypes)('gives %s fields a tooltip and a slider range inside the schema range', (type) => {
    for (const p of AGENT_PARAMS[type]) {
      expect(p.tip.length, p.key).toBeGreaterThan(15);
      if (p.kind !== 'number') continue;
      const b = numberBounds({ agent: type }, p.key);
      expect(b, p.key).not.toBeNull();
      expect(p.min, p.key).toBeGreaterThanOrEqual(b!.min);
      expect(p.max, p.key).toBeLessThanOrEqual(b!.max);
      expect(p.min, p.key).toBeLessThan(p.max);
      if (p.log) expect(p.min, p.key).toBeGreaterThan(0);
      const value = (defaultAgent(type) as Record<string, unknown>)[p.key];
      expect(typeof value, p.key).toBe('number');
    }
  });

  it('offers exactly the schema options in selects, and the default values validate', () => {
    for (const type of schemaTypes)
      for (const p of AGENT_PARAMS[type]) {
        if (p.kind !== 'select') continue;
        for (const o of p.options) {
          const agent = { ...defaultAgent(type), [p.key]: o.value };
          expect(parseConfig({ ...DEFAULT_CONFIG, agent }).ok, `${type}.${p.key}=${o.value}`).toBe(true);
        }
        const bad = { ...defaultAgent(type), [p.key]: 'nope' };
        expect(parseConfig({ ...DEFAULT_CONFIG, agent: bad }).ok).toBe(false);
      }
  });

  it('env, reward and train metadata point at real numeric fields with sane sliders', () => {
    const check = (section: 'env' | 'rewards' | 'train', specs: typeof ENV_PARAMS) => {
      for (const p of specs) {
        if (p.kind !== 'number') continue;
        const b = numberBounds(section, p.key);
        expect(b, `${section}.${p.key}`).not.toBeNull();
        expect(p.min).toBeGreaterThanOrEqual(b!.min);
        expect(p.max).toBeLessThanOrEqual(b!.max);
      }
    };
    check('env', ENV_PARAMS);
    check('rewards', REWARD_PARAMS);
    check('train', TRAIN_PARAMS);
    expect(TRAIN_PARAMS.map((p) => p.key).sort()).toEqual(Object.keys(DEFAULT_CONFIG.train).sort());
  });
});
