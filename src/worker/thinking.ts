/**
 * The thinking a run's agent does per real move, as the session reports it: the budget (MCTS
 * simulations, Dyna-Q planning steps), the milliseconds a move takes (measured over the steps since the
 * last report), the last search for the grid's overlay, and that search after only its first k
 * simulations (the search stepper's answer; src/rl/agents/searchTrace.ts derives it exactly from the
 * standing tree, so nothing is re-run and the run is never touched).
 */
import { MctsAgent } from '../rl/agents/mcts';
import { searchAfter, type SearchView } from '../rl/agents/searchTrace';
import type { Trainer } from '../rl/trainer';
import type { SearchFrame, Thinking } from './protocol';

/** Searches taking longer than this to read (ms) are read for frames at most ~5% of the time. */
const CHEAP_MS = 1;

export class ThinkingMeter {
  private ms = 0;
  private moves = 0;
  private msPerMove: number | null = null;
  private searchCost = 0;
  private searchAt = -Infinity;
  private lastSearch: SearchFrame | null = null;

  constructor(private readonly trainer: Trainer) {}

  /** `moves` real steps took `ms` (called by the session as it steps). */
  timed(ms: number, moves: number): void {
    this.ms += ms;
    this.moves += moves;
  }

  /** The thinking per move (null for agents that do not think between moves). */
  thinking(): Thinking | null {
    const a = this.trainer.config.agent;
    const perMove = a.type === 'mcts' ? a.simulations : a.type === 'dyna-q' ? a.planningSteps : null;
    if (perMove === null) return null;
    if (this.moves > 0) {
      this.msPerMove = this.ms / this.moves;
      this.ms = 0;
      this.moves = 0;
    }
    return {
      unit: a.type === 'mcts' ? 'simulations' : 'planning steps',
      perMove,
      msPerMove: this.msPerMove,
    };
  }

  /** The last search for a frame (fresh arrays); a costly one is re-read at most ~5% of the time. */
  searchFrame(now: number): SearchFrame | null {
    const agent = this.trainer.agent;
    if (!(agent instanceof MctsAgent)) return null;
    if (this.searchCost > CHEAP_MS && now - this.searchAt < this.searchCost * 20 && this.lastSearch)
      return copy(this.lastSearch);
    const t0 = performance.now();
    const v = this.view(Infinity);
    this.searchCost = performance.now() - t0;
    this.searchAt = now;
    this.lastSearch = v ? { visits: v.visits, line: v.line, simulations: v.total } : null;
    return this.lastSearch && copy(this.lastSearch);
  }

  /** The last search after its first k simulations (null: no search standing). */
  view(k: number): SearchView | null {
    const agent = this.trainer.agent;
    const tree = agent instanceof MctsAgent ? agent.searchTree() : null;
    return tree ? searchAfter(tree, k, this.trainer.grid.nStates) : null;
  }
}

function copy(s: SearchFrame): SearchFrame {
  return { visits: s.visits.slice(), line: s.line.slice(), simulations: s.simulations };
}
