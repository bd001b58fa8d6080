/** The keyboard shortcuts, in a dialog opened with "?" (or the Help button) and closed with Escape. */
import { Dialog } from './Dialog';
import { useShareState } from '../../store/shareState';
import { SHORTCUT_GROUPS, type ShortcutGroup } from './shortcutList';

export interface HelpOverlayProps {
  /** Controlled use; by default the overlay follows the shared state that "?" toggles. */
  open?: boolean;
  onClose?(): void;
  groups?: ShortcutGroup[];
}

export function HelpOverlay({ open, onClose, groups = SHORTCUT_GROUPS }: HelpOverlayProps) {
  const sharedOpen = useShareState((s) => s.helpOpen);
  const setHelpOpen = useShareState((s) => s.setHelpOpen);
  const isOpen = open ?? sharedOpen;
  if (!isOpen) return null;
  const close = onClose ?? (() => setHelpOpen(false));
  return (
    <Dialog title="Keyboard shortcuts" onClose={close} className="help-overlay">
      <div className="share-dialog-body help-groups">
        {groups.map((g) => (
          <section key={g.title} aria-label={g.title}>
            <h3>{g.title}</h3>
            <dl>
              {g.items.map((s) => (
                <div key={s.action}>
                  <dt>
                    {s.keys.map((k, i) => (
                      <span key={i}>
                        {i > 0 && k !== '…' && s.keys[i - 1] !== '…' && <span aria-hidden="true">+</span>}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{s.action}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <p className="share-help">Shortcuts are off while you type in a field.</p>
      </div>
    </Dialog>
  );
}
