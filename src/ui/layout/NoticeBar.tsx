/** The one message at a time (refused edits, resets, worker trouble); hides itself after a while. */
import { useEffect } from 'react';
import { useUiStore } from '../../store/uiStore';

const SHOW_MS = { info: 5000, warn: 7000, error: 12000 } as const;

export function NoticeBar() {
  const notice = useUiStore((s) => s.notice);
  const dismiss = useUiStore((s) => s.dismiss);
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => dismiss(notice.id), SHOW_MS[notice.kind]);
    return () => clearTimeout(t);
  }, [notice, dismiss]);
  return (
    <div className="notice-slot" role="status" aria-live="polite">
      {notice && (
        <div className={`notice notice-${notice.kind}`} data-testid="notice">
          <span>{notice.text}</span>
          <button
            type="button"
            className="link"
            onClick={() => dismiss(notice.id)}
            aria-label="Dismiss message"
          >
            ✕
          </button>
        </div>
      )}
    </div>
  );
}
