/** The paint tools: label, tooltip and the keyboard digit that picks each. */
import type { Tool } from '../../store/uiStore';

export interface ToolInfo {
  tool: Tool;
  label: string;
  tip: string;
  digit: string;
}

export const TOOLS: ToolInfo[] = [
  { tool: 'wall', label: 'Wall', digit: '1', tip: 'Wall: blocks movement; bumping into it wastes a step.' },
  { tool: 'goal', label: 'Goal', digit: '2', tip: 'Goal: pays the goal reward and ends the episode.' },
  {
    tool: 'pit',
    label: 'Pit',
    digit: '3',
    tip: 'Pit: pays the pit reward (a penalty) and ends the episode.',
  },
  {
    tool: 'cliff',
    label: 'Cliff',
    digit: '4',
    tip: 'Cliff: pays the cliff reward (a big penalty) and sends the agent back to the start.',
  },
  {
    tool: 'bonus',
    label: 'Bonus',
    digit: '5',
    tip: 'Bonus: pays the bonus reward every time the agent steps on it.',
  },
  {
    tool: 'start',
    label: 'Start',
    digit: '6',
    tip: 'Start: where every episode begins. There is exactly one; you can also drag it.',
  },
  { tool: 'eraser', label: 'Eraser', digit: '7', tip: 'Eraser: makes cells empty again.' },
  {
    tool: 'inspect',
    label: 'Inspect',
    digit: '8',
    tip: 'Inspect: select a cell without painting, to see its values or give it its own reward.',
  },
];
