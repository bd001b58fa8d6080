/** Form metadata of the training settings (config.train). */
import { LIMITS } from '../../config/limits';
import type { ParamSpec } from '../common/paramSpec';

export const TRAIN_PARAMS: ParamSpec[] = [
  {
    key: 'episodes',
    kind: 'number',
    label: 'Episodes',
    tip: 'Training stops after this many episodes (press Continue for more).',
    min: 10,
    max: 100_000,
    step: 1,
    int: true,
    log: true,
  },
  {
    key: 'seed',
    kind: 'number',
    label: 'Seed',
    tip: 'Starting point of the random numbers: the same seed replays exactly the same run.',
    min: 0,
    max: LIMITS.maxSeed,
    step: 1,
    int: true,
    noSlider: true,
  },
  {
    key: 'shaping',
    kind: 'select',
    label: 'Reward shaping',
    tip: 'Extra reward for getting closer to a goal. Potential-based shaping never changes the best policy; naive shaping can be farmed by walking back and forth.',
    options: [
      { value: 'none', label: 'None' },
      { value: 'potential', label: 'Potential-based' },
      { value: 'naive', label: 'Naive (+ when closer)' },
    ],
  },
  {
    key: 'shapingScale',
    kind: 'number',
    label: 'Shaping scale',
    tip: 'Size of the shaping reward per step of distance to the goal.',
    min: 0,
    max: 10,
    step: 0.1,
  },
  {
    key: 'countBonus',
    kind: 'number',
    label: 'Count bonus β',
    tip: 'Exploration bonus β/√N − β for the cell entered (N = its visits so far): nothing for a new cell, less and less for familiar ones, so untried paths look better than worn ones. 0 is off.',
    min: 0,
    max: 2,
    step: 0.01,
  },
];
