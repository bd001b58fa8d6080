/**
 * Returns `value`, but takes a new value only `delayMs` after it arrives. The live charts take new data
 * one after the other (0, 1, 2, 3 x delay), so each chart's synchronous recharts update runs in its own
 * task instead of all four stacking into one long task that stalls the page.
 */
import { useEffect, useState } from 'react';

export function useStaggered<T>(value: T, delayMs: number): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (delayMs <= 0) return;
    const id = setTimeout(() => setShown(value), delayMs);
    return () => clearTimeout(id);
  }, [value, delayMs]);
  return delayMs <= 0 ? value : shown;
}
