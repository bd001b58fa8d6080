/** Form metadata of the environment settings (config.env) shown beside the grid. */
import type { ParamSpec } from '../common/paramSpec';

export const ENV_PARAMS: ParamSpec[] = [
  {
    key: 'stepReward',
    kind: 'number',
    label: 'Step reward',
    tip: 'Reward for every move onto an empty cell (or into a wall). A small negative value, like -0.01, makes the agent hurry.',
    min: -1,
    max: 1,
    step: 0.01,
  },
  {
    key: 'slip',
    kind: 'number',
    label: 'Slip',
    tip: 'Chance that a move goes sideways instead (half to each side): a slippery floor. 0 is fully predictable.',
    min: 0,
    max: 1,
    step: 0.01,
  },
  {
    key: 'maxSteps',
    kind: 'number',
    label: 'Max steps',
    tip: 'An episode that has not ended after this many steps is cut off and starts again.',
    min: 10,
    max: 10_000,
    step: 1,
    int: true,
    log: true,
  },
  {
    key: 'gamma',
    kind: 'number',
    label: 'Discount γ',
    tip: 'How much a reward one step later is worth now. Near 1 the agent plans far ahead; near 0 it only cares about the next reward.',
    min: 0,
    max: 1,
    step: 0.001,
  },
];

/** Per-type rewards (config.env.rewards), keyed by cell char. */
export const REWARD_PARAMS: ParamSpec[] = [
  {
    key: 'G',
    kind: 'number',
    label: 'Goal reward',
    tip: 'Paid for reaching a goal; the episode ends.',
    min: -10,
    max: 10,
    step: 0.1,
  },
  {
    key: 'X',
    kind: 'number',
    label: 'Pit reward',
    tip: 'Paid for falling into a pit; the episode ends.',
    min: -10,
    max: 10,
    step: 0.1,
  },
  {
    key: 'C',
    kind: 'number',
    label: 'Cliff reward',
    tip: 'Paid for stepping onto a cliff; the agent is sent back to the start and the episode goes on.',
    min: -200,
    max: 10,
    step: 1,
  },
  {
    key: '$',
    kind: 'number',
    label: 'Bonus reward',
    tip: 'Paid every time the agent steps onto a bonus cell (it stays there, so it can be farmed).',
    min: -10,
    max: 10,
    step: 0.1,
  },
];
