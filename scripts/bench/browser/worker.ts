/** Times the tfjs agents' gradient steps on each backend inside a module worker; posts one line each. */
import { median } from '../_stats';
import { msPerUpdate, type BackendName, type Measured, type NeuralType } from './measure';

function fmt(m: Measured): string {
  const f = (x: number) => x.toFixed(2);
  return `${f(median(m.runs))} ms (${f(Math.min(...m.runs))}-${f(Math.max(...m.runs))}) [${m.backend}, ${m.runs.length} runs]`;
}

async function main(): Promise<void> {
  const cases: [NeuralType, string][] = [
    ['dqn', 'dqn ms per minibatch (32)'],
    ['actor-critic', 'a2c ms per update (8 steps)'],
  ];
  for (const backend of ['wasm', 'webgl', 'cpu'] as BackendName[]) {
    for (const [type, label] of cases) {
      try {
        const m = await msPerUpdate(type, backend, 5, 50);
        postMessage({ line: `${`${backend} ${label}`.padEnd(34)} ${fmt(m)}` });
      } catch (e) {
        postMessage({ line: `${backend} ${label}: failed (${(e as Error).message})` });
      }
    }
  }
  postMessage({ done: true });
}

void main();
