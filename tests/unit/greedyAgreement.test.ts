// @vitest-environment node
/**
 * The overlay's verdict and the "solved" test are one walk (src/rl/greedy.ts): on every frame of a run
 * (each step's progress frame and every recorded moment) the greedy path the UI draws from the frame is
 * the trainer's own greedy walk of the agent at that moment, for tabular agents (plain and optimistic),
 * a planner, MCTS with both leaf values and a small DQN; and the timeline's 'solved' mark sits on the
 * first recorded moment whose path reaches the goal.
 */
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema';
import type { PlanOp } from '../../src/worker/protocol';
import { createTrainer, type Trainer } from '../../src/rl/trainer';
import { agentGreedyPath, describeGreedyPath } from '../../src/ui/grid/greedyPath';
import { TrainingSession } from '../../src/worker/trainingSession';
import { makeConfig } from './helpers';

const ROOM = ['S...', '.#..', '...G'];
/** A frozen clock: no check or snapshot is skipped for time (they would be on a slow machine). */
const frozen = () => 0;

interface Seen {
  frames: number;
  outcomes: Set<string>;
  solvedAt: number;
}

/** Compares the frame's path with the trainer's walk now, on a progress frame (fresh tables) and on the
 *  newest recorded moment when it was taken now. */
function compareNow(s: TrainingSession, t: Trainer, clock: { now: number }, seen: Seen): void {
  const live = t.greedyWalk();
  expect(live.success).toBe(t.greedyEpisode().success);
  const frame = s.progress((clock.now += 1e9)).frame;
  expect(agentGreedyPath({ grid: t.grid, frame })).toEqual(live);
  seen.frames++;
  seen.outcomes.add(live.outcome);
  const ms = s.history.moments();
  const last = ms.length - 1;
  if (ms[last].steps === t.totalSteps && ms[last].plans === (t.agent.planner ? plans(t) : 0)) {
    expect(agentGreedyPath({ grid: t.grid, frame: s.history.frame(last) })).toEqual(live);
    seen.frames++;
  }
}

const plans = (t: Trainer) => t.agent.planner!.sweeps + t.agent.planner!.improvements;

/** Every recorded moment before the 'solved' one walks short of the goal, the solved one reaches it. */
function checkMarks(s: TrainingSession, t: Trainer, seen: Seen): void {
  const ms = s.history.moments();
  const solved = ms.findIndex((m) => m.marks.includes('solved'));
  seen.solvedAt = solved;
  for (let i = 0; i < ms.length; i++) {
    const path = agentGreedyPath({ grid: t.grid, frame: s.history.frame(i) });
    if (solved < 0 || i < solved)
      expect(path.success, `moment ${i}: ${describeGreedyPath(path)}`).toBe(false);
    if (i === solved) expect(path.outcome).toBe('goal');
  }
}

/** Trains step by step (at most `episodes`, all inside the schedule's every-episode checks). */
async function learner(config: Config, episodes: number): Promise<Seen> {
  const t = await createTrainer(config);
  const seen: Seen = { frames: 0, outcomes: new Set(), solvedAt: -1 };
  try {
    const s = new TrainingSession(t);
    s.target = episodes;
    s.play();
    const clock = { now: 0 };
    while (s.running) {
      s.run(1, Infinity, frozen);
      compareNow(s, t, clock, seen);
    }
    checkMarks(s, t, seen);
  } finally {
    t.agent.dispose();
  }
  return seen;
}

describe('the overlay and the "solved" mark agree on every frame', () => {
  it('Q-learning', async () => {
    const seen = await learner(
      makeConfig({
        grid: ROOM,
        env: { stepReward: -0.01, maxSteps: 40 },
        agent: { type: 'q-learning', alpha: 0.5, epsilon: 0.2 },
        train: { seed: 3 },
      }),
      40,
    );
    expect(seen.outcomes.has('goal')).toBe(true);
    expect(seen.solvedAt).toBeGreaterThan(0);
    expect(seen.frames).toBeGreaterThan(200);
  });

  it('optimistic SARSA, whose values hold up loops for a while', async () => {
    const seen = await learner(
      makeConfig({
        grid: ROOM,
        env: { stepReward: -0.01, maxSteps: 40 },
        agent: { type: 'sarsa', alpha: 0.3, epsilon: 0.1, qInit: 1 },
        train: { seed: 5 },
      }),
      40,
    );
    expect(seen.outcomes.has('loop')).toBe(true);
    expect(seen.frames).toBeGreaterThan(200);
  });

  it('value iteration, sweep by sweep and improvement by improvement', async () => {
    const t = await createTrainer(
      makeConfig({ grid: ROOM, env: { stepReward: 0 }, agent: { type: 'value-iteration' } }),
    );
    const s = new TrainingSession(t);
    const seen: Seen = { frames: 0, outcomes: new Set(), solvedAt: -1 };
    const clock = { now: 0 };
    const ops: PlanOp[] = [
      'sweep',
      'improve',
      'sweep',
      'sweep',
      'improve',
      'sweep',
      'sweep',
      'sweep',
      'improve',
      'solve',
    ];
    for (const op of ops) {
      s.plan(op);
      compareNow(s, t, clock, seen);
    }
    checkMarks(s, t, seen);
    expect(seen.outcomes.has('none')).toBe(true);
    expect(seen.outcomes.has('goal')).toBe(true);
    expect(seen.solvedAt).toBeGreaterThan(1);
  });

  for (const leafValue of ['rollout', 'learned'] as const) {
    it(`MCTS with ${leafValue} leaf values`, async () => {
      const seen = await learner(
        makeConfig({
          grid: ROOM,
          env: { stepReward: -0.01, maxSteps: 30 },
          agent: { type: 'mcts', simulations: 30, rolloutDepth: 10, leafValue, alpha: 0.5 },
          train: { seed: 2 },
        }),
        6,
      );
      expect(seen.frames).toBeGreaterThan(20);
      expect(seen.outcomes.size).toBeGreaterThan(1);
    });
  }

  it('a small DQN', async () => {
    const seen = await learner(
      makeConfig({
        grid: ['S..', '...', '..G'],
        env: { stepReward: 0, maxSteps: 20, gamma: 0.9 },
        agent: { type: 'dqn', hidden: [8], learningStarts: 10, batchSize: 8, epsilonDecaySteps: 100 },
        train: { seed: 1 },
      }),
      25,
    );
    expect(seen.frames).toBeGreaterThan(20);
  }, 60_000);
});
