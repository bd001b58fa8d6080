/**
 * What each tile of the status line means, written once: the status line shows these in its
 * toggletips, and nothing else restates them.
 */
import { SUCCESS_WINDOW } from '../../rl/metrics';

export type StatKey =
  | 'episode'
  | 'steps'
  | 'speed'
  | 'epsilon'
  | 'success'
  | 'first'
  | 'backend'
  | 'loss'
  | 'previous';

export const STAT_HELP: Record<StatKey, string> = {
  episode:
    'Episodes finished out of the episodes to train. An episode is one attempt from the start until a goal, a pit or the step limit.',
  steps: 'Moves the agent has made in the world in total, over all episodes.',
  speed: 'How many moves per second the training is making right now (it depends on the speed setting and the computer).',
  epsilon:
    'Epsilon: the chance that the next move is picked at random instead of the best one the agent knows. Random moves find new paths; an agent that decays epsilon explores less as it learns.',
  success: `Success: the share of the last ${SUCCESS_WINDOW} episodes that reached a goal.`,
  first:
    'First reward: the episode in which the agent reached a goal for the first time. Until then every value is still 0 and it has nothing to learn from.',
  backend:
    'Backend: where TensorFlow.js does the network’s arithmetic in this browser: wasm (the processor, compiled code), webgl (the graphics card) or cpu (plain JavaScript). Choose it in the Agent panel.',
  loss: 'Loss: how far the network’s predictions were from its targets on the last update. It falls as predictions settle, and jumps when the agent finds something new (a goal).',
  previous:
    'The run before the last setting change: what it reached, so the new run can be compared with it. Its curves are drawn faded on the charts.',
};

/** The first-reward tile while no episode has reached a goal ("not yet"). */
export const NO_SIGNAL_TIP =
  'The agent has never reached a goal, so every value is still 0 and it has nothing to learn from';
