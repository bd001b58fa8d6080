import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetConfigStore, useConfigStore } from '../../src/store/configStore';
import { play, usePlayStore } from '../../src/store/playStore';
import { initialTrainingState, useTrainingStore } from '../../src/store/trainingStore';
import { PlayControls } from '../../src/ui/play/PlayControls';
import { PlayStatus } from '../../src/ui/play/PlayStatus';
import { makeConfig } from '../unit/helpers';

const world = makeConfig({
  grid: ['S....', '.....', '.....', '.....', '....G'],
  env: { stepReward: -1, rewards: { G: 10 } },
});

beforeEach(() => {
  resetConfigStore(world);
  useTrainingStore.setState({ ...initialTrainingState(), status: 'idle' });
});
afterEach(() => {
  cleanup();
  act(() => play.set(false));
});

describe('Play it yourself', () => {
  it('the toggle is a pressed button, and the arrow keys and WASD move you', () => {
    render(
      <>
        <PlayControls />
        <PlayStatus />
      </>,
    );
    const toggle = screen.getByRole('button', { name: 'Play it yourself' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('play-best')).toHaveTextContent('You: no episode yet');
    for (const key of ['ArrowRight', 'd', 'ArrowRight', 'd']) fireEvent.keyDown(window, { key });
    expect(usePlayStore.getState().cell).toBe(4);
    for (const key of ['s', 'ArrowDown', 's']) fireEvent.keyDown(window, { key });
    // the touch pad: one more move down reaches the goal
    fireEvent.click(screen.getByRole('button', { name: 'Move down' }));
    expect(useConfigStore.getState().config.demonstrations).toEqual(['RRRRDDDD']);
    expect(screen.getByTestId('play-best')).toHaveTextContent('You: best return 3 in 8 steps');
    expect(screen.getByRole('button', { name: 'Forget my demonstrations' })).toBeInTheDocument();
  });

  it('says when the agent passed you, and Forget clears the demonstrations', () => {
    act(() => {
      useConfigStore.getState().edit((d) => {
        d.demonstrations = ['DDDDRRRR', 'URRRRDDDD'];
      });
      useTrainingStore.setState({ passedAt: 42 });
    });
    render(
      <>
        <PlayControls />
        <PlayStatus />
      </>,
    );
    expect(screen.getByTestId('play-best')).toHaveTextContent('You: best return 3 in 8 steps');
    expect(screen.getByTestId('play-passed')).toHaveTextContent('The agent passed you at episode 42');
    fireEvent.click(screen.getByRole('button', { name: 'Forget my demonstrations' }));
    expect(useConfigStore.getState().config.demonstrations).toEqual([]);
    expect(screen.queryByTestId('play-status')).toBeNull();
  });

  it('keys do not move you while play is off', () => {
    render(<PlayControls />);
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(usePlayStore.getState().cell).toBeNull();
  });
});
