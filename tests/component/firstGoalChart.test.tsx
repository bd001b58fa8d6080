import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildChartData } from '../../src/ui/charts/chartData';
import { TrainingCharts } from '../../src/ui/charts/TrainingCharts';
import { summaryOf } from '../unit/helpers';

afterEach(cleanup);

/** `count` episodes, successful from episode `first` (1-based) on, or never when first is null. */
function series(count: number, first: number | null) {
  return summaryOf(count, (i) => {
    const ok = first !== null && i + 1 >= first;
    return { success: ok, ret: ok ? 1 : 0, steps: ok ? 20 : 100, eps: 0.1 };
  });
}

const texts = (c: HTMLElement) => [...c.querySelectorAll('text')].map((t) => t.textContent ?? '');

describe('first goal on the return chart', () => {
  it('finds the first successful episode', () => {
    expect(buildChartData(series(50, 17)).firstSuccess).toBe(17);
    expect(buildChartData(series(50, null)).firstSuccess).toBeNull();
    expect(buildChartData(series(0, null)).firstSuccess).toBeNull();
  });

  it('marks the first goal and shades the episodes before it as "no signal yet"', () => {
    const { container } = render(<TrainingCharts series={series(60, 30)} theme="light" markFirstGoal />);
    const t = texts(container);
    expect(t.filter((x) => x === 'first goal')).toHaveLength(1);
    expect(t.filter((x) => x === 'no signal yet')).toHaveLength(1);
    expect(container.querySelectorAll('.recharts-reference-line')).toHaveLength(1);
    expect(container.querySelectorAll('.recharts-reference-area')).toHaveLength(1);
  });

  it('shades everything while no episode has reached a goal', () => {
    const { container } = render(<TrainingCharts series={series(40, null)} theme="light" markFirstGoal />);
    expect(texts(container)).toContain('no signal yet');
    expect(texts(container)).not.toContain('first goal');
  });

  it('says "no goal yet" when other rewards came before the first goal (e.g. a bonus)', () => {
    const s = summaryOf(60, (i) => ({ success: i >= 29, ret: i >= 29 ? 1 : i === 4 ? 0.5 : 0, steps: 50 }));
    const { container } = render(<TrainingCharts series={s} theme="light" markFirstGoal />);
    expect(texts(container)).toContain('no goal yet');
    expect(texts(container)).not.toContain('no signal yet');
    expect(buildChartData(s).rewardBeforeGoal).toBe(true);
    expect(buildChartData(series(60, 30)).rewardBeforeGoal).toBe(false);
  });

  it('draws no marks unless asked', () => {
    const { container } = render(<TrainingCharts series={series(60, 30)} theme="light" />);
    expect(texts(container)).not.toContain('first goal');
    expect(container.querySelectorAll('.recharts-reference-area')).toHaveLength(0);
  });
});
