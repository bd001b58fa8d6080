/**
 * Turns parseConfig's path-pointing messages into sentences for the page: grid rules get plain-words
 * explanations, field messages get the field's label instead of its path.
 */

const GRID_RULES: [RegExp, string][] = [
  [/needs exactly one start S, found 0/, 'The world needs a start (S): drag the start to move it instead.'],
  [/needs exactly one start S, found (\d+)/, 'The world has exactly one start: painting a start moves it.'],
  [/needs at least one open cell/, 'The world needs at least one open cell besides the start.'],
  [/a reward override applies only to/, 'Only goal, pit, cliff and bonus cells can have their own reward.'],
];

const LABELS: Record<string, string> = {
  'env.stepReward': 'Step reward',
  'env.slip': 'Slip',
  'env.maxSteps': 'Max steps',
  'env.gamma': 'Discount',
  'env.rewards.G': 'Goal reward',
  'env.rewards.X': 'Pit reward',
  'env.rewards.C': 'Cliff reward',
  'env.rewards.$': 'Bonus reward',
  'train.episodes': 'Episodes',
  'train.seed': 'Seed',
  'train.shaping': 'Shaping',
  'train.shapingScale': 'Shaping scale',
  'train.countBonus': 'Count bonus',
};

/** `labels` maps config paths (e.g. "agent.alpha") to field labels; it extends the built-in ones. */
export function friendlyErrors(errors: string[], labels: Record<string, string> = {}): string {
  const out: string[] = [];
  for (const e of errors) {
    const rule = GRID_RULES.find(([re]) => re.test(e));
    if (rule) {
      if (!out.includes(rule[1])) out.push(rule[1]);
      continue;
    }
    const colon = e.indexOf(': ');
    const path = colon > 0 ? e.slice(0, colon) : '';
    const label = labels[path] ?? LABELS[path];
    const text = label ? `${label}: ${e.slice(colon + 2)}` : e;
    if (!out.includes(text)) out.push(text);
    if (out.length >= 3) break;
  }
  return out.join(' ') || 'That change would make the settings invalid.';
}
