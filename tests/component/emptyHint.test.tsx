/** The "Try this" hint agrees with the reward warning: no "reach the green goal" where none can be reached. */
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultAgent, defaultConfig } from '../../src/config/defaults';
import { resetConfigStore } from '../../src/store/configStore';
import { initialTrainingState, useTrainingStore } from '../../src/store/trainingStore';
import { useUiStore } from '../../src/store/uiStore';
import { EmptyHint, HINTS } from '../../src/ui/training/EmptyHint';
import { RewardWarning } from '../../src/ui/training/RewardWarning';
import { StatusLine } from '../../src/ui/training/StatusLine';

function world(grid: string[], more: Partial<ReturnType<typeof defaultConfig>['env']> = {}) {
  const c = defaultConfig();
  c.env = { ...c.env, grid, cellRewards: [], ...more };
  resetConfigStore(c);
  render(
    <>
      <RewardWarning />
      <EmptyHint />
    </>,
  );
}

beforeEach(() => {
  useTrainingStore.setState({ ...initialTrainingState(), status: 'idle' });
  useUiStore.setState({ story: null });
});
afterEach(() => resetConfigStore());

describe('EmptyHint and RewardWarning', () => {
  it('an open world: the hint says to reach the goal, no warning', () => {
    world(['S..', '...', '..G']);
    expect(screen.getByTestId('empty-hint')).toHaveTextContent(HINTS.learning);
    expect(screen.queryByTestId('reward-warning')).toBeNull();
  });

  it('a walled-in goal: both say it cannot be reached, the hint never says "reach the green goal"', () => {
    world(['S.#.', '..#G', '###.']);
    expect(screen.getByTestId('reward-warning')).toHaveTextContent(/no goal is reachable/i);
    expect(screen.getByTestId('empty-hint')).toHaveTextContent(HINTS.unreachable);
    expect(screen.getByTestId('empty-hint')).not.toHaveTextContent(/reach the green goal/);
  });

  it('a goal that pays nothing: the hint says to give it a reward', () => {
    world(['SG'], { rewards: { ...defaultConfig().env.rewards, G: 0 } });
    expect(screen.getByTestId('reward-warning')).toHaveTextContent(/never be rewarded/i);
    expect(screen.getByTestId('empty-hint')).toHaveTextContent(HINTS.unpaid);
  });

  it('no goal at all: the hint says to paint one', () => {
    world(['S..']);
    expect(screen.getByTestId('empty-hint')).toHaveTextContent(HINTS.noGoal);
  });
});

describe('StatusLine for a neural agent', () => {
  it("shows the Backend and Loss tiles with '–' before the run reports them", () => {
    const c = defaultConfig();
    c.agent = defaultAgent('dqn');
    resetConfigStore(c);
    render(<StatusLine />);
    expect(screen.getByTestId('backend')).toHaveTextContent('–');
    expect(screen.getByTestId('loss')).toHaveTextContent('–');
  });
});
