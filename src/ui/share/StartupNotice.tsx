/**
 * The messages of the page start: a link that could not be opened, an autosave that could not be opened
 * (and where it was kept), or a storage warning, each over the fallback world and dismissable.
 */
import { useShareState, type ShareState, type StartupProblem } from '../../store/shareState';
import './share.css';

function ProblemNotice({
  problem,
  testId,
  dismissLabel,
  onDismiss,
  warn = false,
}: {
  problem: StartupProblem;
  testId: string;
  /** Softer colour: nothing was lost, but the user should know. */
  warn?: boolean;
  dismissLabel: string;
  onDismiss(): void;
}) {
  return (
    <div className={`startup-notice${warn ? ' startup-notice-warn' : ''}`} role="alert" data-testid={testId}>
      <div>
        <strong>{problem.title}.</strong> {problem.fallback}
        <details>
          <summary>What is wrong with it</summary>
          {problem.details.length > 0 && (
            <ul>
              {problem.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
          <p>{problem.advice}</p>
        </details>
      </div>
      <button type="button" onClick={onDismiss} aria-label={dismissLabel}>
        ✕
      </button>
    </div>
  );
}

const clear = (patch: Partial<ShareState>) => () => useShareState.setState(patch);

export function StartupNotice() {
  const problem = useShareState((s) => s.problem);
  const autosaveProblem = useShareState((s) => s.autosaveProblem);
  const storageWarning = useShareState((s) => s.storageWarning);
  if (!problem && !autosaveProblem && !storageWarning) return null;
  return (
    <div className="startup-notice-slot" style={{ display: 'grid', gap: 8 }}>
      {problem && (
        <ProblemNotice
          problem={problem}
          testId="link-problem"
          dismissLabel="Dismiss the link message"
          onDismiss={clear({ problem: null })}
        />
      )}
      {autosaveProblem && (
        <ProblemNotice
          problem={autosaveProblem}
          testId="autosave-problem"
          dismissLabel="Dismiss the autosave message"
          warn
          onDismiss={clear({ autosaveProblem: null })}
        />
      )}
      {storageWarning && !problem && !autosaveProblem && (
        <div className="startup-notice startup-notice-warn" role="status">
          {storageWarning}
          <button
            type="button"
            onClick={clear({ storageWarning: null })}
            aria-label="Dismiss the storage message"
          >
            ✕
          </button>
        </div>
      )}
    </div>
  );
}
