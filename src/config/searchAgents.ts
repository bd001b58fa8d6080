/**
 * Config schemas of the search agents (kept apart from the learners; merged into the agent union in
 * schema.ts). Every field carries its form label and tooltip in `.meta()` (schema.ts says what the
 * metadata holds), and the agent type its name, picker group and tooltip.
 */
import { z } from './zod';
import { numberIn } from './limits';

const num = (lo: number, hi: number) => z.number(numberIn(lo, hi)).finite().min(lo).max(hi);
const int = (lo: number, hi: number) => z.number(numberIn(lo, hi)).int().min(lo).max(hi);

export const LEAF_VALUES = ['rollout', 'learned'] as const;
export type LeafValue = (typeof LEAF_VALUES)[number];

export const mctsSchema = z
  .strictObject({
    type: z.literal('mcts'),
    simulations: int(1, 100_000)
      .default(200)
      .meta({
        label: 'Simulations per move',
        tooltip:
          'Imagined episodes the agent plays out in its head before each real move. More simulations think further ahead but take longer.',
        slider: { max: 10_000, log: true },
      }),
    rolloutDepth: int(0, 1000)
      .default(50)
      .meta({
        label: 'Rollout depth',
        tooltip:
          'Random moves played from a new node of the tree to guess how good it is (leaf value: rollout). 0 values new nodes at 0.',
        slider: { max: 200 },
      }),
    exploration: num(0, 100)
      .default(1.4)
      .meta({
        label: 'Exploration c',
        tooltip:
          'The UCB constant: how much the search favours moves it has tried less over moves that look best so far. 0 never explores.',
        slider: { max: 10, step: 0.1 },
      }),
    leafValue: z
      .enum(LEAF_VALUES)
      .default('rollout')
      .meta({
        label: 'Leaf value',
        tooltip:
          'How the search values a new node: a random rollout, or a value table the agent learns by TD(0) from its real steps (search guided by learning).',
        options: { rollout: 'Random rollout', learned: 'Learned values (TD(0))' },
      }),
    alpha: num(0, 1).default(0.1).meta({
      label: 'Learning rate α',
      tooltip: 'Step size of the TD(0) value table used at the leaves when the leaf value is learned.',
    }),
    reuseTree: z.boolean().default(true).meta({
      label: 'Reuse the tree',
      tooltip:
        'Keep the part of the search tree below the real move and next cell, so the next search starts with what this one found.',
    }),
  })
  .meta({
    label: 'Tree search (MCTS)',
    group: 'Search',
    tooltip:
      'Knows the rules and thinks before every move: plays out many imagined futures (UCT search) and takes the move that worked out best.',
  });

export type MctsConfig = z.output<typeof mctsSchema>;
