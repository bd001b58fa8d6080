/** State of the sharing features that is not part of the config: URL flags and the startup problems. */
import { create } from 'zustand';
import type { UrlFlags } from './urlFlags';

export interface StartupProblem {
  title: string;
  details: string[];
  /** What is shown instead, e.g. "Showing the default world instead." */
  fallback: string;
  /** What the user can do about it (under "What is wrong with it"). */
  advice: string;
}

export interface ShareState {
  flags: UrlFlags;
  /** A link that could not be opened (or a start-up that failed altogether). */
  problem: StartupProblem | null;
  /** An autosave that could not be opened: whether it was kept aside, and where. */
  autosaveProblem: StartupProblem | null;
  /** Set when localStorage is unavailable (saved configs last only as long as the tab), or a replaced
   * world could not be kept. */
  storageWarning: string | null;
  /** Presentation mode (large type, high contrast, html.presentation). */
  presentation: boolean;
  helpOpen: boolean;
  setHelpOpen(open: boolean): void;
  setProblem(problem: StartupProblem | null): void;
}

export const useShareState = create<ShareState>()((set) => ({
  flags: { embed: false, present: false, controls: true, hasConfig: false },
  problem: null,
  autosaveProblem: null,
  storageWarning: null,
  presentation: false,
  helpOpen: false,
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setProblem: (problem) => set({ problem }),
}));

/** The URL flags the page was opened with (embed mode, controls). */
export function useShareFlags(): UrlFlags {
  return useShareState((s) => s.flags);
}
