/**
 * The engine as a library: `import { parseConfig, simulate } from 'gridworld-rl-playground/core'`.
 * src/config (the schema, share links, presets, agent files) and src/rl (agents, trainer, metrics, the
 * lab's experiments and statistics), with no React or DOM import; TensorFlow.js is loaded (a dynamic
 * import) only when a neural agent is built. Built to dist-core/ by `npm run build:core`
 * (scripts/build-core.mjs); the CLI runs on the same `simulateStream`.
 */
import { parseVersionedConfig } from '../config/migrate';
import { FILE_JSON_LIMITS, parseJsonSafely, stripBom } from '../config/safeJson';
import type { ParseResult } from '../config/schema';

/**
 * A config from its JSON text or an already parsed value (any supported version, migrated): the
 * valid config, or messages naming each bad field, as the app's import and the CLI give them. Never
 * throws.
 */
export function parseConfig(json: unknown): ParseResult {
  if (typeof json === 'string') {
    const r = parseJsonSafely(stripBom(json).trim(), FILE_JSON_LIMITS);
    if (!r.ok) return { ok: false, errors: [`(config): ${r.error}`] };
    return parseVersionedConfig(r.value);
  }
  return parseVersionedConfig(json);
}

// one run, as `npm run sim -- --json` reports it
export {
  simulate,
  simulateStream,
  type RunEnd,
  type SimRun,
  type SimulateOptions,
  type StreamOptions,
} from '../rl/simulate';

// the config
export {
  CONFIG_VERSION,
  type AgentConfig,
  type AgentType,
  type Config,
  type ConfigInput,
  type EnvConfig,
  type ParseResult,
  type TrainConfig,
} from '../config/schema';
export { defaultAgent, defaultConfig, DEFAULT_WORLD_GAMMA } from '../config/defaults';
export { LIMITS } from '../config/limits';
export { decodeConfig, encodeConfig, shareUrl } from '../config/codec';
export { compactConfig } from '../config/compactConfig';
export { getPreset, PRESETS, type Preset } from '../config/presets';
export { agentFileToJson, parseAgentFile, type AgentFile, type AgentFileResult } from '../config/agentFile';

// training step by step
export { createTrainer, Trainer } from '../rl/trainer';
export {
  RunMetrics,
  SUCCESS_WINDOW,
  type EpisodeResult,
  type MetricsCounters,
  type MetricsSummary,
} from '../rl/metrics';

// the lab: experiments and their statistics
export {
  applyVariant,
  parseBudget,
  parseExperiment,
  parseSweep,
  type BudgetSpec,
  type Experiment,
  type SweepSpec,
} from '../config/experiment';
export { runComparison, type ComparisonResult } from '../rl/lab/compare';
export { runSweep, type SweepResult } from '../rl/lab/sweep';
export { runBudget, type BudgetResult } from '../rl/lab/budget';
export {
  band,
  downsample,
  firstSuccess,
  histogram,
  meanOfLast,
  movingAverage,
  type Band,
  type Downsampled,
  type FirstSuccess,
  type Histogram,
} from '../rl/lab/stats';
export { summarizeVariant, type VariantSummary } from '../rl/lab/summarize';
export {
  budgetJson,
  budgetTable,
  comparisonJson,
  comparisonTable,
  sweepJson,
  sweepTable,
} from '../rl/lab/report';
