import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPreset } from '../../src/config/presets';
import { runBudgetJob } from '../../src/rl/lab/budget';
import { runJob } from '../../src/rl/lab/runJob';
import { runSweepJob } from '../../src/rl/lab/sweep';
import { resetConfigStore, useConfigStore } from '../../src/store/configStore';
import { useUiStore } from '../../src/store/uiStore';
import { LabView } from '../../src/ui/lab/LabView';
import { setLabWorkerFactory, type LabWorkerLike } from '../../src/store/labPool';
import { resetLabStore, useLabStore } from '../../src/store/labStore';
import { selectPreset } from '../../src/store/labActions';
import { niceAxis, stepDecimals } from '../../src/ui/charts/niceTicks';
import { firstSuccessHistogram, roundBins } from '../../src/ui/lab/chartRows';
import { binLabelLines, binTickLayout } from '../../src/ui/lab/FirstSuccessChart';
import type { FromLabWorker, ToLabWorker } from '../../src/worker/labProtocol';

type Mode = 'run' | 'hang' | 'fail';
let created = 0;
let terminated = 0;

/** Runs each task in-process, answering on a later tick like a real worker. */
function fakeWorker(mode: Mode): LabWorkerLike {
  created++;
  const w: LabWorkerLike = {
    onmessage: null,
    onerror: null,
    terminate: () => void terminated++,
    postMessage(msg: ToLabWorker) {
      if (mode === 'hang') return;
      setTimeout(() => {
        let out: FromLabWorker;
        if (mode === 'fail') out = { type: 'error', id: msg.id, message: 'out of memory' };
        else if (msg.task.kind === 'compare')
          out = { type: 'done', id: msg.id, outcome: { kind: 'compare', run: runJob(msg.task.config) } };
        else if (msg.task.kind === 'sweep')
          out = { type: 'done', id: msg.id, outcome: { kind: 'sweep', run: runSweepJob(msg.task.job) } };
        else out = { type: 'done', id: msg.id, outcome: { kind: 'budget', run: runBudgetJob(msg.task.job) } };
        w.onmessage?.({ data: out } as MessageEvent<FromLabWorker>);
      }, 0);
    },
  };
  return w;
}

beforeEach(() => {
  resetLabStore();
  resetConfigStore();
  created = 0;
  terminated = 0;
  useLabStore.setState({ seeds: 3 });
});
afterEach(() => {
  cleanup();
  setLabWorkerFactory(null);
});

describe('lab view', () => {
  it("shows the presets with the chosen one's two-line story and the fixes", () => {
    render(<LabView />);
    expect(screen.getByRole('radio', { name: /Needle in a haystack/ })).toBeChecked();
    expect(screen.getByRole('heading', { name: 'Needle in a haystack' })).toBeInTheDocument();
    for (const line of getPreset('needle')!.caption) expect(screen.getByText(line)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: /Cliff walk/ }));
    expect(screen.getByRole('heading', { name: 'Cliff walk' })).toBeInTheDocument();
    expect(screen.getByText(/Potential-based shaping/)).toBeInTheDocument();
    expect(screen.getByText(/β\/√N\(s′\) − β/)).toBeInTheDocument();
  });

  it('runs the comparison on workers and shows charts and per-variant statistics', async () => {
    setLabWorkerFactory(() => fakeWorker('run'));
    render(<LabView />);
    fireEvent.click(screen.getByRole('button', { name: 'Run comparison' }));
    const table = await screen.findByRole('table', { name: 'Statistics per variant' }, { timeout: 10_000 });
    const rows = within(table).getAllByRole('row').filter((r) => r.closest('tbody'));
    expect(rows.map((r) => r.getAttribute('data-variant'))).toEqual([
      'Plain Q-learning',
      'Potential shaping',
      'Count bonus',
      'Optimistic init',
    ]);
    const median = (name: string) => {
      const v = rows.find((r) => r.getAttribute('data-variant') === name)!.getAttribute('data-first-median')!;
      return v === 'never' ? Infinity : Number(v);
    };
    expect(median('Potential shaping')).toBeLessThan(median('Plain Q-learning'));
    expect(screen.getByRole('figure', { name: 'Return per episode' })).toBeInTheDocument();
    expect(screen.getByRole('figure', { name: /First success/ })).toBeInTheDocument();
    expect(created).toBeGreaterThanOrEqual(1);
    expect(created).toBeLessThanOrEqual(4);
    // Focusing a variant is a pressed legend button.
    fireEvent.click(screen.getByRole('button', { name: 'Count bonus' }));
    expect(screen.getByRole('button', { name: 'Count bonus' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('shows progress while running, cancels, and stops the workers', async () => {
    setLabWorkerFactory(() => fakeWorker('hang'));
    render(<LabView />);
    fireEvent.click(screen.getByRole('button', { name: 'Run comparison' }));
    expect(screen.getByText('0 / 12 runs')).toBeInTheDocument();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel' })));
    expect(await screen.findByText(/Cancelled after 0 of 12 runs/)).toBeInTheDocument();
    expect(terminated).toBe(created);
  });

  it('reports a worker failure in words', async () => {
    setLabWorkerFactory(() => fakeWorker('fail'));
    render(<LabView />);
    fireEvent.click(screen.getByRole('button', { name: 'Run comparison' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The comparison failed: out of memory');
  });

  it('runs the sweep and tabulates steps to first success per distance', async () => {
    setLabWorkerFactory(() => fakeWorker('run'));
    act(() => selectPreset('dense-vs-sparse'));
    render(<LabView />);
    fireEvent.change(screen.getByRole('combobox', { name: /Agent/ }), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run sweep' }));
    const table = await screen.findByRole('table', { name: 'Sweep statistics' }, { timeout: 10_000 });
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(3);
    expect(within(table).getByRole('columnheader', { name: 'Step cost -0.01: steps' })).toBeInTheDocument();
  });

  it('opens a preset, or one of its variants, in the playground', async () => {
    setLabWorkerFactory(() => fakeWorker('run'));
    useUiStore.setState({ view: 'lab' });
    render(<LabView />);
    fireEvent.click(screen.getByRole('button', { name: 'Open in playground' }));
    expect(useConfigStore.getState().config).toEqual(getPreset('needle')!.config);
    expect(useUiStore.getState().view).toBe('playground');
    fireEvent.click(screen.getByRole('button', { name: 'Run comparison' }));
    const table = await screen.findByRole('table', { name: 'Statistics per variant' }, { timeout: 10_000 });
    fireEvent.click(within(table).getAllByRole('button', { name: 'Open' })[3]);
    expect(useConfigStore.getState().config.agent).toMatchObject({ type: 'q-learning', qInit: 1 });
  });
});

describe('lab chart axes', () => {
  const decimals = (label: string) => label.split('.')[1]?.length ?? 0;

  it('y ticks are round and carry the same decimals: 0.00 0.25 … 1.25, not 0.00 0.30 0.60 0.90 1.1', () => {
    const y = niceAxis(0, 1.14);
    expect(y.ticks.map(y.format)).toEqual(['0.00', '0.25', '0.50', '0.75', '1.00', '1.25']);
    expect(y.domain).toEqual([0, 1.25]);
    for (const [lo, hi] of [
      [-1, 1],
      [-0.37, 0.92],
      [0, 0.3],
      [-120, 15],
      [0, 7],
      [2, 2],
    ]) {
      const a = niceAxis(lo, hi);
      const labels = a.ticks.map(a.format);
      expect(new Set(labels.map(decimals)).size, labels.join(' ')).toBe(1);
      expect(a.domain[0]).toBeLessThanOrEqual(lo);
      expect(a.domain[1]).toBeGreaterThanOrEqual(hi);
      expect(labels).not.toContain('-0.00');
    }
    expect([1, 0.5, 0.25, 0.2, 20, 2.5, 0.1 + 0.2].map(stepDecimals)).toEqual([0, 1, 2, 1, 0, 1, 1]);
  });

  it('first-success bins have round widths where they can, and their labels never share space', () => {
    expect(roundBins(300)).toBe(6);
    expect(roundBins(1000)).toBe(5);
    expect(roundBins(150)).toBe(8); // no round width splits 150 evenly here: the plain 8 bins
    const labels = ['1–50', '51–100', '101–150', '151–200', '201–250', '251–300', 'never'];
    expect(binLabelLines('151–200', true)).toEqual(['151–', '200']);
    expect(binLabelLines('never', true)).toEqual(['never']);
    // Wide bars: one line; narrower: two lines, all shown; narrower still: every k-th label.
    expect(binTickLayout(labels, 80)).toMatchObject({ twoLines: false, interval: 0 });
    expect(binTickLayout(labels, 50)).toMatchObject({ twoLines: true, interval: 0 });
    const tight = binTickLayout(labels, 20);
    expect(tight.twoLines).toBe(true);
    expect(tight.interval).toBeGreaterThan(0);
    // The drawn labels (every interval+1-th) are at least as far apart as the widest one needs.
    const widest = Math.max(...labels.flatMap((l) => binLabelLines(l, true)).map((l) => l.length));
    expect((tight.interval + 1) * 20).toBeGreaterThanOrEqual(widest * 0.6 * 12);
    expect(binTickLayout(labels, 50).axisHeight).toBeGreaterThan(binTickLayout(labels, 80).axisHeight);
  });

  it('the comparison charts draw those ticks: histogram bins 1–50 … never, equal decimals on the return axis', async () => {
    setLabWorkerFactory(() => fakeWorker('run'));
    render(<LabView />);
    fireEvent.click(screen.getByRole('button', { name: 'Run comparison' }));
    await screen.findByRole('table', { name: 'Statistics per variant' }, { timeout: 10_000 });
    const result = useLabStore.getState().compare.result!;
    const bins = firstSuccessHistogram(result).map((r) => r.bin);
    expect(bins[0]).toMatch(/^1–\d+$/);
    expect(bins.at(-1)).toBe('never');
    const returns = screen.getByRole('figure', { name: 'Return per episode' });
    const ticks = [...returns.querySelectorAll('text.lab-y-tick')].map((t) => t.textContent ?? '');
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ticks.map(decimals)).size, ticks.join(' ')).toBe(1);
    const histogram = screen.getByRole('figure', { name: /First success/ });
    const drawn = [...histogram.querySelectorAll('text.bin-tick')].map((t) => t.textContent);
    expect(drawn.length).toBeGreaterThanOrEqual(3);
    expect(drawn.at(-1)).toBe('never');
  });
});
