/** Colour key of the variants; pressing one puts it in focus (bold line, its "no signal yet" shading). */
import type { Theme } from '../grid/overlay/palette';
import { variantColor } from './labColors';

export function VariantLegend(props: {
  names: string[];
  focus: number;
  theme: Theme;
  onFocus(i: number): void;
}) {
  return (
    <div className="variant-legend" role="group" aria-label="Variants (press one to focus it)">
      {props.names.map((n, i) => (
        <button
          key={n}
          type="button"
          aria-pressed={i === props.focus}
          onClick={() => props.onFocus(i)}
          title={`Focus ${n}: bold line and its "no signal yet" stretch shaded`}
        >
          <span className="swatch" style={{ background: variantColor(i, props.theme) }} aria-hidden />
          {n}
        </button>
      ))}
    </div>
  );
}
