/**
 * The tfjs agents in Node: environment steps per second with learning on (DQN, actor-critic) and
 * milliseconds per gradient step, on the wasm and cpu backends. Default 8 x 8 world, default configs
 * (64-64 MLPs, one-hot input; DQN: batch 32, a step every 2 env steps; actor-critic: 8-step rollouts).
 * Run alone: npx tsx scripts/bench/neural.ts
 */
import { pathToFileURL } from 'node:url';
import { spread } from './_stats';
import { msPerUpdate, stepsPerSecond, type BackendName, type Measured } from './browser/measure';

function line(label: string, m: Measured, digits: number, unit: string): string {
  return `${label.padEnd(34)} ${spread(m.runs, digits, unit)}  [${m.backend}, ${m.runs.length} runs]`;
}

export async function run(): Promise<void> {
  console.log(`Node ${process.version}; median (min-max) over runs; default 8 x 8 world and configs`);
  for (const backend of ['wasm', 'cpu'] as BackendName[]) {
    console.log(line(`${backend} dqn ms per minibatch (32)`, await msPerUpdate('dqn', backend), 2, ' ms'));
    console.log(
      line(`${backend} a2c ms per update (8 steps)`, await msPerUpdate('actor-critic', backend), 2, ' ms'),
    );
    console.log(line(`${backend} dqn env steps/s`, await stepsPerSecond('dqn', backend), 0, '/s'));
    console.log(
      line(`${backend} actor-critic env steps/s`, await stepsPerSecond('actor-critic', backend), 0, '/s'),
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
