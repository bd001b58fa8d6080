import { describe, expect, it } from 'vitest';
import { isPlanningType, PLANNING_TYPES } from '../../src/config/agentKinds';
import { DEFAULT_CONFIG, defaultAgent } from '../../src/config/defaults';
import { agentSchema, envSchema, parseConfig, trainSchema, type AgentType } from '../../src/config/schema';
import { AGENTS, agentParams } from '../../src/ui/agent/agentParams';
import { numberBounds, sectionSpecs, type FieldSection } from '../../src/ui/common/schemaBounds';
import type { ParamSpec } from '../../src/ui/common/paramSpec';

const schemaTypes: AgentType[] = agentSchema.options.map((o) => o.shape.type.value);

/** A config whose section holds `value` at `key`. */
function withField(section: FieldSection, key: string, value: unknown): unknown {
  const c = structuredClone(DEFAULT_CONFIG) as unknown as Record<string, Record<string, unknown>>;
  if (section === 'rewards') c.env.rewards = { ...(c.env.rewards as object), [key]: value };
  else if (typeof section === 'string') c[section][key] = value;
  else c.agent = { ...defaultAgent(section.agent), [key]: value };
  return c;
}

/** Every spec of a section: a real tooltip; numbers with the schema's own range and a slider inside it. */
function checkSpecs(section: FieldSection, specs: readonly ParamSpec[]) {
  for (const p of specs) {
    const at = `${JSON.stringify(section)}.${p.key}`;
    expect(p.label.length, at).toBeGreaterThan(0);
    expect(p.tip.length, at).toBeGreaterThan(15);
    if (p.kind !== 'number') continue;
    const b = numberBounds(section, p.key);
    expect(b, at).not.toBeNull();
    expect(p.bounds, at).toEqual(b);
    // The range is the schema's: its ends validate, just beyond them does not.
    const beyond = (x: number) => (x === 0 ? 1e-9 : Math.abs(x) * 1e-9) + (p.int ? 1 : 0);
    for (const end of [b!.min, b!.max]) expect(parseConfig(withField(section, p.key, end)).ok, at).toBe(true);
    expect(parseConfig(withField(section, p.key, b!.min - beyond(b!.min))).ok, at).toBe(false);
    expect(parseConfig(withField(section, p.key, b!.max + beyond(b!.max))).ok, at).toBe(false);
    if (p.noSlider) continue;
    expect(p.min, at).toBeGreaterThanOrEqual(b!.min);
    expect(p.max, at).toBeLessThanOrEqual(b!.max);
    expect(p.min, at).toBeLessThan(p.max);
    expect(p.step, at).toBeGreaterThan(0);
    if (p.log) expect(p.min, at).toBeGreaterThan(0);
  }
}

describe('settings read from the schema', () => {
  it("answers 'is it a planner?' once: the picker's Planning group is exactly PLANNING_TYPES", () => {
    const planning = AGENTS.filter((a) => a.group === 'Planning').map((a) => a.type);
    expect([...planning].sort()).toEqual([...PLANNING_TYPES].sort());
    for (const a of AGENTS) expect(isPlanningType(a.type)).toBe(a.group === 'Planning');
  });

  it('lists every agent type of the union, once, with its name, group and tooltip from .meta()', () => {
    expect(AGENTS.map((a) => a.type)).toEqual(schemaTypes);
    for (const o of agentSchema.options) {
      const a = AGENTS.find((x) => x.type === o.shape.type.value)!;
      expect(o.meta()?.label, a.type).toBe(a.label);
      expect(a.tip.length, a.type).toBeGreaterThan(15);
    }
    expect(AGENTS.find((a) => a.type === 'q-learning')).toMatchObject({
      label: 'Q-learning',
      group: 'Tabular',
    });
    expect(AGENTS.find((a) => a.type === 'value-iteration')?.group).toBe('Planning');
    expect(AGENTS.find((a) => a.type === 'dqn')?.group).toBe('Neural');
  });

  it.each(schemaTypes)('gives every field of the %s schema a control, in the schema order', (type) => {
    const fields = Object.keys(defaultAgent(type)).filter((k) => k !== 'type');
    expect(agentParams(type).map((p) => p.key)).toEqual(fields);
  });

  it.each(schemaTypes)('gives %s fields a tooltip, the schema range and a slider inside it', (type) => {
    checkSpecs({ agent: type }, agentParams(type));
    for (const p of agentParams(type)) {
      const value = (defaultAgent(type) as Record<string, unknown>)[p.key];
      const expected = { number: 'number', bool: 'boolean', select: 'string', list: 'object' }[p.kind];
      expect(typeof value, p.key).toBe(expected);
    }
  });

  it('offers exactly the schema options in selects, labelled', () => {
    for (const type of schemaTypes)
      for (const p of agentParams(type)) {
        if (p.kind !== 'select') continue;
        for (const o of p.options) {
          expect(o.label.length).toBeGreaterThan(0);
          const agent = { ...defaultAgent(type), [p.key]: o.value };
          expect(parseConfig({ ...DEFAULT_CONFIG, agent }).ok, `${type}.${p.key}=${o.value}`).toBe(true);
        }
        const bad = { ...defaultAgent(type), [p.key]: 'nope' };
        expect(parseConfig({ ...DEFAULT_CONFIG, agent: bad }).ok).toBe(false);
      }
    const observation = agentParams('dqn').find((p) => p.key === 'observation');
    expect(observation?.kind === 'select' && observation.options[0]).toEqual({
      value: 'one-hot',
      label: 'One-hot cell',
    });
  });

  it('a list shows its default as placeholder; a seed has no slider', () => {
    const hidden = agentParams('dqn').find((p) => p.key === 'hidden');
    expect(hidden).toMatchObject({ kind: 'list', placeholder: '64,64' });
    const seed = sectionSpecs('train').find((p) => p.key === 'seed');
    expect(seed).toMatchObject({ kind: 'number', int: true, noSlider: true });
  });

  it('env, reward and train fields: every scalar field has a control with the schema range', () => {
    checkSpecs('env', sectionSpecs('env'));
    checkSpecs('rewards', sectionSpecs('rewards'));
    checkSpecs('train', sectionSpecs('train'));
    expect(sectionSpecs('env').map((p) => p.key)).toEqual(['stepReward', 'slip', 'maxSteps', 'gamma']);
    expect(sectionSpecs('rewards').map((p) => p.key)).toEqual(['G', 'X', 'C', '$']);
    expect(sectionSpecs('train').map((p) => p.key)).toEqual(Object.keys(trainSchema.shape));
    expect(Object.keys(envSchema.shape)).toEqual(expect.arrayContaining(['grid', 'cellRewards']));
  });
});
