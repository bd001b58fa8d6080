/** What the share menu's items do, as plain async functions returning a message for the user. */
import {
  agentFileToJson,
  MAX_AGENT_FILE_BYTES,
  parseAgentFile,
  type AgentFileResult,
} from '../config/agentFile';
import type { TrainedState } from '../config/packedArray';
import type { Config, ParseResult } from '../config/schema';
import {
  AGENT_FILE_IMPORTED,
  MAX_IMPORT_BYTES,
  configToJson,
  looksLikeAgentFile,
  parseConfigFile,
} from '../export/configFile';
import { metricsToCsv } from '../export/csv';
import type { MetricsSummary } from '../rl/metrics';
import { downloadBlob, downloadText, readFileText } from '../export/download';
import { exportFileName } from '../export/fileNames';
import { copyText } from '../export/clipboard';
import { currentLinkState, linkUrl, type LinkState } from './urlFlags';

export interface ActionResult {
  kind: 'info' | 'warn' | 'error';
  text: string;
  /** For Copy link when the clipboard refused: the text to show for copying by hand. */
  manualCopy?: string;
}

/** The PNG encoders, a chunk of their own fetched on the first image export. */
const png = () => import('../export/png');

const failure = (what: string, e: unknown): ActionResult => ({
  kind: 'error',
  text: `${what} failed: ${e instanceof Error ? e.message : String(e)}`,
});

export async function copyLink(url: string, what = 'Link'): Promise<ActionResult> {
  if (await copyText(url)) return { kind: 'info', text: `${what} copied to the clipboard.` };
  return {
    kind: 'warn',
    text: 'The browser did not allow copying. Copy it from the box instead.',
    manualCopy: url,
  };
}

export function pageBase(href: string): string {
  return href.split('#')[0];
}

/** The link the Share menu copies: the config and the page state (view, lesson, overlays), as in the address bar. */
export function shareLinkFor(config: Config, href: string, state: LinkState = currentLinkState()): string {
  return linkUrl(pageBase(href), config, state);
}

export function exportJson(config: Config): ActionResult {
  const name = exportFileName(config, 'json');
  downloadText(configToJson(config), name, 'application/json');
  return { kind: 'info', text: `Saved ${name}.` };
}

export function exportCsv(config: Config, data: MetricsSummary | null | undefined): ActionResult {
  const episodes = data?.counters.episodes ?? 0;
  if (!data || episodes === 0)
    return { kind: 'warn', text: 'No run data yet: train for a few episodes first.' };
  const name = exportFileName(config, 'csv', 'episodes');
  downloadText(metricsToCsv(data), name, 'text/csv');
  const how = data.width > 1 ? ` (downsampled to rows of ${data.width} episodes)` : '';
  return { kind: 'info', text: `Saved ${episodes.toLocaleString('en-US')} episodes to ${name}${how}.` };
}

export async function exportChartsPng(config: Config, el: Element | null | undefined): Promise<ActionResult> {
  if (!el || (!el.querySelector?.('svg') && !(el instanceof SVGSVGElement)))
    return { kind: 'warn', text: 'No chart to export yet: train for a few episodes first.' };
  try {
    const { panelToPng, svgToPng } = await png();
    const blob = el instanceof SVGSVGElement ? await svgToPng(el) : await panelToPng(el as HTMLElement);
    const name = exportFileName(config, 'png', 'charts');
    downloadBlob(blob, name);
    return { kind: 'info', text: `Saved ${name}.` };
  } catch (e) {
    return failure('Exporting the charts', e);
  }
}

export async function exportGridPng(
  config: Config,
  canvas: HTMLCanvasElement | null | undefined,
): Promise<ActionResult> {
  if (!canvas) return { kind: 'warn', text: 'The grid is not on screen (switch to the Playground view).' };
  try {
    const { canvasToPng } = await png();
    const blob = await canvasToPng(canvas);
    const name = exportFileName(config, 'png', 'grid');
    downloadBlob(blob, name);
    return { kind: 'info', text: `Saved ${name}.` };
  } catch (e) {
    return failure('Exporting the grid', e);
  }
}

/** Reads and validates an imported file; the message names the file and what is wrong. Never rejects. */
export async function importFile(file: File): Promise<{ result: ParseResult; message: ActionResult }> {
  try {
    return await readAndParse(file);
  } catch (e) {
    const error = `“${file.name.slice(0, 80)}” could not be read (${e instanceof Error ? e.message : String(e)})`;
    return {
      result: { ok: false, errors: [error] },
      message: { kind: 'error', text: `Not imported: ${error}.` },
    };
  }
}

async function readAndParse(file: File): Promise<{ result: ParseResult; message: ActionResult }> {
  const read = await readFileText(file, MAX_IMPORT_BYTES);
  // A trained-agent file is usually too large for a config: say what it is instead.
  if (!read.ok && file.size > MAX_IMPORT_BYTES && looksLikeAgentFile(await file.slice(0, 200).text()))
    read.error = AGENT_FILE_IMPORTED.slice(6);
  if (!read.ok)
    return {
      result: { ok: false, errors: [read.error] },
      message: { kind: 'error', text: `Not imported: ${read.error}.` },
    };
  const result = parseConfigFile(read.text);
  if (result.ok) return { result, message: { kind: 'info', text: `Loaded “${file.name.slice(0, 80)}”.` } };
  return {
    result,
    message: {
      kind: 'error',
      text: `Not imported: “${file.name.slice(0, 80)}” is not a valid config. ${result.errors.slice(0, 3).join('; ')}`,
    },
  };
}

/** Episodes a trained state had trained, in words ("120 episodes"; planners: their sweeps). */
export function trainedWhat(state: TrainedState): string {
  const episodes = state.metrics.numbers.count ?? 0;
  const sweeps = state.agent.numbers.sweeps;
  if (episodes === 0 && typeof sweeps === 'number' && sweeps > 0)
    return `${sweeps.toLocaleString('en-US')} sweeps`;
  return `${episodes.toLocaleString('en-US')} episode${episodes === 1 ? '' : 's'}`;
}

/** Downloads the current run as a trained-agent file (`getState` asks the worker for it). */
export async function saveAgentFile(
  config: Config,
  getState: () => Promise<TrainedState>,
): Promise<ActionResult> {
  let state: TrainedState;
  try {
    state = await getState();
  } catch (e) {
    return failure('Saving the trained agent', e);
  }
  const name = exportFileName(config, 'json', 'agent');
  downloadText(agentFileToJson(config, state), name, 'application/json');
  return { kind: 'info', text: `Saved ${name} (the trained agent after ${trainedWhat(state)}).` };
}

/** Reads and validates a trained-agent file; the message names the file and what is wrong. Never
 *  rejects. */
export async function openAgentFile(file: File): Promise<{ result: AgentFileResult; message: ActionResult }> {
  const label = `“${file.name.slice(0, 80)}”`;
  const refuse = (errors: string[]) => ({
    result: { ok: false as const, errors },
    message: {
      kind: 'error' as const,
      text: `Not opened: ${label} is not a usable trained-agent file. ${errors.slice(0, 3).join('; ')}`,
    },
  });
  try {
    const read = await readFileText(file, MAX_AGENT_FILE_BYTES, 'a trained-agent file');
    if (!read.ok) return refuse([read.error]);
    const result = parseAgentFile(read.text);
    if (!result.ok) return refuse(result.errors);
    return {
      result,
      message: {
        kind: 'info',
        text: `Opened ${label}: the trained agent after ${trainedWhat(result.file.state)}.`,
      },
    };
  } catch (e) {
    return refuse([`it could not be read (${e instanceof Error ? e.message : String(e)})`]);
  }
}
