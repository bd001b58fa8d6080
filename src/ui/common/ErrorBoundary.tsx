/**
 * A React error boundary around one view (the playground, the lab, a dialog's content, and the whole
 * page as last resort). A render error never leaves a blank page: the view is replaced by a message with
 * "Reset this view" (remounts it) and "Copy the config as JSON" (the current config from the config
 * store, with a box to copy by hand when the browser refuses). With `offerDefaultWorld`, an error that
 * comes back after a reset also offers going back to the default world; the world it replaces is kept
 * in "Recently replaced" like any other (see configStore's setConfig).
 */
import { Component, Fragment, useState, type ErrorInfo, type ReactNode } from 'react';
import { defaultConfig } from '../../config/defaults';
import { clip } from '../../config/safeJson';
import { configToJson } from '../../export/configFile';
import { useConfigStore } from '../../store/configStore';
import { errorText } from '../../storage/keyValueStore';
import { copyText } from '../share/clipboard';

export const DEFAULT_WORLD_REASON = 'Went back to the default world after an error';

export interface ErrorBoundaryProps {
  /** The view, as the subject of the message: "The playground", "The “Saved configs” dialog". */
  name: string;
  children: ReactNode;
  /** After a repeated error, also offer replacing the config with the default world. */
  offerDefaultWorld?: boolean;
}

interface ErrorBoundaryState {
  error: Error | null;
  /** Errors caught so far (a second one means a reset did not help). */
  failures: number;
  /** Remount key of the children. */
  generation: number;
}

function currentConfigJson(): string {
  try {
    return configToJson(useConfigStore.getState().config);
  } catch (e) {
    return `(the config could not be written out: ${errorText(e)})`;
  }
}

function ErrorFallback({
  name,
  error,
  repeated,
  onReset,
  onDefaultWorld,
}: {
  name: string;
  error: Error;
  repeated: boolean;
  onReset(): void;
  onDefaultWorld: (() => void) | null;
}) {
  const [copy, setCopy] = useState<{ text: string; manual?: string } | null>(null);
  const copyConfig = async () => {
    const json = currentConfigJson();
    if (await copyText(json)) setCopy({ text: 'The config was copied to the clipboard.' });
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
        What went wrong: {clip(errorText(error), 300)}
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
  override state: ErrorBoundaryState = { error: null, failures: 0, generation: 0 };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(_error: unknown, _info: ErrorInfo): void {
    // React reports the error itself (console); here only count it.
    this.setState((s) => ({ failures: s.failures + 1 }));
  }

  private reset = () => this.setState((s) => ({ error: null, generation: s.generation + 1 }));

  private defaultWorld = () => {
    useConfigStore.getState().setConfig(defaultConfig(), { reason: DEFAULT_WORLD_REASON, quiet: true });
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
        />
      );
    return <Fragment key={generation}>{this.props.children}</Fragment>;
  }
}
