/**
 * Per-variant statistics of a comparison, as a table (also read by the end-to-end test through its
 * data-* attributes): first success median and range, seeds that never succeeded, final success rate,
 * mean return over the last 10% of episodes.
 */
import type { ComparisonResult } from '../../rl/lab/compare';
import { formatFirst } from '../../rl/lab/report';
import type { Theme } from '../grid/overlay/palette';
import { typicalSeed } from '../../store/labActions';
import { variantColor } from './labColors';

/** What a variant's Open does: replay its typical seed when every seed ran, else load its config. */
function openTip(v: ComparisonResult['variants'][number], allSeeds: boolean): string {
  if (!allSeeds) return "Load this variant's config into the playground";
  const { first } = typicalSeed(v);
  const when = first === null ? 'it never reached the goal' : `first reward at episode ${first}`;
  return `Replay this variant's typical run in the playground (its median seed: ${when}): it trains again to ${v.episodes} episodes, then the timeline shows its first reward`;
}

type Variant = ComparisonResult['variants'][number];

/**
 * One line for a variant whose figures seem to disagree: some seeds reached the goal (a first success)
 * yet its final success rounds to 0% — it found the goal and did not keep reaching it. null otherwise.
 */
export function foundNotKeptNote(v: Variant): string | null {
  const found = v.seeds - v.firstEpisode.censored;
  if (found === 0 || Math.round(v.finalSuccessRate * 100) > 0) return null;
  const when =
    v.firstEpisode.median === null ? '' : ` (median episode ${v.firstEpisode.median.toLocaleString('en-US')})`;
  return `${v.name}: ${found} of ${v.seeds} seeds reached the goal at least once${when}, but almost none of their last 10% of episodes did (final success 0%): the goal was found, then not kept.`;
}

export function StatsTable(props: {
  result: ComparisonResult;
  theme: Theme;
  onOpen?(variant: number): void;
}) {
  const { result } = props;
  const notes = result.variants.map(foundNotKeptNote).filter((n): n is string => n !== null);
  const columns = props.onOpen ? 6 : 5;
  return (
    <table className="lab-table" aria-label="Statistics per variant">
      <thead>
        <tr>
          <th scope="col">Variant</th>
          <th scope="col" title="Episode of the first success: median over seeds (fastest-slowest seed)">
            First success (episode)
          </th>
          <th scope="col" title="Seeds that never reached the goal within the episode budget">
            Never
          </th>
          <th scope="col" title="Success rate over the last 10% of episodes, averaged over seeds">
            Final success
          </th>
          <th scope="col" title="Mean return over the last 10% of episodes, averaged over seeds">
            Return (last 10%)
          </th>
          {props.onOpen && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {result.variants.map((v, i) => (
          <tr
            key={v.name}
            data-variant={v.name}
            data-first-median={v.firstEpisode.median === null ? 'never' : String(v.firstEpisode.median)}
            data-first-min={v.firstEpisode.min === null ? '' : String(v.firstEpisode.min)}
            data-first-max={v.firstEpisode.max === null ? '' : String(v.firstEpisode.max)}
            data-never={String(v.firstEpisode.censored)}
            data-final-success={v.finalSuccessRate.toFixed(4)}
            data-mean-return={v.meanReturnLast10.toFixed(4)}
          >
            <th scope="row">
              <span className="swatch" style={{ background: variantColor(i, props.theme) }} aria-hidden />
              {v.name}
            </th>
            <td>{formatFirst(v.firstEpisode)}</td>
            <td>
              {v.firstEpisode.censored} / {v.seeds}
            </td>
            <td>{Math.round(v.finalSuccessRate * 100)}%</td>
            <td>{v.meanReturnLast10.toFixed(2)}</td>
            {props.onOpen && (
              <td>
                <button
                  type="button"
                  className="link"
                  onClick={() => props.onOpen?.(i)}
                  title={openTip(v, v.seeds === result.seeds)}
                >
                  Open
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
      {notes.length > 0 && (
        <tfoot>
          {notes.map((n) => (
            <tr key={n}>
              <td
                colSpan={columns}
                className="lab-table-note"
                data-testid="found-not-kept"
                style={{ whiteSpace: 'normal', textAlign: 'left', fontSize: 13, color: 'var(--muted)' }}
              >
                {n}
              </td>
            </tr>
          ))}
        </tfoot>
      )}
    </table>
  );
}
