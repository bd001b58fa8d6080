/** The keyboard shortcuts the help overlay lists (page shortcuts from useShortcuts.ts, then these). */

export interface Shortcut {
  keys: string[];
  action: string;
}

export interface ShortcutGroup {
  title: string;
  items: Shortcut[];
}

export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: 'Training',
    items: [
      { keys: ['Space'], action: 'Play / pause' },
      { keys: ['S'], action: 'One step' },
      { keys: ['E'], action: 'One episode' },
      { keys: ['R'], action: 'Reset the run' },
    ],
  },
  {
    title: 'Editing the world',
    items: [
      { keys: ['1', '…', '8'], action: 'Pick a paint tool' },
      { keys: ['Arrows'], action: 'Move between cells' },
      { keys: ['Enter'], action: 'Paint the focused cell' },
      { keys: ['Ctrl', 'Z'], action: 'Undo' },
      { keys: ['Ctrl', 'Shift', 'Z'], action: 'Redo' },
    ],
  },
  {
    title: 'Play it yourself',
    items: [
      { keys: ['Arrows'], action: 'Move you, while Play it yourself is on' },
      { keys: ['W', 'A', 'S', 'D'], action: 'Move you (up, left, down, right), while playing' },
      { keys: ['+'], action: 'Good move: grade the agent’s last move (live grading)' },
      { keys: ['-'], action: 'Bad move (live grading)' },
    ],
  },
  {
    title: 'View',
    items: [
      { keys: ['P'], action: 'Presentation mode on / off' },
      { keys: ['?'], action: 'This list of shortcuts' },
      { keys: ['Esc'], action: 'Close a dialog or menu' },
    ],
  },
];
