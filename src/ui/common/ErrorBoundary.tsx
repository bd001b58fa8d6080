/**
 * A React error boundary around one view (the playground, the lab, a dialog's content, and the whole
 * page as last resort). A render error never leaves a blank page: the view is replaced by a message with
 * "Reset this view" (remounts it) and "Copy the config as JSON" (the current config, with a box to copy
 * by hand when the browser refuses). With `offerDefaultWorld`, an error that comes back after a reset
 * also offers going back to the default world. What those buttons do comes in as the `actions` prop,
 * else from the nearest ErrorActionsContext (App.tsx provides the store's: src/store/errorActions.ts),
 * so this base component knows no store.
 */
import { Component, createContext, Fragment, useState, type ErrorInfo, type ReactNode } from 'react';
import { clip } from '../../config/safeJson';

/** What the fallback's buttons do. */
export interface ErrorActions {
  /** The current config as JSON (for "Copy the config as JSON"). */
  configJson(): string;
  /** Copies text to the clipboard; false when the browser refused. */
  copyText(text: string): Promise<boolean>;
  /** Replaces the current world with the default one (kept in "Recently replaced" like any other). */
  defaultWorld(): void;
}

/** The actions of every boundary below that is given none as a prop. */
export const ErrorActionsContext = createContext<ErrorActions | null>(null);

/** With no actions at all: nothing to copy but a note, no default world to go back to. */
const NO_ACTIONS: ErrorActions = {
  configJson: () => '(the config is not available here)',
  copyText: () => Promise.resolve(false),
  defaultWorld: () => {},
};

export interface ErrorBoundaryProps {
  /** The view, as the subject of the message: "The playground", "The “Saved configs” dialog". */
  name: string;
  children: ReactNode;
  /** After a repeated error, also offer replacing the config with the default world. */
  offerDefaultWorld?: boolean;
  /** What the buttons do (default: the ErrorActionsContext's). */
  actions?: ErrorActions;
}

interface ErrorBoundaryState {
  error: Error | null;
  /** Errors caught so far (a second one means a reset did not help). */
  failures: number;
  /** Remount key of the children. */
  generation: number;
}

function ErrorFallback({
  name,
  error,
  repeated,
  onReset,
  onDefaultWorld,
  actions,
}: {
  name: string;
  error: Error;
  repeated: boolean;
  onReset(): void;
  onDefaultWorld: (() => void) | null;
  actions: ErrorActions;
}) {
  const [copy, setCopy] = useState<{ text: string; manual?: string } | null>(null);
  const copyConfig = async () => {
    const json = actions.configJson();
    if (await actions.copyText(json)) setCopy({ text: 'The config was copied to the clipboard.' });
    else setCopy({ text: 'The browser did not allow copying. Copy it from the box instead.', manual: json });
  };
  return (
    <div
      className="error-boundary"
      role="alert"
      data-testid="error-boundary"
      style={{ margin: 16, padding: '12px 16px', border: '1px solid var(--danger, #c00)', borderRadius: 8 }}
    >
      <p style={{ marginTop: 0 }}>
        <strong>{name} ran into a problem and stopped.</strong> Your config is not lost: reset this view, or
        copy the config to keep it.
      </p>
      <p className="share-help" style={{ overflowWrap: 'anywhere' }}>
        What went wrong: {clip(error.message, 300)}
      </p>
      {repeated && onDefaultWorld && (
        <p>
          It happened again after a reset. Going back to the default world may help (the current one is kept
          in Share &amp; save → Saved configs… → Recently replaced).
        </p>
      )}
      <div className="share-buttons" style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <button type="button" className="primary" onClick={onReset}>
          Reset this view
        </button>
        <button type="button" onClick={() => void copyConfig()}>
          Copy the config as JSON
        </button>
        {repeated && onDefaultWorld && (
          <button type="button" onClick={onDefaultWorld}>
            Go back to the default world
          </button>
        )}
      </div>
      {copy && (
        <p role="status" className="share-help">
          {copy.text}
        </p>
      )}
      {copy?.manual !== undefined && (
        <textarea
          className="manual-copy"
          readOnly
          rows={8}
          value={copy.manual}
          aria-label="The config as JSON"
          style={{ width: '100%' }}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </div>
  );
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  static override contextType = ErrorActionsContext;
  declare context: ErrorActions | null;
  override state: ErrorBoundaryState = { error: null, failures: 0, generation: 0 };

  private get actions(): ErrorActions {
    return this.props.actions ?? this.context ?? NO_ACTIONS;
  }

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(_error: unknown, _info: ErrorInfo): void {
    // React reports the error itself (console); here only count it.
    this.setState((s) => ({ failures: s.failures + 1 }));
  }

  private reset = () => this.setState((s) => ({ error: null, generation: s.generation + 1 }));

  private defaultWorld = () => {
    this.actions.defaultWorld();
    this.setState((s) => ({ error: null, failures: 0, generation: s.generation + 1 }));
  };

  override render(): ReactNode {
    const { error, failures, generation } = this.state;
    if (error)
      return (
        <ErrorFallback
          name={this.props.name}
          error={error}
          repeated={failures > 1}
          onReset={this.reset}
          onDefaultWorld={this.props.offerDefaultWorld ? this.defaultWorld : null}
          actions={this.actions}
        />
      );
    return <Fragment key={generation}>{this.props.children}</Fragment>;
  }
}
