/**
 * The few things the page needs from the teacher's core (src/rl/teacher), in one place: whether a run
 * learns from the demonstrations, which demonstrations fit the world (the core's checkDemonstrations),
 * and the reward source.
 */
import type { Config } from '../config/schema';
import { compileGrid } from '../rl/grid';
import { checkDemonstrations as coreCheck } from '../rl/teacher/demonstrations';

type TeacherFields = {
  train: { rewardSource?: string };
  agent: { type: string; demoReplay?: unknown; demoBuffer?: unknown };
};

/** The reward source the config trains on ('world' unless the config says otherwise). */
export function rewardSource(config: Config): string {
  return (config as unknown as TeacherFields).train.rewardSource ?? 'world';
}

/** Whether the run learns anything from config.demonstrations (else recording one leaves it alone). */
export function usesDemonstrations(config: Config): boolean {
  const c = config as unknown as TeacherFields;
  const replayOn = (x: unknown) =>
    typeof x === 'number'
      ? x > 0
      : !!x && (typeof x !== 'object' || (x as { enabled?: boolean }).enabled !== false);
  return (
    rewardSource(config) === 'teacher-grade' ||
    rewardSource(config) === 'ranked' ||
    c.agent.type === 'imitation' ||
    replayOn(c.agent.demoReplay) ||
    replayOn(c.agent.demoBuffer)
  );
}

export interface DemoFit {
  /** Indices of the demonstrations that fit the world. */
  valid: number[];
  /** Field errors, e.g. "demonstrations[2]: move 9 comes after the episode ended". */
  errors: string[];
}

/** Which of the config's demonstrations fit its world. */
export function checkDemonstrations(config: Config): DemoFit {
  const r = coreCheck(compileGrid(config.env), config.demonstrations);
  return { valid: r.fits, errors: r.errors };
}
