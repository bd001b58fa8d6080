/**
 * For code that is not part of the first load (tests/e2e/firstLoad.e2e.ts): true from the visitor's
 * first press of a key or pointer, or change of a control, anywhere on the page (the chunk is then on
 * its way before it is needed), or as soon as `now` is true; once true, it stays true for the page's
 * life, per `key`.
 */
import { useEffect, useState } from 'react';

const WAKE_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'input', 'change'] as const;
const woken = new Set<string>();

export function useFirstInput(key: string, now = false): boolean {
  const [pressed, setPressed] = useState(() => woken.has(key));
  const wanted = pressed || now;
  useEffect(() => {
    const wake = () => {
      woken.add(key);
      setPressed(true);
    };
    if (wanted) {
      wake();
      return;
    }
    for (const e of WAKE_EVENTS) window.addEventListener(e, wake, { capture: true, passive: true });
    return () => {
      for (const e of WAKE_EVENTS) window.removeEventListener(e, wake, { capture: true });
    };
  }, [key, wanted]);
  return wanted;
}
