/** The live training charts, sized to the space they get, with a hint until the first episode ends. */
import { useLayoutEffect, useRef, useState } from 'react';
import { useTrainingStore } from '../../store/trainingStore';
import { TrainingCharts } from '../charts/TrainingCharts';

const MIN_HEIGHT = 300;

export function ChartsPanel() {
  const series = useTrainingStore((s) => s.series);
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(420);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setHeight(Math.max(MIN_HEIGHT, Math.floor(el.clientHeight) - 8)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return (
    <section className="charts" aria-label="Training charts">
      <h2 className="panel-title">Learning curves</h2>
      <div className="charts-body" ref={ref} data-testid="charts" data-episodes={series.counters.episodes}>
        <TrainingCharts series={series} height={height} markFirstGoal />
      </div>
    </section>
  );
}
