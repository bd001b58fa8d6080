// @vitest-environment node
/**
 * DQN's fast update (cellPass.ts): its gradients are MlpPass's (which neuralGradients.test.ts checks
 * against tfjs's tape) on batches that repeat cells, and the default DQN still learns the open 8 x 8
 * room's shortest path (14 steps) on seeds 1-3 (the run `npm run bench -- dqn` times).
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/schema';
import { compileGrid, isActive, N_ACTIONS } from '../../src/rl/grid';
import { CellPass, cellPassFits } from '../../src/rl/neural/cellPass';
import { huberTd } from '../../src/rl/neural/losses';
import { Mlp } from '../../src/rl/neural/mlp';
import { MlpPass } from '../../src/rl/neural/mlpPass';
import { CellInputs, createEncoder } from '../../src/rl/neural/observations';
import { setupBackend, tidyOn } from '../../src/rl/neural/tfSetup';
import { Rng } from '../../src/rl/rng';
import { createTrainer } from '../../src/rl/trainer';
import { open8x8 } from '../../scripts/bench/dqn';

describe('CellPass', () => {
  it('runs the default 64-64 DQN on any grid, not 128-128', () => {
    expect(cellPassFits([64, 64, 64, 4], 64, 64)).toBe(true);
    expect(cellPassFits([2500, 64, 64, 4], 64, 2500)).toBe(true);
    expect(cellPassFits([64, 128, 128, 4], 64, 64)).toBe(false);
  });

  it.each([
    { kind: 'one-hot' as const, hidden: [64, 64] },
    { kind: 'local-view' as const, hidden: [32, 16, 8] },
    { kind: 'xy' as const, hidden: [24] },
  ])('gives MlpPass gradients and outputs on $kind, hidden $hidden', async ({ kind, hidden }) => {
    await setupBackend('wasm');
    const r = parseConfig({
      version: 2,
      env: { grid: ['S..#..', '.X....', '..#..$', '....#.', '.C...G'] },
      agent: { type: 'random' },
    });
    if (!r.ok) throw new Error(r.errors.join('; '));
    const g = compileGrid(r.config.env);
    const active = Array.from({ length: g.nStates }, (_, s) => s).filter((s) => isActive(g, s));
    const rng = new Rng(7);
    const inputs = new CellInputs(createEncoder(kind, g), g.nStates);
    const net = new Mlp([inputs.size, ...hidden, N_ACTIONS], rng);
    for (let i = 0; i < net.params.length; i++) net.params[i] += (rng.next() - 0.5) * 0.4;
    const b = 32;
    // 2b rows from few cells, so most repeat; the second half is evaluated only (DQN's next states).
    const cells = Int32Array.from({ length: 2 * b }, () => active[rng.int(8)]);
    const actions = Uint8Array.from({ length: b }, () => rng.int(N_ACTIONS));
    const ys = Float32Array.from({ length: b }, () => rng.next() * 2 - 1);
    const run = (pass: MlpPass | CellPass) => {
      const grad = new Float32Array(net.params.length);
      const dq = new Float32Array(b * N_ACTIONS);
      let out = new Float32Array(0);
      tidyOn('wasm', () => {
        out = pass.forward(cells, 2 * b, b).slice(0, 2 * b * N_ACTIONS);
        huberTd(out, N_ACTIONS, actions, ys, b, dq);
        pass.backward(dq, grad);
      });
      return { out, grad };
    };
    const want = run(new MlpPass(net, inputs));
    const got = run(new CellPass(net, inputs, g.nStates));
    const gap = (a: Float32Array, w: Float32Array) => {
      let scale = 0;
      let d = 0;
      for (let k = 0; k < w.length; k++) {
        scale = Math.max(scale, Math.abs(w[k]));
        d = Math.max(d, Math.abs(a[k] - w[k]));
      }
      expect(scale).toBeGreaterThan(0);
      return d / scale;
    };
    expect(gap(got.out, want.out)).toBeLessThan(1e-5);
    expect(gap(got.grad, want.grad)).toBeLessThan(1e-5);
  });
});

// The first 150 of the bench's 300 episodes: the greedy walk is 14 steps from episode 75 on, on all
// three seeds (it was at every 25th episode checked up to 300).
it('the default DQN walks the open 8 x 8 room in 14 steps after 150 episodes on seeds 1-3', async () => {
  const greedy: string[] = [];
  for (const seed of [1, 2, 3]) {
    const config = open8x8(seed);
    const t = await createTrainer(config);
    for (let e = 0; e < 150; e++) t.runEpisode();
    const g = t.greedyEpisode();
    greedy.push(`${g.success ? 'goal' : 'no goal'} in ${g.steps}`);
    t.agent.dispose();
  }
  expect(greedy).toEqual(['goal in 14', 'goal in 14', 'goal in 14']);
}, 120_000);
