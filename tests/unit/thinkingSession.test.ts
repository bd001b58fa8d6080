import { describe, expect, it } from 'vitest';
import { defaultAgent, defaultConfig } from '../../src/config/defaults';
import type { AgentConfig } from '../../src/config/schema';
import { MctsAgent } from '../../src/rl/agents/mcts';
import { searchAfter } from '../../src/rl/agents/searchTrace';
import { Trainer } from '../../src/rl/trainer';
import { progressTransfer } from '../../src/worker/protocol';
import { TrainingSession } from '../../src/worker/trainingSession';

function session(agent: AgentConfig): TrainingSession {
  const config = defaultConfig();
  config.agent = agent;
  return new TrainingSession(new Trainer(config));
}

const mcts = (simulations: number): AgentConfig => ({ ...defaultAgent('mcts'), simulations }) as AgentConfig;

describe('the session reports thinking and the last search', () => {
  it('MCTS: simulations per move, ms per move once it moved, and the search in the frame', () => {
    const s = session(mcts(60));
    const before = s.progress(0);
    expect(before.thinking).toEqual({ unit: 'simulations', perMove: 60, msPerMove: null });
    expect(before.frame.search ?? null).toBeNull();
    s.stepOnce();
    s.stepOnce();
    const p = s.progress(1);
    expect(p.thinking?.msPerMove).toBeGreaterThan(0);
    const search = p.frame.search!;
    expect(search.simulations).toBe(60);
    expect(search.visits.length).toBe(s.trainer.grid.nStates);
    expect(search.visits.reduce((a, b) => a + b, 0)).toBeGreaterThan(60);
    // The line starts where the agent stands: its next decision's search.
    expect(search.line[0]).toBe(s.trainer.state);
    // Fresh buffers, transferred with the frame.
    const transfer = progressTransfer(p);
    expect(transfer).toContain(search.visits.buffer);
    expect(transfer).toContain(search.line.buffer);
  });

  it('search-step: the current decision after k simulations, leaving the run as it is', () => {
    const s = session(mcts(40));
    s.stepOnce();
    const agent = s.trainer.agent as MctsAgent;
    const steps = s.trainer.totalSteps;
    const simulated = agent.simulatedSteps;
    const v5 = s.thinking.view(5)!;
    expect(v5.k).toBe(5);
    expect(v5.total).toBe(40);
    expect(v5.rootVisits.reduce((a, b) => a + b, 0)).toBe(agent.reusedVisits + 5);
    expect(s.thinking.view(1000)!.k).toBe(40);
    // Asking twice gives the same answer, and nothing moved or simulated meanwhile.
    expect(Array.from(s.thinking.view(5)!.visits)).toEqual(Array.from(v5.visits));
    expect(s.trainer.totalSteps).toBe(steps);
    expect(agent.simulatedSteps).toBe(simulated);
    expect(Array.from(s.thinking.view(40)!.visits)).toEqual(
      Array.from(searchAfter(agent.searchTree()!, 40, s.trainer.grid.nStates).visits),
    );
  });

  it('Dyna-Q: planning steps per move, no search; Q-learning: no thinking at all', () => {
    const dyna = session({ ...defaultAgent('dyna-q'), planningSteps: 25 } as AgentConfig);
    dyna.runEpisode();
    const p = dyna.progress(0);
    expect(p.thinking?.unit).toBe('planning steps');
    expect(p.thinking?.perMove).toBe(25);
    expect(p.thinking?.msPerMove).toBeGreaterThanOrEqual(0);
    expect(p.frame.search ?? null).toBeNull();
    expect(dyna.thinking.view(3)).toBeNull();
    const q = session(defaultAgent('q-learning'));
    q.stepOnce();
    expect(q.progress(0).thinking ?? null).toBeNull();
  });
});
