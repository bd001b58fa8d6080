/**
 * Embed mode (`#embed=1&c=...`, for an iframe): only the grid and the charts, the run controls unless
 * the link says `controls=0`, a line naming the lesson when the link has one (its title and first
 * caption line, the whole story in its tooltip), and a link to open the same world in the full playground.
 */
import type { ReactNode } from 'react';
import { useConfigStore } from '../../store/configStore';
import { shareLinkFor } from '../../store/shareActions';
import { useShareFlags } from '../../store/shareState';
import { useUiStore } from '../../store/uiStore';
import './embed.css';

export interface EmbedLayoutProps {
  grid: ReactNode;
  chart: ReactNode;
  /** The run controls (shown unless the link has controls=0). */
  controls?: ReactNode;
}

export function EmbedLayout({ grid, chart, controls }: EmbedLayoutProps) {
  const flags = useShareFlags();
  const config = useConfigStore((s) => s.config);
  const full = shareLinkFor(config, window.location.href);
  const story = useUiStore((s) => s.story);
  return (
    <div className="embed-layout">
      <div className="embed-top">
        {flags.controls && controls}
        {story && (
          <p className="embed-lesson" title={`${story.title}: ${story.caption.join(' ')}`}>
            <strong>{story.title}</strong> {story.caption[0]}
          </p>
        )}
        <a
          className="embed-open"
          href={full}
          target="_blank"
          rel="noopener noreferrer"
          title="Open this world in the full Gridworld RL Playground (new tab)"
        >
          Open in playground ↗
        </a>
      </div>
      <div className="embed-body">
        <main className="embed-grid" aria-label="Gridworld">
          {grid}
        </main>
        <aside className="embed-chart" aria-label="Learning curves">
          {chart}
        </aside>
      </div>
    </div>
  );
}
