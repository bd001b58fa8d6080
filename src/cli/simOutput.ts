/**
 * The sim command's output: the JSON, CSV and text-summary writers (each a RunVisitor fed as the runs
 * go) and the output files, written under a temporary name until the command has succeeded.
 */
import { closeSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Config } from '../config/schema';
import { statOrNull } from './args';
import type { StreamOutput } from './output';
import type { RunEnd, RunVisitor } from './runSeeds';

/** A number as JSON.stringify writes it. */
const num = (x: number) => (Number.isFinite(x) ? String(x) : 'null');

/** `{"runs":[{"seed":..,"episodes":[{return,steps,success},...],"greedy":{...},"values":[[...]]}]}`,
 *  exactly what JSON.stringify({ runs }) gives, one episode at a time. */
export function jsonWriter(out: StreamOutput, seeds: number): RunVisitor {
  return {
    startRun: (seed, k) => out.write(`${k ? ',' : '{"runs":['}{"seed":${seed},"episodes":[`),
    episode: (e, i) =>
      out.write(`${i ? ',' : ''}{"return":${num(e.return)},"steps":${e.steps},"success":${e.success}}`),
    endRun: (end, k) =>
      out.write(
        `],"greedy":${JSON.stringify(end.greedy)},"values":${JSON.stringify(end.values)}}` +
          (k === seeds - 1 ? ']}\n' : ''),
      ),
  };
}

export function csvWriter(out: StreamOutput): RunVisitor {
  let seed = 0;
  return {
    startRun: (s, k) => {
      seed = s;
      return k === 0 ? out.write('seed,episode,return,steps,success\n') : undefined;
    },
    episode: (e, i) => out.write(`${seed},${i + 1},${e.return},${e.steps},${e.success ? 1 : 0}\n`),
  };
}

/** The text summary: per run, the run's own metrics (RunMetrics, as the app's status shows them: the
 *  mean return and success rate of the last SUCCESS_WINDOW episodes, the 1-based first success). */
export function summaryWriter(out: StreamOutput, config: Config): RunVisitor {
  return {
    startRun: (_seed, k) => {
      const g = config.env.grid;
      return k === 0
        ? out.write(`agent ${config.agent.type}, ${g[0].length} x ${g.length} grid\n`, true)
        : undefined;
    },
    endRun: (end: RunEnd) => {
      const m = end.metrics;
      const recent = m.recent();
      const n = recent.length;
      let sum = 0;
      for (const e of recent) sum += e.return;
      const first = m.firstSuccess;
      return out.write(
        `seed ${end.seed}: ${end.episodes} episodes` +
          (end.episodes
            ? `, mean return (last ${n}) ${(sum / Math.max(1, n)).toFixed(3)}, success ${(m.successRate() * 100).toFixed(0)}%, first success ${first !== null ? `episode ${first}` : 'never'}`
            : '') +
          `; greedy: return ${end.greedy.return}, ${end.greedy.steps} steps, ${end.greedy.success ? 'reaches the goal' : 'does not reach a goal'}\n`,
        true,
      );
    },
  };
}

/** Several visitors as one; waits for all that asked to. */
export function allOf(visitors: RunVisitor[]): RunVisitor {
  const join = (waits: (void | Promise<void>)[]) => {
    const pending = waits.filter((w): w is Promise<void> => w instanceof Promise);
    return pending.length ? Promise.all(pending).then(() => undefined) : undefined;
  };
  return {
    startRun: (seed, k) => join(visitors.map((v) => v.startRun?.(seed, k))),
    episode: (e, i, k) => join(visitors.map((v) => v.episode?.(e, i, k))),
    endRun: (end, k) => join(visitors.map((v) => v.endRun?.(end, k))),
  };
}

/**
 * An output file written under a temporary name beside it and renamed into place only when the whole
 * command has succeeded, so a refused or failed run never empties or half-writes an existing file. The
 * temporary file is made at once: an unwritable place is found before anything runs.
 */
export class PendingFile {
  readonly temp: string;
  private made = false;

  constructor(readonly path: string) {
    this.temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  }

  /** Makes the (empty) temporary file; throws the system error (ENOENT, EACCES, ...) when it cannot. */
  create(): void {
    const st = statOrNull(this.path);
    if (st?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    closeSync(openSync(this.temp, 'wx'));
    this.made = true;
  }

  commit(): void {
    renameSync(this.temp, this.path);
    this.made = false;
  }

  discard(): void {
    if (this.made) rmSync(this.temp, { force: true });
    this.made = false;
  }
}
