/** The message for a link that could not be opened (or a damaged autosave), over the fallback world. */
import { useShareState } from './shareState';
import './share.css';

export function StartupNotice() {
  const problem = useShareState((s) => s.problem);
  const setProblem = useShareState((s) => s.setProblem);
  const storageWarning = useShareState((s) => s.storageWarning);
  if (!problem && !storageWarning) return null;
  return (
    <div className="startup-notice-slot">
      {problem && (
        <div className="startup-notice" role="alert" data-testid="link-problem">
          <div>
            <strong>{problem.title}.</strong> {problem.fallback}
            <details>
              <summary>What is wrong with it</summary>
              <ul>
                {problem.details.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
              <p>
                Ask the sender to copy the link again with “Copy link”, or open the JSON file they exported.
              </p>
            </details>
          </div>
          <button type="button" onClick={() => setProblem(null)} aria-label="Dismiss the link message">
            ✕
          </button>
        </div>
      )}
      {storageWarning && !problem && (
        <div className="startup-notice startup-notice-warn" role="status">
          {storageWarning}
          <button
            type="button"
            onClick={() => useShareState.setState({ storageWarning: null })}
            aria-label="Dismiss the storage message"
          >
            ✕
          </button>
        </div>
      )}
    </div>
  );
}
