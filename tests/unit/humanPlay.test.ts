import { describe, expect, it } from 'vitest';
import { parseDemo } from '../../src/config/demonstrations';
import { PlaySession, playSeed, replay } from '../../src/rl/humanPlay';
import { Trainer } from '../../src/rl/trainer';
import { makeConfig } from './helpers';

const [UP, RIGHT, DOWN, LEFT] = [0, 1, 2, 3];
const FIVE = ['S....', '.....', '.....', '.....', '....G'];

describe('PlaySession: a person plays by the agent rules', () => {
  it('walks a 5x5 world to the goal in 8 moves, paying the step reward and the goal', () => {
    const c = makeConfig({ grid: FIVE, env: { stepReward: -1, rewards: { G: 10 } } });
    const p = new PlaySession(c);
    for (const a of [RIGHT, RIGHT, RIGHT, RIGHT, DOWN, DOWN, DOWN]) expect(p.move(a)!.done).toBe(false);
    const last = p.move(DOWN)!;
    expect(last).toMatchObject({ cell: 24, done: true, terminated: true, success: true, steps: 8 });
    expect(p.return).toBe(-7 + 10);
    expect(p.moves()).toBe('RRRRDDDD');
    expect(p.move(UP)).toBeNull(); // over: no more moves
    p.restart();
    expect(p.cell).toBe(0);
    expect(p.steps).toBe(0);
  });

  it('stays in place against walls and edges, goes back to the start from a cliff, ends in a pit', () => {
    const c = makeConfig({ grid: ['S#G', '.C.', '.X.'], env: { stepReward: -1, rewards: { C: -5, X: -9 } } });
    const p = new PlaySession(c);
    expect(p.move(RIGHT)!.cell).toBe(0); // wall
    expect(p.move(UP)!.cell).toBe(0); // edge
    expect(p.move(DOWN)!.cell).toBe(3);
    const cliff = p.move(RIGHT)!;
    expect(cliff).toMatchObject({ cell: 0, reward: -5, done: false });
    p.move(DOWN);
    p.move(DOWN);
    const pit = p.move(RIGHT)!;
    expect(pit).toMatchObject({ done: true, success: false, reward: -9 });
  });

  it('ends at the step limit (truncated)', () => {
    const c = makeConfig({ grid: FIVE, env: { maxSteps: 3 } });
    const p = new PlaySession(c);
    p.move(LEFT);
    p.move(LEFT);
    const m = p.move(LEFT)!;
    expect(m).toMatchObject({ done: true, truncated: true, terminated: false, success: false, steps: 3 });
  });

  it('slips from a stream of its own: the same seed gives the same slips, and the agent run is unchanged', () => {
    const c = makeConfig({ grid: FIVE, env: { slip: 0.5, maxSteps: 200 }, train: { seed: 7 } });
    const play = (cfg = c) => {
      const p = new PlaySession(cfg);
      const went: number[] = [];
      for (let i = 0; i < 40 && !p.done; i++) went.push(p.move(i % 2 ? RIGHT : DOWN)!.went);
      return { went, moves: p.moves() };
    };
    const a = play();
    expect(play()).toEqual(a);
    expect(a.went.some((d, i) => d !== (i % 2 ? RIGHT : DOWN))).toBe(true); // some moves slipped
    // slips go sideways and are written as small letters
    const parsed = parseDemo(a.moves);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.moves.went).toEqual(a.went);
    expect(playSeed(7)).not.toBe(playSeed(8));
    // The trainer's run does not depend on whether someone played.
    const run = () => {
      const t = new Trainer(c);
      for (let i = 0; i < 5; i++) t.runEpisode();
      return [t.totalSteps, t.env.rng.getState()];
    };
    const before = run();
    play();
    expect(run()).toEqual(before);
  });

  it('replays a move string to the same return and steps, and refuses moves after the end', () => {
    const c = makeConfig({ grid: FIVE, env: { slip: 0.3, stepReward: -1, rewards: { G: 10 } } });
    const p = new PlaySession(c);
    for (let i = 0; i < 100 && !p.done; i++) p.move(i % 2 ? RIGHT : DOWN);
    const r = replay(p.grid, p.moves());
    expect(r).toEqual({ ok: true, done: p.done, return: p.return, steps: p.steps, success: p.success });
    const bad = replay(p.grid, 'RRRRDDDDR');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/move 9 comes after the episode ended/);
    expect(replay(p.grid, 'RxD').ok).toBe(false);
  });
});
