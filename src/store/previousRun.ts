/**
 * The run before a setting change, kept so the new run can be compared with it (a lesson's whole point
 * is often the contrast: no shaping, then shaping). When a config change resets a run that had finished
 * episodes, trainingStore keeps a bounded copy of its chart summary and counters as `previous`, named by
 * what the change altered ("no reward shaping"); it stays until the next change or until dismissed.
 * A change made before the new run finished an episode keeps the same previous run and renames it.
 */
import { metaOf, metaAt } from '../config/fieldMeta';
import { agentSchema, type Config } from '../config/schema';
import type { MetricsSummary } from '../rl/metrics';
import { useTrainingStore, type PreviousRun } from './trainingStore';

/** The leaf paths at which two plain JSON values differ ("agent.alpha", "env.grid"), in key order. */
function changedPaths(a: unknown, b: unknown, path: string, out: string[]): void {
  if (a === b) return;
  const objA = a !== null && typeof a === 'object' && !Array.isArray(a);
  const objB = b !== null && typeof b === 'object' && !Array.isArray(b);
  if (objA && objB) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    for (const k of new Set([...Object.keys(ra), ...Object.keys(rb)]))
      changedPaths(ra[k], rb[k], path ? `${path}.${k}` : k, out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push(path);
}

function agentLabel(type: string): string {
  const o = agentSchema.options.find((x) => x.shape.type.value === type);
  return (o && metaOf(o).label) || type;
}

/** "no reward shaping", "Learning rate 0.5": what the old config had at `path`, in words. */
function describeField(old: Config, path: string): string | null {
  const meta = metaAt(path, old.agent.type);
  if (!meta?.label) return null;
  let v: unknown = old;
  for (const k of path.split('.')) v = (v as Record<string, unknown> | undefined)?.[k];
  const name = meta.label;
  if (v === false || v === 'none' || v === 0) {
    const lower = name.charAt(0).toLowerCase() + name.slice(1);
    if (v !== 0 || /bonus|shaping|slip/i.test(name)) return `no ${lower}`;
  }
  if (typeof v === 'boolean') return `${name} on`;
  const option = typeof v === 'string' ? meta.options?.[v] : undefined;
  if (option) return `${name}: ${option}`;
  if (typeof v === 'number' || typeof v === 'string') return `${name} ${v}`;
  return name;
}

/**
 * What `old` had that `next` changed, as the previous run's name: "no reward shaping", "Q-learning"
 * (another agent), "the world before the edit"; several changes: the first two and how many more.
 * null when nothing differs.
 */
export function describeChange(old: Config, next: Config): string | null {
  if (old.agent.type !== next.agent.type) return agentLabel(old.agent.type);
  const paths: string[] = [];
  changedPaths(old, next, '', paths);
  if (paths.length === 0) return null;
  const words: string[] = [];
  let world = false;
  for (const p of paths) {
    const d = describeField(old, p);
    if (d === null) world ||= p.startsWith('env.');
    else if (!words.includes(d)) words.push(d);
  }
  if (world) words.push('the world before the edit');
  if (words.length === 0) return 'the settings before the change';
  if (words.length <= 2) return words.join(', ');
  return `${words.slice(0, 2).join(', ')} and ${words.length - 2} more`;
}

/** The summary's buckets in use only (the live one has room for a whole run). */
function trimmed(s: MetricsSummary): MetricsSummary {
  const k = s.buckets;
  return {
    ...s,
    counters: { ...s.counters },
    n: s.n.slice(0, k),
    retSum: s.retSum.slice(0, k),
    retMin: s.retMin.slice(0, k),
    retMax: s.retMax.slice(0, k),
    stepSum: s.stepSum.slice(0, k),
    stepMin: s.stepMin.slice(0, k),
    stepMax: s.stepMax.slice(0, k),
    succ: s.succ.slice(0, k),
    epsSum: s.epsSum.slice(0, k),
  };
}

/**
 * Called when a config change is about to reset the run (`old`: the run's config, `next`: the new
 * one): keeps the run as the previous one if it finished an episode, else renames the previous run
 * kept so far after what now differs (dropped when nothing does).
 */
export function rememberRun(old: Config, next: Config): void {
  const s = useTrainingStore.getState();
  let previous: PreviousRun | null = s.previous;
  if (s.metrics.episodes > 0) {
    const label = describeChange(old, next);
    previous = label
      ? {
          label,
          config: old,
          series: trimmed(s.series),
          episodes: s.metrics.episodes,
          firstSuccess: s.metrics.firstSuccess,
          finalSuccess: s.metrics.successRate,
        }
      : null;
  } else if (previous) {
    const label = describeChange(previous.config, next);
    previous = label ? { ...previous, label } : null;
  }
  useTrainingStore.setState({ previous });
}

/** The previous run's legend entry was clicked: it leaves the charts and the status. */
export function dismissPreviousRun(): void {
  useTrainingStore.setState({ previous: null });
}
