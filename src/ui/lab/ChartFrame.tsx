/** A titled chart figure that measures its own width, so charts fill their grid cell. */
import { useRef, type ReactNode } from 'react';
import { useElementWidth } from '../charts/useElementWidth';

export function ChartFrame(props: {
  title: string;
  note?: string;
  height: number;
  data?: Record<string, string>;
  /** Colour key shown under the title. */
  keyItems?: { label: string; color: string }[];
  children: (width: number) => ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref, 600);
  const data = Object.fromEntries(Object.entries(props.data ?? {}).map(([k, v]) => [`data-${k}`, v]));
  return (
    <figure className="lab-chart" aria-label={props.title} {...data}>
      <figcaption>
        <strong>{props.title}</strong>
        {props.note && <span className="muted">{props.note}</span>}
        {props.keyItems && (
          <span className="chart-key">
            {props.keyItems.map((k) => (
              <span key={k.label}>
                <span className="swatch" style={{ background: k.color }} aria-hidden />
                {k.label}
              </span>
            ))}
          </span>
        )}
      </figcaption>
      <div ref={ref} className="lab-chart-body" style={{ height: props.height }}>
        {props.children(width)}
      </div>
    </figure>
  );
}
