/** The loaded preset's story ("what to watch") above the grid, until the world is edited or dismissed. */
import { clearStory } from '../../store/story';
import { useUiStore } from '../../store/uiStore';

export function StoryBanner() {
  const story = useUiStore((s) => s.story);
  if (!story) return null;
  return (
    <section className="story-banner" aria-label="What to watch" data-testid="story-banner">
      <div className="story-text">
        <span>
          <strong>{story.title}</strong>
          {story.caption[0]}
        </span>
        <span className="story-watch">
          <b>Watch:</b> {story.caption[1]}
        </span>
      </div>
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
