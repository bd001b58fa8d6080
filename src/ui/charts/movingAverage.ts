/** The charts' smoothing window (moving averages and the success rate are built in chartData.ts). */
const NICE_WINDOWS = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

/**
 * A round smoothing window for count episodes: about count/40, from a fixed list (10 .. 5000) so the
 * label does not change with every new episode.
 */
export function smoothingWindow(count: number): number {
  const target = count / 40;
  for (const w of NICE_WINDOWS) if (w >= target) return w;
  return NICE_WINDOWS[NICE_WINDOWS.length - 1];
}
