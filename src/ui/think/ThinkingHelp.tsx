/** A "?" that opens the thinking notes in a small popover (a disclosure: Esc or the "?" closes it). */
import { useRef } from 'react';
import { ThinkingNotes } from './ThinkingNotes';

export function ThinkingHelp() {
  const ref = useRef<HTMLDetailsElement>(null);
  return (
    <details
      className="think-help"
      ref={ref}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && ref.current?.open) {
          ref.current.open = false;
          ref.current.querySelector('summary')?.focus();
        }
      }}
    >
      <summary title="What does thinking buy, and where does it stop?" aria-label="What does thinking buy?">
        ?
      </summary>
      <div className="think-popover">
        <ThinkingNotes compact />
      </div>
    </details>
  );
}
