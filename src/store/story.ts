/**
 * Presets in the playground: `loadPreset` puts a preset's config in the config store (undoable, like any
 * edit) and shows its story ("what to watch") above the grid; `showStory` shows the story of a preset
 * that was just loaded some other way (the lab's "Open in playground"). The story stays until the world
 * (config.env) changes: an edit, an undo, another preset. Agent and training tweaks keep it, since the
 * captions invite exactly those experiments. `showLesson` shows a built-in preset's story by its id (a
 * link's `lesson=`), again only on that preset's world.
 */
import { getPreset } from '../config/presets';
import type { Config } from '../config/schema';
import { useConfigStore } from './configStore';
import { useUiStore, type Story } from './uiStore';

export interface StoryPreset extends Story {
  config: Config;
}

/** The world the current story belongs to (JSON of config.env), or null. */
let storyEnv: string | null = null;
let unsubscribe: (() => void) | null = null;

function watchConfig(): void {
  unsubscribe ??= useConfigStore.subscribe((s, prev) => {
    if (s.config.env === prev.config.env || storyEnv === null) return;
    if (JSON.stringify(s.config.env) !== storyEnv) clearStory();
  });
}

/** Shows the story of `p` if the playground's world is `p`'s; returns whether it did. */
export function showStory(p: StoryPreset): boolean {
  const env = JSON.stringify(useConfigStore.getState().config.env);
  if (env !== JSON.stringify(p.config.env)) return false;
  watchConfig();
  storyEnv = env;
  useUiStore.getState().setStory({ id: p.id, title: p.title, caption: p.caption });
  return true;
}

/**
 * Shows the story of the built-in preset `id` (null: no story) if the playground's world is that
 * preset's; otherwise, or for an unknown id, no story shows. Returns whether one shows.
 */
export function showLesson(id: string | null): boolean {
  const current = useUiStore.getState().story;
  const env = JSON.stringify(useConfigStore.getState().config.env);
  if (id !== null && current?.id === id && storyEnv === env) return true;
  const p = id === null ? undefined : getPreset(id);
  if (p && showStory(p)) return true;
  clearStory();
  return false;
}

export function clearStory(): void {
  storyEnv = null;
  if (useUiStore.getState().story) useUiStore.getState().setStory(null);
}

/** Loads `p`'s config into the playground (one undo step) and shows its story. */
export function loadPreset(p: StoryPreset): boolean {
  clearStory();
  const r = useConfigStore.getState().setConfig(p.config, { reason: `Loaded the preset “${p.title}”` });
  if (!r.ok) return false;
  return showStory(p);
}
