/**
 * The caption lines that quote measured figures, built from the recorded runs (presetResults.ts, written
 * by scripts/record-captions.ts and checked against fresh runs by tests/unit/presetCaptions.test.ts and
 * `npm run bench -- captions`), so a caption never states a number the code no longer gives.
 */
import {
  PRESET_RESULTS,
  type BudgetFigure,
  type BudgetFigures,
  type ComparisonFigure,
} from './presetResults';

const pct = (x: number) => `${Math.round(x * 100)}%`;
/** An episode median (a half between two seeds' episodes shown as about the whole one). */
const ep = (x: number | null) => (x === null ? 'never' : Number.isInteger(x) ? `${x}` : `~${Math.round(x)}`);
const ordinal = (n: number) =>
  `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : 'th'}`;
const min = (xs: number[]) => Math.min(...xs);
const max = (xs: number[]) => Math.max(...xs);

function variant(name: string): ComparisonFigure {
  const v = PRESET_RESULTS['deep-needle'].find((f) => f.name === name);
  if (!v) throw new Error(`presetResults.ts has no deep-needle variant '${name}'`);
  return v;
}

function points(figures: BudgetFigures, name: string): BudgetFigure[] {
  const ps = figures.filter((p) => p.variant === name);
  if (!ps.length) throw new Error(`presetResults.ts has no budget variant '${name}'`);
  return ps;
}

function point(figures: BudgetFigures, name: string, value: number): BudgetFigure {
  const p = points(figures, name).find((f) => f.value === value);
  if (!p) throw new Error(`presetResults.ts has no point '${name}' at ${value}`);
  return p;
}

/** "by episode 7 to 17 (median 12)" for a variant whose every seed got there. */
function foundRange(v: ComparisonFigure): string {
  const seeds = v.never === 0 ? '' : ` on ${v.seeds - v.never} of ${v.seeds} seeds`;
  return `${min(v.first)} to ${max(v.first)} (median ${ep(v.median)})${seeds}`;
}

export function deepNeedleCaption(): string {
  const plain = variant('Plain DQN');
  const shaped = variant('Potential shaping');
  const count = variant('Count bonus');
  const rnd = variant('Curiosity (RND)');
  const rest =
    plain.first.length === 0
      ? 'none ever does'
      : plain.first.length === 1
        ? `the ${ordinal(plain.seeds)} in episode ${plain.first[0]}`
        : `the others in episodes ${plain.first.join(', ')}`;
  const rndSeeds =
    rnd.never === 0 ? 'on every seed too' : `on ${rnd.seeds - rnd.never} of ${rnd.seeds} seeds`;
  return (
    `Once epsilon has decayed, plain DQN follows its own untrained guesses and stops exploring: ${plain.never} of ${plain.seeds} seeds never reach the goal (${rest}). ` +
    `Potential shaping (scale 0.2) finds it by episode ${foundRange(shaped)} and keeps it (${pct(shaped.finalSuccess)} success at the end); ` +
    `a count bonus (beta 0.3) by ${foundRange(count)}; ` +
    `curiosity (RND, beta 0.1) ${rndSeeds}, but later (median ${ep(rnd.median)}, ${min(rnd.first)} to ${max(rnd.first)}): its novelty is learned rather than counted, and it keeps the agent wandering (${pct(rnd.finalSuccess)} success at the end).`
  );
}

export function dynaMazeCaption(): string {
  const f = PRESET_RESULTS['dyna-maze'];
  const at = (n: number) => point(f, 'Dyna-Q', n);
  return (
    `Thinking turns the same experience into a solution far sooner: n = 50 walks the 14-step path (give or take exploration) by episode ${ep(at(50).solvedMedian)}, n = 5 by ${ep(at(5).solvedMedian)}, n = 0 only by ${ep(at(0).solvedMedian)} (medians of ${at(0).seeds} seeds). ` +
    `But episode 1 is the same blind walk for every n, a uniform random walk of ${PRESET_RESULTS['dyna-maze-random-walk']} steps on average: no amount of thinking finds a reward never seen.`
  );
}

export function searchWallCaption(): string {
  const f = PRESET_RESULTS['search-wall'];
  const on = (name: string, sims: number) => {
    const p = point(f, name, sims);
    return `${p.seeds - p.unsolved}/${p.seeds}`;
  };
  return (
    `More thinking pushes the wall back, but only so far: 1,000 simulations a move reach a goal 26 steps away on ${on('Goal 26 away', 1000)} seeds, one 38 away on ${on('Goal 38 away', 1000)}, since a 50-step random rollout almost never stumbles on a goal that far. ` +
    `With shaping every imagined step carries a signal: 100 simulations reach 38 away on ${on('Goal 38 away, shaped', 100)}.`
  );
}

export function biggerOrLongerCaption(): string {
  const f = PRESET_RESULTS['bigger-or-longer'];
  const dqn = points(f, 'DQN, wider');
  const dyna = points(f, 'Dyna-Q, more planning');
  const rollout = points(f, 'MCTS, more simulations');
  const learned = points(f, 'MCTS, learned leaf values');
  const units = dqn.map((p) => p.value);
  const never = dqn.filter((p) => p.unsolved > 0);
  const neverText = never.length
    ? `, ${never.map((p) => `${p.unsolved === 1 ? 'one' : p.unsolved} ${p.value}-unit seed${p.unsolved === 1 ? '' : 's'}`).join(' and ')} never`
    : '';
  const dqnMedians = dqn.map((p) => ep(p.solvedMedian));
  const mcts1 = rollout.every((p) => p.unsolved === 0 && p.solvedMax === 1);
  const ratios = learned.map((p) => point(f, 'MCTS, more simulations', p.value).compute / p.compute);
  const learnedMedians = learned.map((p) => p.solvedMedian ?? Infinity);
  const round = (x: number, unit: number) => Math.round(x / unit);
  return (
    `Here thinking beats size: DQN solved the room (greedy path to the goal) after a median of ${dqnMedians.slice(0, -1).join(', ')} and ${dqnMedians.at(-1)} episodes at ${units.slice(0, -1).join(', ')} and ${units.at(-1)} units${neverText}, ` +
    `for ${round(min(dqn.map((p) => p.compute)), 1e6)} to ${round(max(dqn.map((p) => p.compute)), 1e6)} million multiply-adds a run; ` +
    `Dyna-Q by episode ${min(dyna.map((p) => p.solvedMedian ?? Infinity))} to ${max(dyna.map((p) => p.solvedMedian ?? Infinity))} with ${round(min(dyna.map((p) => p.compute)), 1e3)} to ${round(max(dyna.map((p) => p.compute)), 1e3)} thousand table updates; ` +
    `MCTS ${mcts1 ? 'in episode 1 at every budget' : `by episode ${max(rollout.map((p) => p.solvedMax ?? Infinity))}`} (${round(min(rollout.map((p) => p.compute)), 1e6)} to ${round(max(rollout.map((p) => p.compute)), 1e6)} million simulated steps). ` +
    `Learned leaf values simulate ${Math.round(min(ratios))} to ${Math.round(max(ratios))} times fewer steps than rollouts and still reach the goal in ${pct(min(learned.map((p) => p.success)))}-${pct(max(learned.map((p) => p.success)))} of episodes, ` +
    `but the learned table alone leads there only after ${min(learnedMedians)} to ${max(learnedMedians)} episodes.`
  );
}
