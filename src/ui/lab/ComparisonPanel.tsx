/** Compare runs: seeds and band controls, the run button with progress, the charts and the table. */
import type { Preset } from '../../config/presets';
import type { Theme } from '../grid/overlay/palette';
import { FirstSuccessChart } from './FirstSuccessChart';
import { cancelComparison, openInPlayground, startComparison } from '../../store/labActions';
import { useLabStore } from '../../store/labStore';
import { poolSize } from '../../store/labPool';
import { ReturnChart } from './ReturnChart';
import { RunBar } from './RunBar';
import { StatsTable } from './StatsTable';
import { SuccessChart } from './SuccessChart';
import { VariantLegend } from './VariantLegend';
import { SeedsField } from './SeedsField';

export function ComparisonPanel(props: { preset: Preset; theme: Theme; big: boolean }) {
  const { preset, theme } = props;
  const run = useLabStore((s) => s.compare);
  const seeds = useLabStore((s) => s.seeds);
  const focus = useLabStore((s) => s.focus);
  const band = useLabStore((s) => s.band);
  const variants = preset.variants ?? [];
  const total = variants.length * seeds;
  const result = run.result;
  const h = props.big ? 360 : 270;
  return (
    <section className="lab-panel" aria-label="Compare runs">
      <div className="lab-controls">
        <h2>Compare runs</h2>
        <SeedsField
          title="Independent runs per variant; every variant gets the same seeds"
          value={seeds}
          onChange={(n) => useLabStore.setState({ seeds: n })}
        />
        <label title="What the shaded band around each mean curve shows">
          Band{' '}
          <select
            value={band}
            onChange={(e) => useLabStore.setState({ band: e.target.value as 'minmax' | 'std' })}
          >
            <option value="minmax">min-max over seeds</option>
            <option value="std">±1 standard deviation</option>
          </select>
        </label>
        <RunBar
          label="Run comparison"
          what="Comparison"
          tip={`${variants.length} variants x ${seeds} seeds = ${total} runs on ${poolSize(total)} workers`}
          run={run}
          disabled={variants.length === 0}
          onRun={startComparison}
          onCancel={cancelComparison}
        />
      </div>
      {variants.length === 0 && (
        <p className="hint">This preset is a single run: open it in the playground.</p>
      )}
      {result && (
        <>
          <VariantLegend
            names={result.variants.map((v) => v.name)}
            focus={focus}
            theme={theme}
            onFocus={(i) => useLabStore.setState({ focus: i })}
          />
          <div className="lab-charts">
            <div className="wide">
              <ReturnChart result={result} band={band} focus={focus} theme={theme} height={h} />
            </div>
            <SuccessChart result={result} focus={focus} theme={theme} height={h - 60} />
            <FirstSuccessChart result={result} theme={theme} height={h - 60} />
          </div>
          <StatsTable result={result} theme={theme} onOpen={(i) => openInPlayground(preset, i)} />
          <p className="muted small">
            {result.variants.length} variants x {result.seeds} seeds x {result.episodes} episodes in{' '}
            {(result.elapsedMs / 1000).toFixed(2)} s.
          </p>
        </>
      )}
      {!result && run.status === 'idle' && variants.length > 0 && (
        <p className="hint">
          Runs {variants.map((v) => v.name).join(', ')}: {total} runs in parallel workers, usually a second or
          two.
        </p>
      )}
    </section>
  );
}
