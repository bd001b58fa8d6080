import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/defaults';
import type { Config } from '../../src/config/schema';
import { startReach } from '../../src/rl/distances';
import { compileGrid } from '../../src/rl/grid';
import { resetConfigStore, useConfigStore } from '../../src/store/configStore';
import { useTrainingStore } from '../../src/store/trainingStore';
import { Controls } from '../../src/ui/training/Controls';

type Env = Config['env'];
const env = (grid: string[], more: Partial<Env> = {}): Env => ({ ...defaultConfig().env, grid, ...more });
const rewards = (r: Partial<Env['rewards']>) => ({ ...defaultConfig().env.rewards, ...r });
const reach = (grid: string[], more: Partial<Env> = {}) => startReach(compileGrid(env(grid, more)));

describe('startReach', () => {
  it('finds an open goal, and a goal walled in, behind a pit or behind a cliff is not reachable', () => {
    expect(reach(['S..', '...', '..G'])).toEqual({ goal: true, rewarded: true });
    expect(reach(['S.#.', '..#G', '###.'])).toEqual({ goal: false, rewarded: false });
    expect(reach(['SXG'])).toEqual({ goal: false, rewarded: false });
    expect(reach(['SCG'])).toEqual({ goal: false, rewarded: false });
    expect(reach(['S...'])).toEqual({ goal: false, rewarded: false });
  });

  it('counts any move that pays more than a step: a bonus, a pit or a cliff paying more', () => {
    expect(reach(['S.$#G'])).toEqual({ goal: false, rewarded: true });
    expect(reach(['S.X', '###', '..G'], { rewards: rewards({ X: 2 }) })).toEqual({
      goal: false,
      rewarded: true,
    });
    expect(reach(['SG'], { rewards: rewards({ G: 0 }) })).toEqual({ goal: true, rewarded: false });
    expect(reach(['SG'], { cellRewards: [{ x: 1, y: 0, reward: -5 }] })).toEqual({
      goal: true,
      rewarded: false,
    });
    // Sutton & Barto's gridworld: every step costs 1, the goal pays 0, so reaching it is the reward.
    expect(reach(['S..', '..G'], { stepReward: -1, rewards: rewards({ G: 0 }) })).toEqual({
      goal: true,
      rewarded: true,
    });
  });

  it('does not walk through a goal: a bonus only behind the goal pays nothing', () => {
    expect(reach(['SG$'], { rewards: rewards({ G: 0 }) })).toEqual({ goal: true, rewarded: false });
    expect(reach(['S.G', '###', '$..'], { rewards: rewards({ G: 0 }) }).rewarded).toBe(false);
  });
});

const setGrid = (grid: string[], more: Partial<Env> = {}) =>
  act(() => {
    const c = useConfigStore.getState().config;
    const r = useConfigStore.getState().setConfig({ ...c, env: { ...c.env, grid, ...more } });
    expect(r.ok).toBe(true);
  });
const warning = () => screen.queryByTestId('reward-warning');

describe('reward warning', () => {
  beforeEach(() => {
    resetConfigStore();
    useTrainingStore.setState({ status: 'idle' });
    render(<Controls />);
  });

  it('says nothing on a world with a reachable goal', () => {
    expect(warning()).toBeNull();
  });

  it('warns when the goal is walled in or missing, and goes when the goal is reachable again', () => {
    setGrid(['S.#.', '..#G', '###.']);
    expect(warning()).toHaveTextContent(
      'The agent can never be rewarded here: no goal is reachable from the start',
    );
    setGrid(['S...', '....']);
    expect(warning()).toHaveTextContent('no goal is reachable from the start');
    setGrid(['S..G', '....']);
    expect(warning()).toBeNull();
  });

  it('warns when the goal pays nothing and nothing else reachable does', () => {
    setGrid(['S..G'], { rewards: rewards({ G: 0, $: 0 }) });
    expect(warning()).toHaveTextContent(
      'The agent can never be rewarded here: no cell it can reach pays more than a plain step',
    );
  });

  it('says the agent can never succeed when only a bonus is reachable', () => {
    setGrid(['S.$#G']);
    expect(warning()).toHaveTextContent('No goal is reachable from the start');
    expect(warning()).not.toHaveTextContent('never be rewarded');
  });

  it('shows before training only, inside the controls area (it floats there, the grid stays put)', () => {
    setGrid(['S#G']);
    expect(warning()?.parentElement).toHaveClass('controls-area');
    act(() => useTrainingStore.setState({ status: 'running' }));
    expect(warning()).toBeNull();
    act(() => useTrainingStore.setState({ status: 'paused' }));
    expect(warning()).toBeNull();
    act(() => useTrainingStore.setState({ status: 'idle' }));
    expect(warning()).not.toBeNull();
  });
});
