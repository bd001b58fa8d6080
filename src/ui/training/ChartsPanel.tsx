/** The live training charts, sized to the space they get, with a hint until the first episode ends;
 *  the run before the last setting change faded under them (its legend entry removes it), and no
 *  epsilon chart for an agent whose epsilon cannot change. */
import { lazy, Suspense, useLayoutEffect, useRef, useState } from 'react';
import { useFirstInput } from '../common/useFirstInput';
import { useIdlePreloaded } from '../idlePreload';
import { useConfigStore } from '../../store/configStore';
import { dismissPreviousRun } from '../../store/previousRun';
import { epsilonChanges, useTrainingStore } from '../../store/trainingStore';
import { usePlayReturnLines } from '../play/returnLines';
import { PlayStatus } from '../play/PlayStatus';
import { PreviousRunLine } from './StatusLine';

/*
 * recharts is the largest part of the page's code (about 120 kB of the page's gzipped JS) and the charts
 * have nothing to draw until a run starts, so their chunk is not part of the first load: it is fetched
 * at the visitor's first press of a key or pointer anywhere on the page (whichever control it is, the
 * charts are then on their way before Play is pressed, and mounted while still empty), or as soon as
 * there are episodes to show. Until then a box of the charts' size holds their place, with the same
 * "press Play" hint, so nothing moves when they arrive.
 */
const TrainingCharts = lazy(() =>
  import('../charts/TrainingCharts').then((m) => ({ default: m.TrainingCharts })),
);

const MIN_HEIGHT = 300;
/** The charts' place while their chunk is not loaded: their size, and the hint the empty charts show. */
function ChartsPlaceholder({ height }: { height: number }) {
  return (
    <div
      className="charts-loading"
      aria-busy="true"
      // The hint about where the charts' own sits: over the first (top) chart's plot.
      style={{
        minHeight: height,
        display: 'flex',
        alignItems: 'flex-start',
        justifyContent: 'center',
        paddingTop: Math.round(height / 8),
      }}
    >
      <span role="status" style={{ opacity: 0.75 }}>
        No episodes yet: press Play
      </span>
    </div>
  );
}

export function ChartsPanel() {
  const series = useTrainingStore((s) => s.series);
  const previous = useTrainingStore((s) => s.previous);
  const showEpsilon = useConfigStore((s) => epsilonChanges(s.config.agent));
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(420);
  // Also once the page has fetched the chunk while idle (main.tsx), so the first Play does not mount them.
  const preloaded = useIdlePreloaded('charts');
  const show = useFirstInput('charts', series.counters.episodes > 0 || preloaded);
  const returnLines = usePlayReturnLines();
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setHeight(Math.max(MIN_HEIGHT, Math.floor(el.clientHeight) - 8)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const placeholder = <ChartsPlaceholder height={height} />;
  return (
    <section className="charts" aria-label="Training charts">
      <h2 className="panel-title">Learning curves</h2>
      {/* Lines that come and go with the run (your best, the previous run): here, beside the charts they
          describe, not under the status tiles, where they would move the grid. */}
      <PlayStatus />
      <PreviousRunLine />
      <div className="charts-body" ref={ref} data-testid="charts" data-episodes={series.counters.episodes}>
        {show ? (
          <Suspense fallback={placeholder}>
            <TrainingCharts
              series={series}
              height={height}
              markFirstGoal
              previous={previous}
              onDismissPrevious={dismissPreviousRun}
              showEpsilon={showEpsilon}
              returnLines={returnLines}
            />
          </Suspense>
        ) : (
          placeholder
        )}
      </div>
    </section>
  );
}
