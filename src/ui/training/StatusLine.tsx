/**
 * Run state, episode, total steps, steps per second, epsilon, the recent success rate and the episode of
 * the first reward (or "not yet": the sparse-goal stall made visible), as tiles; for a neural agent also
 * where its network runs and its last loss ('–' until they are known). Each tile's meaning (statHelp.ts)
 * opens from its toggletip. While the history timeline shows a recorded moment, the tiles show that
 * moment (its episode and steps, and what the run's summary says of it then), not the live run.
 * After a setting change reset the run, a line says what the previous run reached.
 * The row holds its size: which tiles show depends on the agent type only (not on what has arrived),
 * and each tile is as wide as its widest value, so numbers growing or arriving never reflow it.
 */
import { isNeuralType } from '../../config/neuralAgents';
import { SUCCESS_WINDOW } from '../../rl/metrics';
import type { ReactNode } from 'react';
import { useConfigStore } from '../../store/configStore';
import { useHistoryStore } from '../../store/historyStore';
import { statsAt, useTrainingStore, type RunStatus } from '../../store/trainingStore';
import { Toggletip } from '../common/Toggletip';
import { NO_SIGNAL_TIP, STAT_HELP, type StatKey } from './statHelp';

export { NO_SIGNAL_TIP };

const STATUS_TEXT: Record<RunStatus, string> = {
  starting: 'Preparing',
  idle: 'Ready',
  running: 'Training',
  pausing: 'Pausing…',
  paused: 'Paused',
  done: 'Done',
  error: 'Error',
};

const int = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/**
 * Widths (in ch of the value's font) of the widest value each tile can show, e.g. "999,999 / 1,000,000"
 * episodes, "9,999,999" steps, "ep. 999,999", "-1.23e-10" for a loss.
 */
const WIDTH = {
  episode: 17,
  steps: 11,
  speed: 6,
  epsilon: 5.5,
  success: 5,
  first: 10,
  backend: 6,
  loss: 9,
} as const;

function Stat(props: { label: string; help: StatKey; tip?: string; width: number; children: ReactNode }) {
  return (
    <div className="stat" data-help={props.help} style={{ ['--stat-w' as string]: `${props.width}ch` }}>
      <span className="stat-label">
        {props.label}
        <Toggletip className="toggletip--inline" label={props.label} text={props.tip ?? STAT_HELP[props.help]} />
      </span>
      <span className="stat-value">{props.children}</span>
    </div>
  );
}

/** The episode of the first success; "–" before training, "not yet" while no episode has reached a goal. */
function FirstReward({ first, started }: { first: number | null; started: boolean }) {
  if (first !== null)
    return (
      <Stat
        label="First reward"
        help="first"
        width={WIDTH.first}
        tip={`${STAT_HELP.first} Here: episode ${int.format(first)}.`}
      >
        <b data-testid="first-reward">ep. {int.format(first)}</b>
      </Stat>
    );
  if (!started)
    return (
      <Stat label="First reward" help="first" width={WIDTH.first}>
        <b data-testid="first-reward">–</b>
      </Stat>
    );
  return (
    <Stat label="First reward" help="first" width={WIDTH.first} tip={NO_SIGNAL_TIP}>
      <b data-testid="first-reward" className="no-signal">
        not yet
      </b>
    </Stat>
  );
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

/** What the previous run (before the last setting change) reached, or nothing. */
/** What the run before the last setting change reached (shown above the charts, which draw it faded,
 *  so that the line's coming and going never moves the grid). */
export function PreviousRunLine() {
  const previous = useTrainingStore((s) => s.previous);
  if (!previous) return null;
  const first =
    previous.firstSuccess === null ? 'first reward never' : `first reward at episode ${int.format(previous.firstSuccess)}`;
  return (
    <p className="previous-run-status muted" data-testid="previous-run-status" style={{ margin: 0, fontSize: '0.9em' }}>
      <span>
        Previous run ({previous.label}): {int.format(previous.episodes)} episodes, {first}, final success{' '}
        {percent(previous.finalSuccess)}.
      </span>
      <Toggletip className="toggletip--inline" label="Previous run" text={STAT_HELP.previous} />
    </p>
  );
}

export function StatusLine() {
  const status = useTrainingStore((s) => s.status);
  const liveEpisode = useTrainingStore((s) => s.episode);
  const target = useTrainingStore((s) => s.target);
  const liveSteps = useTrainingStore((s) => s.totalSteps);
  const sps = useTrainingStore((s) => s.stepsPerSecond);
  const liveEpsilon = useTrainingStore((s) => s.epsilon);
  const liveSuccess = useTrainingStore((s) => s.metrics.successRate);
  const liveFirst = useTrainingStore((s) => s.metrics.firstSuccess);
  const series = useTrainingStore((s) => s.series);
  const backend = useTrainingStore((s) => s.info?.backend ?? null);
  const liveLoss = useTrainingStore((s) => s.loss);
  // The moment on show in the history timeline (null: live).
  const viewed = useHistoryStore((s) => (s.viewedIndex !== null ? (s.moments[s.viewedIndex] ?? null) : null));
  const at = viewed ? statsAt(series, viewed.episode) : null;
  const episode = viewed ? viewed.episode : liveEpisode;
  const totalSteps = viewed ? viewed.steps : liveSteps;
  const epsilon = at ? at.epsilon : liveEpsilon;
  const success = at ? at.successRate : liveSuccess;
  const first = at ? at.firstSuccess : liveFirst;
  const loss = viewed ? null : liveLoss;
  const started = episode > 0 || (!viewed && status === 'running');
  // The configured agent decides the tiles (the run's info arrives later); a run that reports a backend
  // is neural whatever the config says.
  const neural = useConfigStore((s) => isNeuralType(s.config.agent.type)) || backend !== null;
  return (
    <>
      <div
        className="status-line"
        role="group"
        aria-label={viewed ? `Training status at episode ${int.format(episode)}` : 'Training status'}
        data-testid="status-line"
        data-viewed={viewed ? viewed.episode : undefined}
      >
        <span className={`chip chip-${status}`} data-testid="run-status">
          {STATUS_TEXT[status]}
        </span>
        <Stat label="Episode" help="episode" width={WIDTH.episode}>
          <b data-testid="episode-count">{int.format(episode)}</b>
          {target > 0 && <span className="muted"> / {int.format(target)}</span>}
        </Stat>
        <Stat label="Steps" help="steps" width={WIDTH.steps}>
          <b data-testid="step-count">{int.format(totalSteps)}</b>
        </Stat>
        <Stat label="Steps / s" help="speed" width={WIDTH.speed}>
          <b data-testid="steps-per-second">
            {status === 'running' && !viewed ? compact.format(Math.round(sps)) : '–'}
          </b>
        </Stat>
        <Stat label="ε" help="epsilon" width={WIDTH.epsilon}>
          <b data-testid="epsilon">{epsilon === null ? '–' : epsilon.toFixed(3)}</b>
        </Stat>
        <Stat label={`Success (last ${SUCCESS_WINDOW})`} help="success" width={WIDTH.success}>
          <b data-testid="success-rate">{episode > 0 && success !== null ? percent(success) : '–'}</b>
        </Stat>
        <FirstReward first={first} started={started} />
        {neural && (
          <Stat label="Backend" help="backend" width={WIDTH.backend}>
            <b data-testid="backend">{backend ?? '–'}</b>
          </Stat>
        )}
        {neural && (
          <Stat label="Loss" help="loss" width={WIDTH.loss}>
            <b data-testid="loss">{loss === null ? '–' : loss.toPrecision(3)}</b>
          </Stat>
        )}
      </div>
    </>
  );
}
