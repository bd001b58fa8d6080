import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, defaultAgent } from '../../src/config/defaults';
import { agentSchema, parseConfig } from '../../src/config/schema';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
const base = () => structuredClone(DEFAULT_CONFIG) as unknown as Loose;

describe('config validation', () => {
  it('accepts the default config and fills defaults into a minimal one', () => {
    expect(parseConfig(DEFAULT_CONFIG).ok).toBe(true);
    const r = parseConfig({ version: 2, env: { grid: ['S.G'] }, agent: { type: 'sarsa' } });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.config.env.gamma).toBe(0.99);
      expect(r.config.agent).toMatchObject({ type: 'sarsa', alpha: 0.5, epsilon: 0.1, lambda: 0 });
      expect(r.config.train).toMatchObject({ episodes: 500, seed: 1 });
    }
  });

  it('has defaults for every agent type', () => {
    for (const opt of agentSchema.options) {
      const type = opt.shape.type.value;
      expect(defaultAgent(type).type).toBe(type);
    }
  });

  const broken: [string, (c: Loose) => unknown, RegExp][] = [
    ['not an object', () => 'hello', /\(config\)/],
    ['wrong version', (c) => ({ ...c, version: 3 }), /^version: must be 2/],
    ['missing env', (c) => ({ ...c, env: undefined }), /^env: /],
    ['ragged rows', (c) => ((c.env.grid = ['S..', '..']), c), /^env\.grid\[1\]: row has 2 cells, expected 3/],
    ['unknown cell', (c) => ((c.env.grid = ['S.?', '..G']), c), /^env\.grid\[0\]: unknown cell '\?' at x=2/],
    [
      'two starts',
      (c) => ((c.env.grid = ['S.S', '..G']), c),
      /^env\.grid: needs exactly one start S, found 2/,
    ],
    ['no start', (c) => ((c.env.grid = ['...', '..G']), c), /^env\.grid: needs exactly one start S, found 0/],
    ['only walls', (c) => ((c.env.grid = ['S##']), c), /^env\.grid: needs at least one open cell/],
    [
      'too many rows',
      (c) => ((c.env.grid = Array(51).fill('S'.padEnd(3, '.'))), c),
      /^env\.grid: grid has more than 50 rows/,
    ],
    [
      'row too long',
      (c) => ((c.env.grid = ['S'.padEnd(51, '.')]), c),
      /^env\.grid\[0\]: row is longer than 50/,
    ],
    ['slip above 1', (c) => ((c.env.slip = 1.5), c), /^env\.slip: must be from 0 to 1$/],
    ['gamma negative', (c) => ((c.env.gamma = -0.1), c), /^env\.gamma: must be from 0 to 1$/],
    ['maxSteps fraction', (c) => ((c.env.maxSteps = 10.5), c), /^env\.maxSteps: /],
    ['reward NaN-ish string', (c) => ((c.env.stepReward = 'x'), c), /^env\.stepReward: must be a number/],
    ['absurd reward', (c) => ((c.env.rewards.G = 1e12), c), /^env\.rewards\.G: /],
    [
      'override outside',
      (c) => ((c.env.cellRewards = [{ x: 20, y: 0, reward: 1 }]), c),
      /^env\.cellRewards\[0\]: cell \(20, 0\) is outside/,
    ],
    [
      'override on plain cell',
      (c) => ((c.env.cellRewards = [{ x: 1, y: 0, reward: 1 }]), c),
      /^env\.cellRewards\[0\]: .*only to G, X, C or \$/,
    ],
    ['unknown agent', (c) => ((c.agent = { type: 'magic' }), c), /^agent\.type: /],
    ['alpha too big', (c) => ((c.agent.alpha = 3), c), /^agent\.alpha: /],
    ['typo in a field', (c) => ((c.agent.alhpa = 0.1), c), /^agent: .*alhpa/],
    ['episodes zero', (c) => ((c.train.episodes = 0), c), /^train\.episodes: /],
    ['seed negative', (c) => ((c.train.seed = -1), c), /^train\.seed: /],
    ['bad shaping', (c) => ((c.train.shaping = 'magic'), c), /^train\.shaping: /],
  ];

  for (const [name, mutate, message] of broken) {
    it(`refuses ${name} with a message naming the field`, () => {
      const r = parseConfig(mutate(base()));
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(
          r.errors.some((e) => message.test(e)),
          r.errors.join('\n'),
        ).toBe(true);
    });
  }
});
