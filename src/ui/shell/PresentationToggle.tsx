/** The presentation-mode switch (large type and high contrast for a projector). */
import { usePresentationMode } from '../../store/presentationMode';

export function PresentationToggle() {
  const [on, setOn] = usePresentationMode();
  return (
    <button
      type="button"
      className="presentation-toggle"
      aria-pressed={on}
      aria-keyshortcuts="P"
      title={
        on
          ? 'Leave presentation mode (P)'
          : 'Presentation mode: large type and high contrast for a projector (P)'
      }
      onClick={() => setOn(!on)}
    >
      <span aria-hidden="true">▣ </span>Present
    </button>
  );
}
