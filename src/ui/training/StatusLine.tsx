/**
 * Run state, episode, total steps, steps per second, epsilon, the recent success rate and the episode of
 * the first reward (or "not yet": the sparse-goal stall made visible), as tiles; for a neural agent also
 * where its network runs and its last loss ('–' until they are known).
 * The row holds its size: which tiles show depends on the agent type only (not on what has arrived),
 * and each tile is as wide as its widest value, so numbers growing or arriving never reflow it.
 */
import { isNeuralType } from '../../config/neuralAgents';
import { SUCCESS_WINDOW } from '../../rl/metrics';
import type { ReactNode } from 'react';
import { useConfigStore } from '../../store/configStore';
import { useTrainingStore, type RunStatus } from '../../store/trainingStore';
import { PlayStatus } from '../play/PlayStatus';

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

function Stat(props: { label: string; tip: string; width: number; children: ReactNode }) {
  return (
    <div className="stat" title={props.tip} style={{ ['--stat-w' as string]: `${props.width}ch` }}>
      <span className="stat-label">{props.label}</span>
      <span className="stat-value">{props.children}</span>
    </div>
  );
}

export const NO_SIGNAL_TIP =
  'The agent has never reached a goal, so every value is still 0 and it has nothing to learn from';

/** The episode of the first success; "–" before training, "not yet" while no episode has reached a goal. */
function FirstReward() {
  const first = useTrainingStore((s) => s.metrics.firstSuccess);
  const started = useTrainingStore((s) => s.episode > 0 || s.status === 'running');
  if (first !== null)
    return (
      <Stat
        label="First reward"
        width={WIDTH.first}
        tip={`An episode first reached a goal at episode ${int.format(first)}`}
      >
        <b data-testid="first-reward">ep. {int.format(first)}</b>
      </Stat>
    );
  if (!started)
    return (
      <Stat
        label="First reward"
        width={WIDTH.first}
        tip="The episode in which the agent first reaches a goal"
      >
        <b data-testid="first-reward">–</b>
      </Stat>
    );
  return (
    <Stat label="First reward" width={WIDTH.first} tip={NO_SIGNAL_TIP}>
      <b data-testid="first-reward" className="no-signal">
        not yet
      </b>
    </Stat>
  );
}

export function StatusLine() {
  const status = useTrainingStore((s) => s.status);
  const episode = useTrainingStore((s) => s.episode);
  const target = useTrainingStore((s) => s.target);
  const totalSteps = useTrainingStore((s) => s.totalSteps);
  const sps = useTrainingStore((s) => s.stepsPerSecond);
  const epsilon = useTrainingStore((s) => s.epsilon);
  const success = useTrainingStore((s) => s.metrics.successRate);
  const backend = useTrainingStore((s) => s.info?.backend ?? null);
  const loss = useTrainingStore((s) => s.loss);
  // The configured agent decides the tiles (the run's info arrives later); a run that reports a backend
  // is neural whatever the config says.
  const neural = useConfigStore((s) => isNeuralType(s.config.agent.type)) || backend !== null;
  return (
    <>
      <div className="status-line" role="group" aria-label="Training status" data-testid="status-line">
        <span className={`chip chip-${status}`} data-testid="run-status">
          {STATUS_TEXT[status]}
        </span>
        <Stat label="Episode" width={WIDTH.episode} tip="Episodes finished / episodes to train">
          <b data-testid="episode-count">{int.format(episode)}</b>
          {target > 0 && <span className="muted"> / {int.format(target)}</span>}
        </Stat>
        <Stat label="Steps" width={WIDTH.steps} tip="Environment steps taken in total">
          <b data-testid="step-count">{int.format(totalSteps)}</b>
        </Stat>
        <Stat label="Steps / s" width={WIDTH.speed} tip="Steps per second the training worker is running">
          <b data-testid="steps-per-second">{status === 'running' ? compact.format(Math.round(sps)) : '–'}</b>
        </Stat>
        <Stat label="ε" width={WIDTH.epsilon} tip="Current exploration rate: the chance of a random move">
          <b data-testid="epsilon">{epsilon.toFixed(3)}</b>
        </Stat>
        <Stat
          label={`Success (last ${SUCCESS_WINDOW})`}
          width={WIDTH.success}
          tip={`Share of the last ${SUCCESS_WINDOW} episodes that reached a goal`}
        >
          <b data-testid="success-rate">{episode > 0 ? `${Math.round(success * 100)}%` : '–'}</b>
        </Stat>
        <FirstReward />
        {neural && (
          <Stat
            label="Backend"
            width={WIDTH.backend}
            tip="Where TensorFlow.js runs the network (choose it in the agent panel): wasm, webgl or cpu"
          >
            <b data-testid="backend">{backend ?? '–'}</b>
          </Stat>
        )}
        {neural && (
          <Stat label="Loss" width={WIDTH.loss} tip="Loss of the network's last training step">
            <b data-testid="loss">{loss === null ? '–' : loss.toPrecision(3)}</b>
          </Stat>
        )}
      </div>
      <PlayStatus />
    </>
  );
}
