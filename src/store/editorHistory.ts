/**
 * Undo / redo stacks of immutable snapshots. Consecutive edits with the same coalescing key (one paint
 * stroke, one slider drag) within COALESCE_MS become one undo step.
 */
export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 1500;

export class EditorHistory<T> {
  private past: T[] = [];
  private future: T[] = [];
  private lastKey: string | null = null;
  private lastAt = 0;

  constructor(private readonly limit = HISTORY_LIMIT) {}

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Records `previous` (the state before an edit). Clears redo. */
  record(previous: T, key: string | null = null, now = Date.now()): void {
    const merge = key !== null && key === this.lastKey && now - this.lastAt < COALESCE_MS;
    this.lastKey = key;
    this.lastAt = now;
    this.future = [];
    if (merge) return;
    this.past.push(previous);
    if (this.past.length > this.limit) this.past.shift();
  }

  /** The state to go back to from `current`, or null. */
  undo(current: T): T | null {
    return this.travel(this.past, this.future, current);
  }

  /** The state to go forward to from `current` (after an undo), or null. */
  redo(current: T): T | null {
    return this.travel(this.future, this.past, current);
  }

  /** Takes the newest state off `from` and keeps `current` on `to`; ends coalescing. */
  private travel(from: T[], to: T[], current: T): T | null {
    const next = from.pop();
    if (next === undefined) return null;
    to.push(current);
    this.lastKey = null;
    return next;
  }

  /** Ends coalescing (e.g. when a stroke ends) so the next edit starts a new undo step. */
  seal(): void {
    this.lastKey = null;
  }

  clear(): void {
    this.past = [];
    this.future = [];
    this.lastKey = null;
  }
}
