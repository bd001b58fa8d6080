import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { initialTrainingState, useTrainingStore } from '../../src/store/trainingStore';
import { StatusLine } from '../../src/ui/training/StatusLine';

afterEach(() => useTrainingStore.setState(initialTrainingState()));

describe('StatusLine', () => {
  it('shows no backend or loss for a tabular agent', () => {
    useTrainingStore.setState({
      info: { agentType: 'q-learning', isPlanner: false, nStates: 9, backend: null },
    });
    render(<StatusLine />);
    expect(screen.queryByTestId('backend')).toBeNull();
    expect(screen.queryByTestId('loss')).toBeNull();
  });

  it("shows a neural agent's backend and last loss", () => {
    useTrainingStore.setState({
      info: { agentType: 'dqn', isPlanner: false, nStates: 9, backend: 'wasm' },
      loss: 0.012345,
    });
    render(<StatusLine />);
    expect(screen.getByTestId('backend')).toHaveTextContent('wasm');
    expect(screen.getByTestId('loss')).toHaveTextContent('0.0123');
  });
});
