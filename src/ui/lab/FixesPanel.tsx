/** The fixes for sparse rewards, each explained in a sentence or two, with the config field it sets. */
const FIXES: { title: string; field: string; text: string }[] = [
  {
    title: 'Potential-based shaping',
    field: 'train.shaping = potential',
    text: 'Adds F = γ·φ(s′) − φ(s) with φ = −(steps to the nearest goal). Every detour is paid back exactly, so the best policy stays the same (Ng, Harada & Russell 1999), but each step now carries a hint.',
  },
  {
    title: 'Naive shaping (a trap)',
    field: 'train.shaping = naive',
    text: 'Pays +1 for any step closer, nothing for stepping away. Stepping away and back is then a loop that pays forever, and the agent farms it instead of finishing.',
  },
  {
    title: 'Count bonus',
    field: 'train.countBonus = β',
    text: 'Each step also pays β/√N(s′) − β, where N counts visits to the cell entered: nothing for a new cell, less and less for familiar ones, so untried paths look better than worn ones.',
  },
  {
    title: 'Optimistic initial values',
    field: 'agent.qInit',
    text: 'Start every Q(s, a) above any return the world can pay. Each try disappoints, so the agent keeps trying what it has not tried yet: systematic exploration for free.',
  },
  {
    title: 'Epsilon schedule',
    field: 'agent.epsilonDecay',
    text: 'Explore a lot early and less later: ε shrinks after every episode. It does not help find a far goal, since random moves are still blind, but it stops wasting moves once the goal is known.',
  },
];

export function FixesPanel() {
  return (
    <section className="lab-fixes" aria-labelledby="lab-fixes-title">
      <h2 id="lab-fixes-title">Fixes for sparse rewards</h2>
      <dl>
        {FIXES.map((f) => (
          <div key={f.title}>
            <dt>
              {f.title} <code>{f.field}</code>
            </dt>
            <dd>{f.text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
