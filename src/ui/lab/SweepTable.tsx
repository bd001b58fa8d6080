/** The sweep's numbers: per distance, median steps to the first success (range) and censored seeds. */
import { formatFirst } from '../../rl/lab/report';
import type { SweepResult } from '../../rl/lab/sweep';

export function SweepTable(props: { result: SweepResult; agentLabel: string }) {
  const r = props.result;
  const walkers = r.agent === 'random' ? (['random'] as const) : (['random', 'agent'] as const);
  const label = (w: string) => (w === 'random' ? 'Random walk' : props.agentLabel);
  return (
    <table className="lab-table" aria-label="Sweep statistics">
      <thead>
        <tr>
          <th scope="col">Distance</th>
          {walkers.map((w) => [
            <th
              key={w}
              scope="col"
              title="Steps until the first success: median over seeds (fastest-slowest)"
            >
              {label(w)}: steps
            </th>,
            <th key={`${w}n`} scope="col" title={`Seeds that did not succeed within ${r.budget} steps`}>
              never
            </th>,
          ])}
        </tr>
      </thead>
      <tbody>
        {r.distances.map((d) => {
          const pts = walkers.map((w) => r.points.find((p) => p.distance === d && p.who === w)!);
          return (
            <tr
              key={d}
              data-distance={d}
              data-random-median={pts[0].stats.median ?? 'never'}
              data-agent-median={pts[1]?.stats.median ?? 'never'}
            >
              <th scope="row">{d}</th>
              {pts.map((p) => [
                <td key={p.who}>{formatFirst(p.stats)}</td>,
                <td key={`${p.who}n`}>
                  {p.stats.censored} / {p.stats.n}
                </td>,
              ])}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
