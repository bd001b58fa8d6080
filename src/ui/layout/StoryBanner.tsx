/**
 * The loaded preset's story ("what to watch") above the grid, until the world is edited or dismissed.
 * `StorySpace` keeps the room of the last story shown in the slot above the grid after it goes (until
 * the world changes size, which resizes the grid anyway), so that an edit dropping the story never
 * moves the grid under the pointer.
 */
import { useState } from 'react';
import { useConfigStore } from '../../store/configStore';
import { clearStory } from '../../store/story';
import { useUiStore, type Story } from '../../store/uiStore';

function StoryText({ story }: { story: Story }) {
  return (
    <div className="story-text">
      <span>
        <strong>{story.title}</strong>
        {story.caption[0]}
      </span>
      <span className="story-watch">
        <b>Watch:</b> {story.caption[1]}
      </span>
    </div>
  );
}

export function StoryBanner() {
  const story = useUiStore((s) => s.story);
  if (!story) return null;
  return (
    <section className="story-banner" aria-label="What to watch" data-testid="story-banner">
      <StoryText story={story} />
      <button
        type="button"
        className="story-close"
        onClick={clearStory}
        aria-label="Dismiss the preset's story"
        title="Hide this story (it also goes away when you edit the world)"
      >
        ×
      </button>
    </section>
  );
}

/** The last story, invisible: the room it took, kept while the world keeps its size. */
export function StorySpace() {
  const story = useUiStore((s) => s.story);
  const size = useConfigStore((s) => `${s.config.env.grid[0].length}x${s.config.env.grid.length}`);
  const [kept, setKept] = useState<{ story: Story; size: string } | null>(null);
  if (story && (kept?.story !== story || kept.size !== size)) setKept({ story, size });
  else if (!story && kept && kept.size !== size) setKept(null);
  if (!kept) return null;
  return (
    <div className="story-banner reserve" aria-hidden="true" inert>
      <StoryText story={kept.story} />
      <button type="button" className="story-close" tabIndex={-1}>
        ×
      </button>
    </div>
  );
}
