/**
 * Whether a trained state loads into a run of its own config, before anything on the page is replaced:
 * a dry run of what the worker does with it (createTrainer builds the trainer for the config, then
 * Trainer.importState checks every block against the agent, the trainer and the metrics it fills, the
 * one authority on shapes), and the trainer freed. The config floor's file check (src/config/agentFile.ts)
 * cannot know a Q table's length, a network's shape or a Dyna-Q model's tables; this does. Pure
 * TypeScript, Node-compatible (tfjs agents load on demand).
 */
import type { Config } from '../config/schema';
import type { TrainedState } from '../config/packedArray';
import { createTrainer } from './trainer';

/** Null when the state loads into a run of `config`; otherwise why not, in one readable sentence. */
export async function checkTrainedRun(config: Config, state: TrainedState): Promise<string | null> {
  try {
    const t = await createTrainer(config, state);
    t.agent.dispose();
    return null;
  } catch (e) {
    const why = e instanceof Error ? e.message || e.name : String(e);
    return why.slice(0, 300);
  }
}
