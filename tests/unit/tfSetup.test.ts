// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  autoCandidates,
  autoChoice,
  chooseBackend,
  PROBE_MACS,
  probeBackends,
  probeLayers,
  probeShape,
  setupBackend,
  type BackendName,
} from '../../src/rl/neural/tfSetup';

describe("'auto' backend choice", () => {
  it('keeps wasm on near ties and takes a clearly faster backend', () => {
    expect(
      chooseBackend([
        { name: 'wasm', ms: 0.5 },
        { name: 'cpu', ms: 0.45 },
      ]),
    ).toBe('wasm');
    // A big network on a real GPU: WebGL several times faster than wasm.
    expect(
      chooseBackend([
        { name: 'wasm', ms: 40 },
        { name: 'webgl', ms: 6 },
        { name: 'cpu', ms: 300 },
      ]),
    ).toBe('webgl');
    // A small network: WebGL's uploads and read-backs cost more than the arithmetic.
    expect(
      chooseBackend([
        { name: 'wasm', ms: 0.2 },
        { name: 'webgl', ms: 1.5 },
        { name: 'cpu', ms: 1.1 },
      ]),
    ).toBe('wasm');
    expect(
      chooseBackend(
        [
          { name: 'wasm', ms: 1.2 },
          { name: 'cpu', ms: 1 },
        ],
        1.1,
      ),
    ).toBe('cpu');
  });

  it('skips backends that did not run, and says null when none did', () => {
    expect(
      chooseBackend([
        { name: 'wasm', ms: null },
        { name: 'webgl', ms: 3 },
        { name: 'cpu', ms: 2 },
      ]),
    ).toBe('cpu');
    expect(
      chooseBackend([
        { name: 'wasm', ms: NaN },
        { name: 'cpu', ms: 5 },
      ]),
    ).toBe('cpu');
    expect(chooseBackend([{ name: 'wasm', ms: null }])).toBeNull();
    expect(chooseBackend([])).toBeNull();
  });

  it('measures every candidate in order; a failing measurement counts as unavailable', async () => {
    const fake: Record<BackendName, number | Error | null> = {
      wasm: new Error('no wasm here'),
      webgl: 4,
      cpu: 9,
    };
    const asked: BackendName[] = [];
    const r = await probeBackends(['wasm', 'webgl', 'cpu'], async (name) => {
      asked.push(name);
      const v = fake[name];
      if (v instanceof Error) throw v;
      return v;
    });
    expect(asked).toEqual(['wasm', 'webgl', 'cpu']);
    expect(r.timings).toEqual([
      { name: 'wasm', ms: null },
      { name: 'webgl', ms: 4 },
      { name: 'cpu', ms: 9 },
    ]);
    expect(r.choice).toBe('webgl');
  });

  it('offers webgl only where a WebGL context can be made (never in Node)', () => {
    expect(autoCandidates()).toEqual(['wasm', 'cpu']);
    expect(autoCandidates(false)).toEqual(['wasm', 'cpu']);
    expect(autoCandidates(true)).toEqual(['wasm', 'webgl', 'cpu']);
  });

  it("probes each agent's update shape, large ones on fewer rows", () => {
    const dqn = { type: 'dqn' as const, hidden: [64, 64], batchSize: 32, doubleDqn: true };
    expect(probeShape(dqn, 100)).toEqual({ hidden: [64, 64], outputs: 4, rows: 64 });
    expect(probeShape({ type: 'actor-critic', hidden: [32], nSteps: 8 }, 100).rows).toBe(8);
    expect(probeShape({ type: 'reinforce', hidden: [32] }, 250).rows).toBe(250);
    expect(probeLayers({ hidden: [64, 64], outputs: 4, rows: 64 })).toEqual({ sizes: [64, 64, 4], rows: 64 });
    const big = probeLayers({ hidden: [512, 512, 512, 512], outputs: 4, rows: 1024 });
    expect(big.rows * 512 * 512).toBeLessThanOrEqual(PROBE_MACS);
    expect(big.rows).toBeGreaterThan(0);
  });

  it('in Node: probes wasm and cpu once per shape, and keeps the choice for the process', async () => {
    const shape = { hidden: [24, 24], outputs: 4, rows: 16 };
    expect(autoChoice(shape)).toBeUndefined();
    const first = await setupBackend('auto', shape);
    expect(['wasm', 'cpu']).toContain(first);
    const probed = autoChoice(shape)!;
    expect(probed.choice).toBe(first);
    expect(probed.timings.map((t) => t.name)).toEqual(['wasm', 'cpu']);
    for (const t of probed.timings) expect(t.ms).toBeGreaterThan(0);
    await setupBackend('cpu');
    // Asked again: the cached choice, no new probe.
    expect(await setupBackend('auto', shape)).toBe(first);
    expect(autoChoice(shape)).toBe(probed);
  });
});
