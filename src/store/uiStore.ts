/**
 * UI state that is not part of the config: the view, the paint tool, the selected cell, which overlays
 * show, the one notice at a time (refused edits, "training was reset", worker trouble) and the loaded
 * preset's story.
 */
import { create } from 'zustand';

export type Tool = 'wall' | 'goal' | 'pit' | 'cliff' | 'bonus' | 'start' | 'eraser' | 'inspect';
export type View = 'playground' | 'lab';
export type VisitsMode = 'off' | 'episode' | 'all';

/** Same shape as GridOverlay's `show` prop. */
export interface OverlayShow {
  values: boolean;
  policy: boolean;
  q: boolean;
  visits: VisitsMode;
  trail: boolean;
  /** The path the greedy policy would follow from the start (drawn dashed, described under the grid). */
  greedy: boolean;
  /** With potential shaping: colour by the values the agent learned (the shaped ones) instead of what
   *  the world pays. */
  shaped: boolean;
  /** A search agent's last search: where it looked and the line it chose. */
  search: boolean;
}

/** A preset's story shown above the playground's grid ("what to watch") until the world is edited. */
export interface Story {
  /** The preset's id (the playground's preset picker shows it as chosen). */
  id: string;
  title: string;
  caption: readonly [string, string];
}

export interface Notice {
  id: number;
  kind: 'info' | 'warn' | 'error';
  text: string;
}

export interface Cell {
  x: number;
  y: number;
}

export interface UiState {
  view: View;
  tool: Tool;
  /** The cell the inspector shows (last clicked or focused). */
  selected: Cell | null;
  show: OverlayShow;
  notice: Notice | null;
  /** The loaded preset's story (see src/store/story.ts, which sets and clears it). */
  story: Story | null;
  setView(view: View): void;
  setTool(tool: Tool): void;
  select(cell: Cell | null): void;
  setShow(patch: Partial<OverlayShow>): void;
  /** Shows a message (replacing the current one); returns its id. */
  notify(kind: Notice['kind'], text: string): number;
  /** Hides the notice (only if it is still `id`, when given). */
  dismiss(id?: number): void;
  setStory(story: Story | null): void;
}

export const DEFAULT_SHOW: OverlayShow = {
  values: true,
  policy: true,
  q: false,
  visits: 'off',
  trail: true,
  greedy: false,
  shaped: false,
  search: false,
};

let nextNoticeId = 1;

export const useUiStore = create<UiState>()((set, get) => ({
  view: 'playground',
  tool: 'wall',
  selected: null,
  show: DEFAULT_SHOW,
  notice: null,
  story: null,
  setView: (view) => set({ view }),
  setTool: (tool) => set({ tool }),
  select: (selected) => {
    const cur = get().selected;
    if (cur && selected && cur.x === selected.x && cur.y === selected.y) return;
    set({ selected });
  },
  setShow: (patch) => set({ show: { ...get().show, ...patch } }),
  notify: (kind, text) => {
    const id = nextNoticeId++;
    set({ notice: { id, kind, text } });
    return id;
  },
  dismiss: (id) => {
    const n = get().notice;
    if (n && (id === undefined || n.id === id)) set({ notice: null });
  },
  setStory: (story) => set({ story }),
}));
