/**
 * What a thinking budget buys and where it stops, per knob (planning steps, simulations, width), and
 * the sparse wall none of them climbs. Shown in the Lab's budget panel and behind the playground's "?"
 * next to the budget control.
 */
import './thinking.css';

export function ThinkingNotes(props: { compact?: boolean }) {
  return (
    <div
      className={`thinking-notes${props.compact ? ' compact' : ''}`}
      role="note"
      aria-label="What thinking buys"
    >
      <dl>
        <dt>Planning steps (Dyna-Q)</dt>
        <dd>
          After every real step the agent replays that many remembered steps from its model of the world, so
          one reward spreads back along the remembered path within an episode or two instead of one cell per
          visit. It buys fewer real episodes for the same solution, paid for in table updates per move. It can
          only replay what it has seen: before the first reward every memory says 0.
        </dd>
        <dt>Simulations (tree search)</dt>
        <dd>
          Before every move the agent plays out that many imagined futures on the true rules and takes the
          move that worked out best, so it acts well from the first episode. Each tenfold sees further, but
          with diminishing returns: the horizon grows slowly, the time per move in proportion.
        </dd>
        <dt>Width (a neural agent's hidden units)</dt>
        <dd>
          A bigger network can hold a finer value function, but it does not think ahead: every update costs
          more and it still learns only from rewards it has met. On a small world it buys little.
        </dd>
      </dl>
      <p className="thinking-wall">
        <strong>The sparse wall:</strong> no amount of thinking finds a reward never seen. Replayed memories
        and random rollouts that never reach the goal all say 0, so planning and search are then as blind as a
        random walk. A signal on the way does help: shaping, exploration bonuses, optimism.
      </p>
    </div>
  );
}
