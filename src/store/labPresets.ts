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

/** The four ways of learning from a teacher, as the teacher preset compares them (its first four). */
const TEACHER_VARIANTS: VariantSpec[] = (PRESETS.find((p) => p.id === 'teacher')?.variants ?? [])
  .slice(0, 4)
  // The world's reward unless a variant says otherwise (a playground on live grades has no grader here).
  .map((v) => ({ ...v, train: { rewardSource: 'world', ...v.train } }));

export function playgroundPreset(): Preset {
  const config = useConfigStore.getState().config;
  // With your demonstrations, and an agent that can replay them: the teacher's comparison on your world.
  if (config.demonstrations.length > 0 && 'demoReplay' in config.agent && TEACHER_VARIANTS.length === 4)
    return {
      id: PLAYGROUND_ID,
      title: 'Your playground world',
      caption: [
        `The world open in the playground, with the ${config.demonstrations.length} demonstration${config.demonstrations.length === 1 ? '' : 's'} you played in it as the teacher.`,
        "World reward only, the teacher's grade, imitation, and your demonstrations then the world's reward: which ends on a shorter path than yours? Compare the path length at the end.",
      ],
      config,
      variants: TEACHER_VARIANTS,
    };
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
