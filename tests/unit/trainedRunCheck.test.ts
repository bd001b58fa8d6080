// @vitest-environment node
/**
 * An agent file that passes the file check but does not fit its own config is refused before anything
 * is replaced: crafted files the way an outside tester made them (a 100-entry Q table on a 12 x 4 grid,
 * a zeroed random state, a DQN of another hidden size, inconsistent metrics, a Dyna-Q without its model
 * tables) each pass parseAgentFile and are each refused by checkTrainedRun with the field named; the
 * file as saved loads.
 */
import { describe, expect, it } from 'vitest';
import { agentFileToJson, parseAgentFile } from '../../src/config/agentFile';
import { packArray, type TrainedState } from '../../src/config/packedArray';
import type { Config } from '../../src/config/schema';
import { createTrainer } from '../../src/rl/trainer';
import { checkTrainedRun } from '../../src/rl/trainedRunCheck';
import { makeConfig } from './helpers';

const GRID_12x4 = ['S...........', '....##......', '......X.....', '...........G'];

function cfg(agent: Record<string, unknown>): Config {
  return makeConfig({ grid: GRID_12x4, env: { maxSteps: 60 }, agent, train: { seed: 3, episodes: 5 } });
}

async function trained(config: Config): Promise<TrainedState> {
  const t = await createTrainer(config);
  for (let e = 0; e < 5; e++) t.runEpisode();
  const s = t.exportState();
  t.agent.dispose();
  return s;
}

/** A crafted file must pass the file check (the config floor) for this test to mean anything. */
function passesFileCheck(config: Config, state: TrainedState): TrainedState {
  const r = parseAgentFile(agentFileToJson(config, state));
  if (!r.ok) throw new Error(`the crafted file fails the file check already: ${r.errors.join('; ')}`);
  return r.file.state;
}

const clone = (s: TrainedState): TrainedState => structuredClone(s);

describe('checkTrainedRun: the whole file against its own config', () => {
  it('loads the file as saved (tabular and DQN)', async () => {
    for (const agent of [{ type: 'q-learning' }, { type: 'dqn', hidden: [8], learningStarts: 10 }]) {
      const c = cfg(agent);
      expect(await checkTrainedRun(c, passesFileCheck(c, await trained(c)))).toBeNull();
    }
  });

  it('refuses a 100-entry Q table on a 12 x 4 grid', async () => {
    const c = cfg({ type: 'q-learning' });
    const s = clone(await trained(c));
    s.agent.arrays.q = packArray(new Float64Array(100), 'f64');
    const why = await checkTrainedRun(c, passesFileCheck(c, s));
    expect(why).toMatch(/q has 100 numbers.*needs 192/);
  });

  it('refuses a zeroed random state', async () => {
    const c = cfg({ type: 'q-learning' });
    const s = clone(await trained(c));
    s.trainer.arrays.envRng = packArray(new Uint32Array(4), 'u32');
    expect(await checkTrainedRun(c, passesFileCheck(c, s))).toMatch(/envRng is not a random generator state/);
  });

  it('refuses a DQN saved with another hidden size', async () => {
    const small = cfg({ type: 'dqn', hidden: [8], learningStarts: 10 });
    const other = cfg({ type: 'dqn', hidden: [16], learningStarts: 10 });
    const why = await checkTrainedRun(other, passesFileCheck(other, await trained(small)));
    expect(why).toMatch(/has \d[\d,]* numbers, the agent this config describes needs/);
  });

  it('refuses inconsistent metrics', async () => {
    const c = cfg({ type: 'q-learning' });
    const s = clone(await trained(c));
    s.metrics.numbers.successes = (s.metrics.numbers.count as number) + 3;
    expect(await checkTrainedRun(c, passesFileCheck(c, s))).toMatch(/metrics: successes must be at most/);
    const t = clone(await trained(c));
    t.metrics.numbers.count = 999;
    expect(await checkTrainedRun(c, passesFileCheck(c, t))).toMatch(/metrics/);
  });

  it('refuses a Dyna-Q without its model tables', async () => {
    const c = cfg({ type: 'dyna-q' });
    const s = clone(await trained(c));
    const model = Object.keys(s.agent.arrays).filter((k) => !['q'].includes(k) && !/rng/i.test(k));
    expect(model.length).toBeGreaterThan(0);
    for (const k of model) delete s.agent.arrays[k];
    expect(await checkTrainedRun(c, passesFileCheck(c, s))).toMatch(/is missing/);
  });
});
