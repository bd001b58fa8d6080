/**
 * "Play it yourself": the person plays the world under the agent's rules (src/rl/humanPlay.ts). While
 * play is on, training is paused and painting is off. Each finished episode is recorded in
 * config.demonstrations through the config store (so the link, the address bar, autosave, saved configs
 * and JSON export carry it, and a reload keeps it), within DEMO_LIMITS (the oldest goes, with a notice).
 * Your best episode (highest return, then fewest steps) is read from the recorded demonstrations, and
 * told to the run, which reports the first episode its greedy walk earns more (trainingStore.passedAt).
 */
import { create } from 'zustand';
import { DEMO_LIMITS, demoLength } from '../config/demonstrations';
import type { Config } from '../config/schema';
import { compileGrid } from '../rl/grid';
import { PlaySession, type PlayMove } from '../rl/humanPlay';
import { demoEpisodeStats } from '../rl/teacher/demonstrations';
import { useConfigStore } from './configStore';
import { training } from './trainingController';
import { useTrainingStore } from './trainingStore';
import { useUiStore } from './uiStore';

export interface PlayState {
  on: boolean;
  /** The cell the "you" token stands in (null: not playing). */
  cell: number | null;
  /** The current episode's moves and return. */
  steps: number;
  return: number;
  last: PlayMove | null;
}

export interface BestEpisode {
  return: number;
  steps: number;
  success: boolean;
  /** Its index in config.demonstrations. */
  index: number;
}

export const usePlayStore = create<PlayState>()(() => ({
  on: false,
  cell: null,
  steps: 0,
  return: 0,
  last: null,
}));

let session: PlaySession | null = null;
/** The world and seed the session plays (every edit clones the config, so compared by content). */
let sessionKey = '';
const worldKey = (c: Config) => `${c.train.seed}|${JSON.stringify(c.env)}`;

function currentSession(): PlaySession {
  const c = useConfigStore.getState().config;
  const key = worldKey(c);
  if (!session || sessionKey !== key) {
    session = new PlaySession(c);
    sessionKey = key;
  }
  return session;
}

function show(s: PlaySession, last: PlayMove | null): void {
  usePlayStore.setState({ cell: s.cell, steps: s.steps, return: s.return, last });
}

const bestCache = new WeakMap<Config, BestEpisode | null>();

/** Your best recorded episode in this config's world (memoised per config: a stable selector). */
export function bestDemonstration(config: Config): BestEpisode | null {
  const hit = bestCache.get(config);
  if (hit !== undefined) return hit;
  let best: BestEpisode | null = null;
  if (config.demonstrations.length > 0) {
    const grid = compileGrid(config.env);
    config.demonstrations.forEach((text, index) => {
      const r = demoEpisodeStats(grid, text);
      if (!r) return;
      if (!best || r.return > best.return || (r.return === best.return && r.steps < best.steps))
        best = { return: r.return, steps: r.steps, success: r.success, index };
    });
  }
  bestCache.set(config, best);
  return best;
}

/** The demonstrations with `text` added, the oldest dropped while over DEMO_LIMITS; and how many went. */
export function withDemonstration(
  list: readonly string[],
  text: string,
): { list: string[]; dropped: number } {
  const out = [...list, text];
  let dropped = 0;
  while (
    out.length > 1 &&
    (out.length > DEMO_LIMITS.maxEpisodes ||
      out.reduce((n, d) => n + demoLength(d), 0) > DEMO_LIMITS.maxMoves)
  ) {
    out.shift();
    dropped++;
  }
  return { list: out, dropped };
}

function record(text: string): void {
  if (demoLength(text) === 0 || demoLength(text) > DEMO_LIMITS.maxMoves) return;
  let dropped = 0;
  useConfigStore.getState().edit(
    (d) => {
      const r = withDemonstration(d.demonstrations, text);
      d.demonstrations = r.list;
      dropped = r.dropped;
    },
    { key: null },
  );
  if (dropped > 0)
    useUiStore
      .getState()
      .notify(
        'info',
        `Your episode was kept; the oldest ${dropped === 1 ? 'demonstration was' : `${dropped} demonstrations were`} dropped (at most ${DEMO_LIMITS.maxEpisodes} episodes and ${DEMO_LIMITS.maxMoves.toLocaleString('en-US')} moves are kept).`,
      );
}

/** The play actions the UI calls. */
export const play = {
  /** Turns play on (training pauses) or off. */
  set(on: boolean): void {
    if (on === usePlayStore.getState().on) return;
    if (!on) {
      usePlayStore.setState({ on: false, cell: null, steps: 0, return: 0, last: null });
      return;
    }
    const st = useTrainingStore.getState().status;
    if (st === 'running') training.pause();
    const s = currentSession();
    s.restart();
    usePlayStore.setState({ on: true });
    show(s, null);
  },
  toggle(): void {
    play.set(!usePlayStore.getState().on);
  },
  /** One move (0 up, 1 right, 2 down, 3 left); a finished episode is recorded and the next begins. */
  move(action: number): PlayMove | null {
    if (!usePlayStore.getState().on) return null;
    const s = currentSession();
    if (s.done) s.restart();
    const m = s.move(action);
    if (!m) return null;
    if (m.done) {
      const text = s.moves();
      s.restart();
      show(s, m);
      record(text);
    } else show(s, m);
    return m;
  },
  /** Clears every recorded demonstration of this world. */
  forget(): void {
    useConfigStore.getState().edit((d) => {
      d.demonstrations = [];
    });
    useUiStore.getState().notify('info', 'Your demonstrations were forgotten.');
  },
};

/** Keeps the run told of your best return, and play consistent with the world; returns its removal. */
export function connectPlay(): () => void {
  const sync = (c: Config) => training.setTeacherBest(bestDemonstration(c)?.return ?? null);
  sync(useConfigStore.getState().config);
  const offConfig = useConfigStore.subscribe((s, prev) => {
    if (s.config === prev.config) return;
    sync(s.config);
    // Another world (or seed): the episode under way starts again in it.
    if (usePlayStore.getState().on && worldKey(s.config) !== sessionKey) show(currentSession(), null);
  });
  // Training started while playing: play turns off (the run bar's Play wins).
  const offTraining = useTrainingStore.subscribe((s, prev) => {
    if (s.status === 'running' && prev.status !== 'running' && usePlayStore.getState().on) play.set(false);
  });
  return () => {
    offConfig();
    offTraining();
  };
}
