import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TrainingCharts } from '../../src/ui/charts/TrainingCharts';
import { summaryOf } from '../unit/helpers';

afterEach(cleanup);

function series(count: number) {
  return summaryOf(count, (i) => ({
    success: i % 3 === 0,
    ret: i % 3 === 0 ? 1 - i / count : -0.2,
    steps: 200 - Math.floor((150 * i) / count),
    eps: Math.max(0.05, 1 - i / count),
  }));
}

/** Vertices of the first chart's bold line (the moving average of the return). */
function vertices(container: HTMLElement): number {
  const d = container.querySelector('path.recharts-line-curve[stroke-width="2.5"]')?.getAttribute('d') ?? '';
  return (d.match(/[ML]/g) ?? []).length;
}

describe('TrainingCharts', () => {
  it('shows the empty state when there are no episodes', () => {
    render(<TrainingCharts series={series(0)} theme="light" />);
    expect(screen.getByRole('status')).toHaveTextContent('No episodes yet: press Play');
    // The charts stay mounted (empty) under the message, so the first episode updates rather than mounts them.
    expect(document.querySelectorAll('svg.recharts-surface')).toHaveLength(4);
    expect(document.querySelector('.recharts-line-curve')?.getAttribute('d') ?? '').toBe('');
  });

  it('renders four charts with titles and axis labels', () => {
    const { container } = render(<TrainingCharts series={series(50)} height={400} theme="light" />);
    expect(screen.queryByRole('status')).toBeNull();
    for (const title of ['Return per episode', 'Steps per episode', 'Success rate (%)', 'Exploration ε'])
      expect(screen.getByRole('figure', { name: title })).toBeInTheDocument();
    expect(container.querySelectorAll('svg.recharts-surface')).toHaveLength(4);
    expect(screen.getAllByText('Episode')).toHaveLength(4);
    for (const label of ['Return', 'Steps', 'Success', 'ε'])
      expect(screen.getAllByText(label).length).toBeGreaterThan(0);
    // One episode per point: the bold line of the return chart passes through all 50 episodes.
    expect(vertices(container)).toBe(50);
  });

  it('stays bounded with 100,000 episodes (downsampled lines)', () => {
    const { container } = render(<TrainingCharts series={series(100_000)} theme="dark" />);
    expect(container.querySelectorAll('svg.recharts-surface')).toHaveLength(4);
    expect(vertices(container)).toBeGreaterThan(150);
    expect(vertices(container)).toBeLessThanOrEqual(200);
    expect(screen.getAllByText(/avg of 5k/).length).toBeGreaterThan(0);
  });

  it('recomputes when the version changes', () => {
    const s = series(10);
    const { rerender } = render(<TrainingCharts series={s} theme="light" />);
    expect(screen.queryByRole('status')).toBeNull();
    const before = document.querySelector('.recharts-line-curve')?.getAttribute('d');
    const more = summaryOf(20, (i) => ({ ret: i < 10 ? -0.2 : 5, steps: 100, success: false }));
    rerender(<TrainingCharts series={{ ...more, version: 2 }} theme="light" />);
    const after = document.querySelector('.recharts-line-curve')?.getAttribute('d');
    expect(after).not.toBe(before);
  });
});
