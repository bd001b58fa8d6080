/**
 * The presets the lab offers: the built-in ones plus "your playground world", which compares the
 * usual fixes on whatever world is open in the playground.
 */
import { PRESETS, type Preset } from '../config/presets';
import type { VariantSpec } from '../config/experiment';
import { isNeuralType } from '../config/neuralTypes';
import { useConfigStore } from './configStore';

export const PLAYGROUND_ID = 'playground';

const FIXES: VariantSpec[] = [
  { name: 'As configured' },
  { name: 'Potential shaping', train: { shaping: 'potential' } },
  { name: 'Count bonus', train: { countBonus: 0.1 } },
  { name: 'Optimistic init', agent: { type: 'q-learning', qInit: 1 } },
];

/** A neural agent keeps its network: curiosity (RND) instead of a Q-table's optimistic start. */
const NEURAL_FIXES: VariantSpec[] = [
  ...FIXES.slice(0, 3),
  { name: 'Curiosity (RND)', agent: { curiosity: 0.1 } },
];

export function playgroundPreset(): Preset {
  const config = useConfigStore.getState().config;
  return {
    id: PLAYGROUND_ID,
    title: 'Your playground world',
    caption: [
      'The world, agent and settings open in the playground, against the usual fixes.',
      'Does your world need a fix? Compare the curves and the first-success column.',
    ],
    config,
    variants: isNeuralType(config.agent.type) ? NEURAL_FIXES : FIXES,
  };
}

export function labPresets(): Preset[] {
  return [...PRESETS, playgroundPreset()];
}

export function findLabPreset(id: string): Preset {
  if (id === PLAYGROUND_ID) return playgroundPreset();
  return PRESETS.find((p) => p.id === id) ?? PRESETS[0];
}
