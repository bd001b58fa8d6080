/**
 * The thinking budget's numbers, one row per (variant, knob value): episodes until the first success
 * and until solved (median and range over seeds, with the seeds that never did), the success rate and
 * the compute of a run in its unit. Read by the end-to-end test through its data-* attributes.
 */
import type { BudgetResult } from '../../rl/lab/budget';
import { formatFirst } from '../../rl/lab/report';
import type { Theme } from '../grid/overlay/palette';
import { compactAmount, KNOB_LABEL, variantNames } from './BudgetChart';
import { variantColor } from './labColors';

export function BudgetTable(props: { result: BudgetResult; theme: Theme }) {
  const r = props.result;
  const names = variantNames(r);
  const mixed = r.knob === 'mixed';
  return (
    <table className="lab-table" aria-label="Thinking budget statistics">
      <thead>
        <tr>
          <th scope="col">Variant</th>
          <th scope="col" title={KNOB_LABEL[r.knob]}>
            {mixed ? 'Knob' : KNOB_LABEL[r.knob]}
          </th>
          <th scope="col" title="Episode of the first success: median over seeds (fastest-slowest seed)">
            First success (episode)
          </th>
          <th scope="col" title={`Seeds that never reached a goal within ${r.episodes} episodes`}>
            Never
          </th>
          <th
            scope="col"
            title="Episode after which the greedy path (no exploration) first reached a goal: median (range)"
          >
            Solved (episode)
          </th>
          <th scope="col" title="Seeds whose greedy path never reached a goal">
            Never
          </th>
          <th scope="col" title="Share of all episodes of all seeds that reached a goal">
            Success
          </th>
          <th
            scope="col"
            title="Mean compute of one run: real + imagined steps, or a network's multiply-adds"
          >
            Compute per run
          </th>
        </tr>
      </thead>
      <tbody>
        {r.points.map((p) => {
          const i = names.indexOf(p.variant);
          const ran = p.seeds > 0;
          return (
            <tr
              key={`${p.variant}:${p.value}`}
              data-variant={p.variant}
              data-value={p.value}
              data-seeds={p.seeds}
              data-first-median={p.firstSuccessEpisode.median ?? 'never'}
              data-solved-median={p.solvedEpisode.median ?? 'never'}
              data-first-never={p.firstSuccessEpisode.censored}
              data-success={p.successRate.toFixed(4)}
              data-compute={Math.round(p.computeSteps)}
            >
              <th scope="row">
                <span className="swatch" style={{ background: variantColor(i, props.theme) }} aria-hidden />
                {p.variant}
              </th>
              <td>{mixed ? `${KNOB_LABEL[p.knob].toLowerCase()}: ${p.value}` : p.value}</td>
              {ran ? (
                <>
                  <td>{formatFirst(p.firstSuccessEpisode)}</td>
                  <td>
                    {p.firstSuccessEpisode.censored} / {p.seeds}
                  </td>
                  <td>{formatFirst(p.solvedEpisode)}</td>
                  <td>
                    {p.solvedEpisode.censored} / {p.seeds}
                  </td>
                  <td>{Math.round(p.successRate * 100)}%</td>
                  <td>
                    {compactAmount(p.computeSteps)} {p.unit}
                  </td>
                </>
              ) : (
                <td colSpan={6} className="muted">
                  not run (cancelled)
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
