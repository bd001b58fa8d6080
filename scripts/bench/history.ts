/**
 * The run history's memory (src/rl/history.ts): snapshots held and their bytes after 1k, 100k and 1M
 * episodes for an 8 x 8 and a 50 x 50 world, with and without potential shaping (which adds the
 * learned tables). Driven by the real schedule and store, with the first success at episode 40 and the
 * greedy path solved at 300 (each restarts the dense stretch), and frames of the world's size with
 * full-length trails (the most a snapshot holds); 1M episodes of schedule are milliseconds, so the
 * figures are exact, not timings. Then a real run: Q-learning on the default 8 x 8 world trained to
 * 1M episodes by the worker's session (which records its history), next to the bare trainer's time for
 * the same episodes (noisy on a shared machine: the difference is the history's cost).
 */
import { defaultConfig } from '../../src/config/defaults';
import {
  HistorySchedule,
  MAX_BYTES,
  MAX_SNAPSHOTS,
  RunHistory,
  TRAIL_CELLS,
  type GridFrame,
  type HistoryMark,
} from '../../src/rl/history';
import { Rng } from '../../src/rl/rng';
import { Trainer } from '../../src/rl/trainer';
import { TrainingSession } from '../../src/worker/trainingSession';
import { median } from './_stats';

const MARKS = [1_000, 100_000, 1_000_000];
const FIRST = 40;
const SOLVED = 300;

function frameOf(n: number, shaped: boolean, trail: number): GridFrame {
  const rng = new Rng(1);
  const table = (k: number) => Float64Array.from({ length: k }, () => rng.next() * 2 - 1);
  return {
    nStates: n,
    values: table(n),
    q: table(n * 4),
    shaped: shaped ? { values: table(n), q: table(n * 4) } : null,
    policy: table(n * 4),
    visits: Uint32Array.from({ length: n }, () => rng.int(1e6)),
    episodeVisits: Uint32Array.from({ length: n }, () => rng.int(4)),
    trail: Int32Array.from({ length: trail }, () => rng.int(n)),
    agent: 0,
  };
}

/** Snapshots and KB after each of MARKS episodes, recording as the session does. */
function drive(n: number, shaped: boolean, trail: number): string[] {
  const h = new RunHistory(n);
  const s = new HistorySchedule();
  const f = frameOf(n, shaped, trail);
  const out: string[] = [];
  h.record(f, { episode: 0, steps: 0 });
  for (let e = 1; e <= MARKS[MARKS.length - 1]; e++) {
    const marks: HistoryMark[] = e === FIRST ? ['first-success'] : e === SOLVED ? ['solved'] : [];
    if (marks.length || s.recordDue(e)) {
      h.record(f, { episode: e, steps: e * trail }, marks);
      s.recorded(e);
      if (marks.length) s.mark(e);
    }
    if (MARKS.includes(e))
      out.push(`${String(h.length).padStart(3)} / ${(h.bytes / 1024).toFixed(0).padStart(5)} KB`);
  }
  return out;
}

function trainMs(session: boolean, episodes: number): { ms: number; moments: number; kb: number } {
  const c = defaultConfig();
  c.train.episodes = episodes;
  const t = new Trainer(c);
  const t0 = performance.now();
  if (!session) {
    for (let i = 0; i < episodes; i++) t.runEpisode();
    return { ms: performance.now() - t0, moments: 0, kb: 0 };
  }
  const s = new TrainingSession(t);
  s.play();
  const clock = () => performance.now();
  while (s.running) s.run(1_000_000, Infinity, clock);
  return { ms: performance.now() - t0, moments: s.history.length, kb: s.history.bytes / 1024 };
}

export async function run(): Promise<void> {
  console.log(
    `caps: ${MAX_SNAPSHOTS} snapshots, ${(MAX_BYTES / 2 ** 20).toFixed(0)} MiB; first success at ${FIRST}, solved at ${SOLVED}`,
  );
  console.log(
    `${'world'.padEnd(30)} ${MARKS.map((m) => `${m.toLocaleString('en-US')} ep.`.padStart(16)).join('')}`,
  );
  const worlds = [
    { name: '8 x 8 (Float32 tables)', n: 64, trail: 201 },
    { name: '50 x 50 (Int16 tables)', n: 2500, trail: TRAIL_CELLS },
  ];
  for (const w of worlds)
    for (const shaped of [false, true]) {
      const row = drive(w.n, shaped, w.trail);
      const name = `${w.name}${shaped ? ' + shaping' : ''}`;
      console.log(`${name.padEnd(30)} ${row.map((r) => r.padStart(16)).join('')}`);
    }

  const episodes = 1_000_000;
  const bare: number[] = [];
  const recorded: number[] = [];
  let last = { ms: 0, moments: 0, kb: 0 };
  for (let k = 0; k < 3; k++) {
    bare.push(trainMs(false, episodes).ms);
    last = trainMs(true, episodes);
    recorded.push(last.ms);
  }
  console.log(
    `default 8 x 8 Q-learning, ${episodes.toLocaleString('en-US')} episodes: ${last.moments} snapshots, ${last.kb.toFixed(0)} KB; ` +
      `bare trainer ${(median(bare) / 1000).toFixed(2)} s, session with history ${(median(recorded) / 1000).toFixed(2)} s (median of 3)`,
  );
}
