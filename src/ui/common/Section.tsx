/** A collapsible panel of the sidebar with a heading. */
import type { ReactNode } from 'react';

export function Section(props: {
  title: string;
  tip?: string;
  children: ReactNode;
  defaultOpen?: boolean;
  id?: string;
}) {
  return (
    <details className="section" open={props.defaultOpen ?? true} id={props.id}>
      <summary title={props.tip}>
        <h2>{props.title}</h2>
      </summary>
      <div className="section-body">{props.children}</div>
    </details>
  );
}
