import { describe, expect, it } from 'vitest';
import { labelAt } from '../../src/config/fieldMeta';
import { friendlyErrors } from '../../src/store/friendlyErrors';

describe('field labels come from the schema', () => {
  it('reads labels at config paths, agent fields by type', () => {
    expect(labelAt('env.slip')).toBe('Slip');
    expect(labelAt('env.rewards.G')).toBe('Goal reward');
    expect(labelAt('train.seed')).toBeTruthy();
    expect(labelAt('agent.alpha', 'q-learning')).toBeTruthy();
    expect(labelAt('agent.alpha', 'no-such-agent')).toBeUndefined();
    expect(labelAt('env.nope')).toBeUndefined();
    expect(labelAt('')).toBeUndefined();
  });

  it('error sentences name the field by its schema label', () => {
    expect(friendlyErrors(['env.slip: Too big: expected number to be <=1'])).toBe(
      'Slip: Too big: expected number to be <=1',
    );
    expect(friendlyErrors(['train.episodes: must be a number'])).toMatch(/^Episodes: must be a number$/);
  });
});
