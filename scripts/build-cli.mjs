/**
 * The command line, compiled ahead: src/cli/sim.ts, lab.ts and labThread.ts (the lab's worker thread)
 * bundled by esbuild to dist-cli/*.js (ESM for Node, zod, lz-string and TensorFlow.js included; shared
 * code split into chunks, so tfjs and its wasm load only when a neural agent is built).
 *
 *   node scripts/build-cli.mjs                  build dist-cli/ (npm run build:cli)
 *   node scripts/build-cli.mjs --run sim ARGS   what `npm run sim` runs: rebuilds first when any file
 *                                               under src/ (or this script, package.json) is newer than
 *                                               the build, or one was added or removed; then runs it
 *
 * So `npm run sim` always runs what is checked out, and starts without compiling anything when nothing
 * changed. Plain JS (no tsx); esbuild is loaded only to build.
 */
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(import.meta.url);
const root = resolve(dirname(here), '..');
const out = join(root, 'dist-cli');
const stampFile = join(out, 'build-stamp.json');
const ENTRIES = ['sim', 'lab', 'labThread'];

/** The newest modification time, count and total size of the files the build depends on. */
function sourceState() {
  const state = { newest: 0, count: 0, size: 0 };
  const add = (p, st) => {
    state.newest = Math.max(state.newest, st.mtimeMs);
    state.count++;
    state.size += st.size;
  };
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else add(p, statSync(p));
    }
  };
  walk(join(root, 'src'));
  for (const f of [here, join(root, 'package.json')]) add(f, statSync(f));
  return state;
}

function isFresh(state) {
  try {
    const s = JSON.parse(readFileSync(stampFile, 'utf8'));
    return s.newest >= state.newest && s.count === state.count && s.size === state.size;
  } catch {
    return false;
  }
}

/** Builds into a folder of its own and moves it into place, so a run started meanwhile never sees a
 *  half-written build. `dir`: where (dist-cli/ unless told; the unit tests build a copy of their own). */
export async function buildCli(state = sourceState(), dir = out) {
  const { build } = await import('esbuild');
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(ENTRIES.map((e) => [e, `src/cli/${e}.ts`])),
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // zod, lz-string and TensorFlow.js bundled in: one ES module parses far faster than zod's hundred
    // ES modules load, and tfjs's CommonJS files imported from ESM cost Node ~130 ms of export scanning
    // (cjs-module-lexer: 31% of a DQN run's start in its profile; bundled from tfjs's ES modules
    // instead, the start's CPU time fell from ~0.49 to ~0.29 s). tfjs sits in the chunks only a neural
    // agent imports (createNeuralAgent is a dynamic import), so a tabular run never loads it; its .wasm
    // files are read from node_modules (tfSetup's nodeWasmDir). The browser-only wasm URLs (a Vite
    // `?url` import) are never loaded in Node.
    external: ['*?url'],
    mainFields: ['module', 'main'],
    // tfjs's node code calls require() and reads __dirname (the wasm backend's loader: without it the
    // backend fails to start and tfjs falls back to cpu): give each ES module chunk both
    banner: {
      js: [
        "import { createRequire as __cliRequire } from 'node:module';",
        "import { fileURLToPath as __cliPath } from 'node:url';",
        "import { dirname as __cliDirname } from 'node:path';",
        'const require = __cliRequire(import.meta.url);',
        'const __filename = __cliPath(import.meta.url);',
        'const __dirname = __cliDirname(__filename);',
      ].join(' '),
    },
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
  });
  writeFileSync(join(tmp, 'build-stamp.json'), JSON.stringify(state));
  rmSync(dir, { recursive: true, force: true });
  try {
    renameSync(tmp, dir);
  } catch {
    // another run moved its build into place first: use that one
    rmSync(tmp, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (process.argv[1] && resolve(process.argv[1]) === here) {
  if (args[0] === '--run') {
    const command = args[1];
    if (!ENTRIES.includes(command) || command === 'labThread') {
      process.stderr.write(`build-cli: --run needs sim or lab, got '${command ?? ''}'\n`);
      process.exit(2);
    }
    const state = sourceState();
    if (!isFresh(state)) await buildCli(state);
    const entry = join(out, `${command}.js`);
    // the command reads process.argv.slice(2): its own arguments
    process.argv = [process.argv[0], entry, ...args.slice(2)];
    await import(pathToFileURL(entry).href);
  } else {
    const t0 = performance.now();
    await buildCli();
    console.log(`dist-cli built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
}
