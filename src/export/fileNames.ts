/** File names for exports: `gridworld-<agent>-<w>x<h>-seed<s>-<yyyymmdd-hhmm>.<ext>`. */
import type { Config } from '../config/schema';

const pad = (n: number) => String(n).padStart(2, '0');

export function exportFileName(config: Config, ext: string, what = '', date = new Date()): string {
  const stamp = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}`;
  const size = `${config.env.grid[0].length}x${config.env.grid.length}`;
  const parts = ['gridworld', config.agent.type, size, `seed${config.train.seed}`, what, stamp].filter(
    Boolean,
  );
  return `${parts.join('-')}.${ext}`;
}
