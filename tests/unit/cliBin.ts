/**
 * How a test starts the command line: `spawnSync(process.execPath, [...cli('sim'), ...args])`. The
 * build of this run (tests/cliBuild.ts, the same esbuild bundle `npm run sim` runs) when the unit
 * project's globalSetup made one, else the source through tsx (a test file run on its own elsewhere).
 */
import { join } from 'node:path';
import { inject } from 'vitest';

export function cli(command: 'sim' | 'lab'): string[] {
  let dir: string;
  try {
    dir = inject('cliDir') ?? '';
  } catch {
    dir = ''; // not run by vitest's unit project
  }
  return dir ? [join(dir, `${command}.js`)] : ['--import', 'tsx', `src/cli/${command}.ts`];
}
