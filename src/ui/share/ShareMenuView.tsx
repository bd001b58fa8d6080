/**
 * The Share menu: Copy link, Copy embed code, Save as..., Saved configs..., Export / Import JSON,
 * Export CSV, Export charts / grid PNG, Save trained agent / Open trained agent. Works from props only (ShareMenu.tsx connects it to the stores).
 */
import { lazy, Suspense, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { TrainedState } from '../../config/packedArray';
import type { Config } from '../../config/schema';
import type { MetricsSummary } from '../../rl/metrics';
import { openSavedConfigs, type KeyValueStore } from '../../store/savedWork';
import { canExportTfjs, exportTfjsModel } from '../../export/tfjsModel';
import { ErrorBoundary } from '../common/ErrorBoundary';
import {
  copyLink,
  exportChartsPng,
  exportCsv,
  exportGridPng,
  exportJson,
  importFile,
  openAgentFile,
  pageBase,
  saveAgentFile,
  shareLinkFor,
  type ActionResult,
} from '../../store/shareActions';
import { embedCode } from '../../store/urlFlags';
import { useMenu } from './useMenu';
import '../shell/dialog.css';
import './share.css';

export interface ShareMenuProps {
  config: Config;
  /** Replace the current config (already validated); `from` names where it came from. */
  onLoadConfig(config: Config, from: string): void;
  getRunData?(): MetricsSummary | null;
  /** The charts panel (or one chart's <svg>) to export as a PNG. */
  getChartSvg?(): Element | null;
  getGridCanvas?(): HTMLCanvasElement | null;
  /** Where messages go (e.g. the page's notice bar); by default they show under the button. */
  onMessage?(kind: ActionResult['kind'], text: string): void;
  storage?: KeyValueStore;
  /** The page address links are made from (default: location.href). */
  pageUrl?: string;
  /** The current run as data, to save as a trained agent (absent: no saving). */
  getTrainedAgent?(): Promise<TrainedState>;
  /** Replace the world with a trained agent's config and resume its run (already validated); false:
   *  refused (it said why), so "Opened" is not announced. */
  onLoadAgent?(config: Config, state: TrainedState, from: string): void | Promise<boolean>;
}

type Modal = 'save' | 'saved' | { copy: string } | null;

// The dialogs are chunks of their own, off the first load: opening the menu starts fetching the two it
// offers, so they are usually there when an item is picked; until then nothing is shown (a modal
// covers the page, so there is no space to hold).
const loadSaveAs = () => import('./SaveAsDialog');
const loadSaved = () => import('./SavedConfigsDialog');
const SaveAsDialog = lazy(() => loadSaveAs().then((m) => ({ default: m.SaveAsDialog })));
const SavedConfigsDialog = lazy(() => loadSaved().then((m) => ({ default: m.SavedConfigsDialog })));
const ManualCopyDialog = lazy(() =>
  import('./ManualCopyDialog').then((m) => ({ default: m.ManualCopyDialog })),
);
const modalKey = (m: Modal) => (m === null || typeof m === 'string' ? String(m) : 'copy');
function preloadDialogs(): void {
  // A failed fetch here is reported when the dialog itself is opened (by its error boundary).
  loadSaveAs().catch(() => {});
  loadSaved().catch(() => {});
}

function suggestName(config: Config): string {
  const { grid } = config.env;
  return `${grid[0].length}×${grid.length} ${config.agent.type}, seed ${config.train.seed}`;
}

/** A hidden file picker (opened by a menu item's click()). */
function FileInput(p: {
  inputRef: RefObject<HTMLInputElement | null>;
  accept: string;
  testId: string;
  onFile(file: File | undefined): Promise<void>;
}) {
  return (
    <input
      ref={p.inputRef}
      type="file"
      accept={p.accept}
      hidden
      data-testid={p.testId}
      onChange={(e) => void p.onFile(e.target.files?.[0])}
    />
  );
}

export function ShareMenuView(props: ShareMenuProps) {
  const { config } = props;
  const menu = useMenu();
  const [modal, setModal] = useState<Modal>(null);
  const [status, setStatus] = useState<ActionResult | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const agentRef = useRef<HTMLInputElement>(null);
  const saved = useMemo(() => openSavedConfigs(props.storage), [props.storage]);
  const href = () => props.pageUrl ?? window.location.href;

  const report = (r: ActionResult) => {
    if (props.onMessage) props.onMessage(r.kind, r.text);
    else setStatus(r);
    if (r.manualCopy) setModal({ copy: r.manualCopy });
  };
  const run = (action: () => ActionResult | Promise<ActionResult>) => () => {
    menu.close();
    void Promise.resolve()
      .then(action)
      .then(report, (e: unknown) => report({ kind: 'error', text: String(e) }));
  };

  const openModal = (m: Modal) => {
    menu.close();
    setModal(m);
  };

  const onFile = async (file: File | undefined) => {
    if (fileRef.current) fileRef.current.value = '';
    if (!file) return;
    const { result, message } = await importFile(file);
    if (result.ok) props.onLoadConfig(result.config, `the file “${file.name}”`);
    report(message);
  };

  const onAgentFile = async (file: File | undefined) => {
    if (agentRef.current) agentRef.current.value = '';
    if (!file || !props.onLoadAgent) return;
    const { result, message } = await openAgentFile(file);
    if (result.ok) {
      const opened = await props.onLoadAgent(
        result.file.config,
        result.file.state,
        `the trained agent “${file.name}”`,
      );
      if (opened === false) return;
    }
    report(message);
  };

  const item = (label: string, onClick: () => void, hint: string, disabled = false): ReactNode => (
    <button type="button" role="menuitem" onClick={onClick} title={hint} disabled={disabled}>
      {label}
    </button>
  );

  return (
    <div className="share-menu">
      <button
        ref={menu.buttonRef}
        type="button"
        className="share-button"
        aria-haspopup="menu"
        aria-expanded={menu.open}
        aria-controls="share-menu-list"
        title="Share link, save, export and import"
        onClick={() => {
          if (!menu.open) preloadDialogs();
          menu.setOpen(!menu.open);
        }}
      >
        Share &amp; save <span aria-hidden="true">▾</span>
      </button>
      {menu.open && (
        <div
          ref={menu.menuRef}
          id="share-menu-list"
          className="share-list"
          role="menu"
          aria-label="Share and save"
          onKeyDown={menu.onMenuKeyDown}
        >
          {item(
            'Copy link',
            run(() => copyLink(shareLinkFor(config, href()))),
            'A link that opens exactly this world, agent and settings',
          )}
          {item(
            'Copy embed code',
            run(() => copyLink(embedCode(pageBase(href()), config), 'Embed code')),
            'An <iframe> showing only the grid and charts, for a slide or a web page',
          )}
          <hr role="separator" />
          {item('Save as...', () => openModal('save'), 'Keep this config in this browser')}
          {item('Saved configs...', () => openModal('saved'), 'Load, rename or delete saved configs')}
          <hr role="separator" />
          {item(
            'Export JSON',
            run(() => exportJson(config)),
            'Download the config as a JSON file',
          )}
          {item(
            'Import JSON...',
            () => {
              menu.close();
              fileRef.current?.click();
            },
            'Open a config JSON file (or a text file with a share link)',
          )}
          {item(
            'Save trained agent',
            run(() => saveAgentFile(config, props.getTrainedAgent!)),
            'Download the trained agent (its table or network, counters and run history) with this config, to open later or elsewhere',
            !props.getTrainedAgent,
          )}
          {canExportTfjs(config) &&
            item(
              'Export as TensorFlow.js model',
              run(() => exportTfjsModel(config, props.getTrainedAgent!)),
              'Download the trained network as a TensorFlow.js LayersModel (a .json and its weights .bin, for tf.loadLayersModel)',
              !props.getTrainedAgent,
            )}
          {item(
            'Open trained agent...',
            () => {
              menu.close();
              agentRef.current?.click();
            },
            'Open a trained-agent file: its world, agent and training appear at once, ready to show or train on',
            !props.onLoadAgent,
          )}
          {item(
            'Export CSV',
            run(() => exportCsv(config, props.getRunData?.())),
            'Download the run data: return, steps, success and epsilon per episode',
            !props.getRunData,
          )}
          {item(
            'Export charts PNG',
            run(() => exportChartsPng(config, props.getChartSvg?.())),
            'Download the learning curves as an image',
            !props.getChartSvg,
          )}
          {item(
            'Export grid PNG',
            run(() => exportGridPng(config, props.getGridCanvas?.())),
            'Download the grid picture (values, policy, agent) as an image',
            !props.getGridCanvas,
          )}
        </div>
      )}
      <FileInput
        inputRef={fileRef}
        accept=".json,application/json,text/plain"
        testId="import-json-input"
        onFile={onFile}
      />
      <FileInput
        inputRef={agentRef}
        accept=".json,application/json"
        testId="open-agent-input"
        onFile={onAgentFile}
      />
      <span
        className={`share-status share-status-${status?.kind ?? 'none'}`}
        role="status"
        aria-live="polite"
      >
        {status?.text}
      </span>
      {/* A dialog whose chunk cannot be fetched (offline before the app was cached) says so here. */}
      <ErrorBoundary key={modalKey(modal)} name="The dialog">
        <Suspense fallback={null}>
          {modal === 'save' && (
            <SaveAsDialog
              config={config}
              saved={saved}
              suggestedName={suggestName(config)}
              onClose={() => setModal(null)}
              onSaved={(name) => {
                setModal(null);
                report({ kind: 'info', text: `Saved as “${name}”.` });
              }}
            />
          )}
          {modal === 'saved' && (
            <SavedConfigsDialog
              saved={saved}
              onClose={() => setModal(null)}
              onLoad={(entry) => {
                setModal(null);
                if (entry.agent && props.onLoadAgent)
                  props.onLoadAgent(entry.config, entry.agent, `the trained agent “${entry.name}”`);
                else props.onLoadConfig(entry.config, `“${entry.name}”`);
                report({ kind: 'info', text: `Loaded “${entry.name}”.` });
              }}
              saveAgent={
                props.getTrainedAgent
                  ? { config, suggestedName: `${suggestName(config)}, trained`, get: props.getTrainedAgent }
                  : undefined
              }
            />
          )}
          {modal !== null && typeof modal === 'object' && (
            <ManualCopyDialog text={modal.copy} onClose={() => setModal(null)} />
          )}
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
