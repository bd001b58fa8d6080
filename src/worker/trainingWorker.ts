/**
 * The training worker. Runs time-sliced: at most SLICE_MS of steps at a time, then yields (a
 * MessageChannel message at full speed, a timer at limited speeds) so `pause` and other commands are
 * handled between slices. Posts progress at most MAX_POSTS_PER_SECOND times a second, and always after
 * a command or when a run stops; a `snapshot`, `search-step` or `export-agent` request is answered at once and leaves the run as it is. Errors in a command are reported as `error` messages; anything that
 * escapes reaches the page as a worker error, and the page restarts the worker.
 */
import { createTrainer } from '../rl/trainer';
import {
  errorMessage,
  frameTransfer,
  MAX_POSTS_PER_SECOND,
  progressTransfer,
  type FromWorker,
  type ToWorker,
} from './protocol';
import { TrainingSession } from './trainingSession';

const SLICE_MS = 10;
const POST_INTERVAL_MS = 1000 / MAX_POSTS_PER_SECOND;

const ctx = self as unknown as DedicatedWorkerGlobalScope;
const clock = () => performance.now();

let session: TrainingSession | null = null;
let runId = -1;
let stepsPerSecond = Infinity;
let scheduled = false;
let lastTick = 0;
let budget = 0;
let lastPost = -Infinity;
let dirty = false;

const channel = new MessageChannel();
channel.port1.onmessage = () => tick();

function send(msg: FromWorker, transfer: Transferable[] = []): void {
  ctx.postMessage(msg, transfer);
}

function postProgress(): void {
  if (!session) return;
  const progress = session.progress(clock());
  send({ type: 'progress', runId, progress }, progressTransfer(progress));
  lastPost = clock();
  dirty = false;
}

function schedule(delayMs: number): void {
  if (scheduled) return;
  scheduled = true;
  if (delayMs <= 0) channel.port2.postMessage(null);
  else setTimeout(tick, delayMs);
}

/** Delay until the next step is due at a limited speed (at most half a post interval). */
function nextDelay(): number {
  const untilNext = ((1 - budget) * 1000) / stepsPerSecond;
  return Math.max(1, Math.min(POST_INTERVAL_MS / 2, untilNext));
}

function tick(): void {
  scheduled = false;
  const s = session;
  if (!s || !s.running) return;
  const now = clock();
  try {
    if (stepsPerSecond === Infinity) {
      s.run(Number.MAX_SAFE_INTEGER, now + SLICE_MS, clock);
      dirty = true;
    } else {
      const cap = Math.max(1, stepsPerSecond * 0.05);
      budget = Math.min(cap, budget + ((now - lastTick) * stepsPerSecond) / 1000);
      const n = Math.floor(budget);
      if (n > 0) {
        budget -= s.run(n, now + SLICE_MS, clock);
        dirty = true;
      }
    }
  } catch (e) {
    s.pause();
    send({ type: 'error', runId, phase: 'train', message: errorMessage(e) });
  }
  lastTick = now;
  const after = clock();
  if (dirty && (!s.running || after - lastPost >= POST_INTERVAL_MS)) postProgress();
  if (s.running) schedule(stepsPerSecond === Infinity ? 0 : nextDelay());
}

async function init(id: number, msg: Extract<ToWorker, { type: 'init' }>): Promise<void> {
  try {
    const trainer = await createTrainer(msg.config, msg.state);
    if (id !== runId) {
      trainer.agent.dispose();
      return;
    }
    session = new TrainingSession(trainer);
    send({ type: 'ready', runId: id, info: session.info });
    postProgress();
  } catch (e) {
    if (id !== runId) return;
    const message = msg.state
      ? `This trained agent could not be loaded: ${errorMessage(e)}. Press Reset to train this world from the start (your previous world is in Saved configs, Recently replaced).`
      : errorMessage(e);
    send({ type: 'error', runId: id, phase: 'create', message });
  }
}

function handle(msg: ToWorker): void {
  if (msg.type === 'ping') {
    send({ type: 'pong' });
    return;
  }
  if (msg.type === 'init') {
    session?.trainer.agent.dispose();
    session = null;
    runId = msg.runId;
    void init(msg.runId, msg);
    return;
  }
  if (msg.type === 'speed') {
    stepsPerSecond = msg.stepsPerSecond > 0 ? msg.stepsPerSecond : Infinity;
    budget = Math.min(budget, 1);
    return;
  }
  const s = session;
  if (!s) return;
  if (msg.type === 'search-step') {
    const step = s.thinking.view(msg.k);
    send({ type: 'search', runId, step }, step ? [step.visits.buffer, step.line.buffer] : []);
    return;
  }
  if (msg.type === 'export-agent') {
    try {
      send({ type: 'agent-state', runId, state: s.trainer.exportState() });
    } catch (e) {
      send({ type: 'agent-state', runId, state: null, error: errorMessage(e) });
    }
    return;
  }
  if (msg.type === 'snapshot') {
    const { moment, frame } = s.snapshot(msg.index);
    send({ type: 'snapshot', runId, index: msg.index, moment, frame }, frame ? frameTransfer(frame) : []);
    return;
  }
  try {
    switch (msg.type) {
      case 'play':
        s.play();
        budget = 1;
        lastTick = clock();
        schedule(0);
        break;
      case 'pause':
        s.pause();
        break;
      case 'step':
        s.stepOnce();
        break;
      case 'episode':
        s.runEpisode();
        break;
      case 'plan':
        s.pause();
        s.plan(msg.op);
        break;
    }
  } catch (e) {
    s.pause();
    send({ type: 'error', runId, phase: 'train', message: errorMessage(e) });
  }
  postProgress();
}

ctx.onmessage = (e: MessageEvent<ToWorker>) => handle(e.data);
