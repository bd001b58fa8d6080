/**
 * The loaded preset's story ("what to watch") above the grid, until the world is edited or dismissed.
 * The slot above the grid is of a fixed height (layout/playground.css): the story shows its first lines
 * there, and "More" opens the whole of it over the top of the grid (the grid never shrinks for a long
 * story). Where the centre has room (a wide screen) the story stands whole in a column beside the grid.
 * `StorySpace` keeps the room of the last story shown in the slot above the grid after it goes (until
 * the world changes size, which resizes the grid anyway), so that an edit dropping the story never
 * moves the grid under the pointer.
 */
import { useId, useState } from 'react';
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
  const [open, setOpen] = useState<Story | null>(null);
  const id = useId();
  if (!story) return null;
  const isOpen = open === story;
  return (
    <section
      className={`story-banner${isOpen ? ' is-open' : ''}`}
      aria-label="What to watch"
      data-testid="story-banner"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && isOpen) setOpen(null);
      }}
    >
      <div id={id} className="story-clip">
        <StoryText story={story} />
      </div>
      <button
        type="button"
        className="story-more"
        aria-expanded={isOpen}
        aria-controls={id}
        onClick={() => setOpen(isOpen ? null : story)}
        title={isOpen ? 'Show only the first lines of the story' : 'Show the whole story (over the grid)'}
      >
        {isOpen ? 'Less' : 'More'}
      </button>
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
      <div className="story-clip">
        <StoryText story={kept.story} />
      </div>
      <button type="button" className="story-more" tabIndex={-1}>
        More
      </button>
      <button type="button" className="story-close" tabIndex={-1}>
        ×
      </button>
    </div>
  );
}
