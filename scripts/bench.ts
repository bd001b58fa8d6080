/**
 * npm run bench [-- section ...]: runs every scripts/bench/*.ts module's (files starting with _ are helpers) `run()` (or only the named ones)
 * and prints its figures. Machines are shared and noisy: sections print medians of several runs.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const wanted = process.argv.slice(2);
const sections = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .map((f) => basename(f, '.ts'))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

for (const name of sections) {
  console.log(`\n== ${name} ==`);
  const mod = (await import(pathToFileURL(join(here, `${name}.ts`)).href)) as { run?: () => Promise<void> };
  if (typeof mod.run !== 'function') {
    console.log('(no run() exported)');
    continue;
  }
  try {
    await mod.run();
  } catch (e) {
    console.log(`failed: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
