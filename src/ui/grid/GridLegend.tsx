/**
 * The "Legend" button among the overlay switches: its list (GridLegendList.tsx, what every symbol on the
 * grid means) floats over the grid (placed by the nearest positioned ancestor, the switches' row), so
 * opening it moves nothing. The list loads the first time it opens.
 */
import { lazy, Suspense, useEffect, useId, useRef, useState, type CSSProperties } from 'react';

const GridLegendList = lazy(() => import('./GridLegendList').then((m) => ({ default: m.GridLegendList })));

const panelStyle: CSSProperties = {
  position: 'absolute',
  left: 0,
  bottom: 'calc(100% + 6px)',
  zIndex: 20,
  width: 'min(40em, calc(100vw - 32px))',
  maxHeight: '70vh',
  overflow: 'auto',
  padding: '10px 12px',
  background: 'var(--surface, #fff)',
  color: 'var(--text, inherit)',
  border: '1px solid var(--border, #999)',
  borderRadius: 'var(--radius, 6px)',
  boxShadow: '0 8px 24px rgb(0 0 0 / 18%)',
};

export function GridLegend() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="link grid-legend-button"
        aria-expanded={open}
        aria-controls={id}
        title="What every symbol on the grid means"
        onClick={() => setOpen((o) => !o)}
      >
        Legend
      </button>
      {open && (
        <div id={id} role="region" aria-label="Legend" className="grid-legend" style={panelStyle}>
          <Suspense fallback="Loading the legend…">
            <GridLegendList />
          </Suspense>
        </div>
      )}
    </>
  );
}
