/** Listens to keydown on the window while the component is mounted (the page's keyboard shortcuts). */
import { useEffect } from 'react';

export function useWindowKeydown(handler: (e: KeyboardEvent) => void): void {
  useEffect(() => {
    window.addEventListener('keydown', handler);
    return () => window.removeEventListener('keydown', handler);
  }, [handler]);
}
