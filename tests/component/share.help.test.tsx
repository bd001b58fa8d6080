import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { HelpOverlay } from '../../src/ui/shell/HelpOverlay';
import { PresentationToggle } from '../../src/ui/shell/PresentationToggle';
import { useShareState } from '../../src/store/shareState';
import { useShellShortcuts } from '../../src/ui/shell/useShellShortcuts';

function Harness() {
  useShellShortcuts();
  return (
    <>
      <button type="button">Play</button>
      <input aria-label="Name" type="text" />
      <PresentationToggle />
      <HelpOverlay />
    </>
  );
}

afterEach(() => {
  cleanup();
  useShareState.setState({ helpOpen: false, presentation: false });
  document.documentElement.classList.remove('presentation');
  localStorage.clear();
});

describe('HelpOverlay', () => {
  it('opens with "?", lists the shortcuts, and closes with Escape, giving focus back', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const play = screen.getByRole('button', { name: 'Play' });
    play.focus();
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    for (const action of [
      'Play / pause',
      'One step',
      'Undo',
      'Presentation mode on / off',
      'This list of shortcuts',
    ])
      expect(within(dialog).getByText(action)).toBeInTheDocument();
    expect(within(dialog).getAllByText('Space')[0].tagName).toBe('KBD');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(play).toHaveFocus();
  });

  it('closes with its close button and keeps Tab inside while open', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.keyboard('?');
    const dialog = screen.getByRole('dialog');
    for (let i = 0; i < 4; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('ignores "?" and "P" while typing in a field', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(screen.getByRole('textbox', { name: 'Name' }), '?p');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.documentElement).not.toHaveClass('presentation');
  });

  it('can be controlled by props', () => {
    render(
      <HelpOverlay
        open
        onClose={() => {}}
        groups={[{ title: 'Mine', items: [{ keys: ['X'], action: 'Do X' }] }]}
      />,
    );
    expect(screen.getByRole('dialog')).toHaveTextContent('Do X');
  });
});

describe('presentation mode', () => {
  it('P and the toggle switch html.presentation and remember the choice', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const toggle = screen.getByRole('button', { name: /present/i });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.keyboard('p');
    expect(document.documentElement).toHaveClass('presentation');
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(localStorage.getItem('gridworld:presentation')).toBe('1');
    await user.click(toggle);
    expect(document.documentElement).not.toHaveClass('presentation');
    expect(localStorage.getItem('gridworld:presentation')).toBeNull();
  });
});
