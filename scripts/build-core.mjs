/**
 * npm run build:core (also run by prepack): the engine (src/core/index.ts: src/config + src/rl) as the
 * package's `./core` entry, for plain Node 20 and bundlers alike.
 * - dist-core/index.js and its chunks: ESM bundled by esbuild, platform neutral (no Node or DOM API is
 *   imported), zod, lz-string and TensorFlow.js left as imports of those packages; code splitting keeps
 *   the neural agents (and so tfjs) in chunks loaded by a dynamic import when one is built.
 * - dist-core/types/**.d.ts: tsc --emitDeclarationOnly (tsconfig.core.json), relative imports given
 *   their .js extension so Node16/NodeNext resolution finds them too.
 * Plain JS (no tsx), so it runs wherever Node does.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist-core');
/** Packages the library imports rather than carries (dependencies of the package). */
export const CORE_EXTERNAL = ['zod', 'lz-string', '@tensorflow/*'];

function* files(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else yield p;
  }
}

/** `from '../x'` -> `from '../x.js'` (or '/index.js') in the emitted declarations. */
function addExtensions(typesDir) {
  const spec = /((?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"]*)\2/g;
  for (const f of files(typesDir)) {
    if (!f.endsWith('.d.ts')) continue;
    const text = readFileSync(f, 'utf8');
    const fixed = text.replace(spec, (m, pre, q, p) => {
      if (/\.(js|mjs|cjs|json)$/.test(p)) return m;
      const base = resolve(dirname(f), p);
      if (existsSync(`${base}.d.ts`)) return `${pre}${q}${p}.js${q}`;
      if (existsSync(join(base, 'index.d.ts'))) return `${pre}${q}${p}/index.js${q}`;
      return m;
    });
    if (fixed !== text) writeFileSync(f, fixed);
  }
}

export async function buildCore() {
  const { build } = await import('esbuild');
  rmSync(out, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { index: 'src/core/index.ts' },
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'neutral',
    target: 'node20',
    external: CORE_EXTERNAL,
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs);
  const banned = inputs.filter((p) => /node_modules\/(react|react-dom|zustand|recharts)\/|src\/(ui|store|worker|storage|export)\//.test(p));
  if (banned.length) throw new Error(`the core bundle reaches app code: ${banned.join(', ')}`);
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.core.json')], { stdio: 'inherit' });
  addExtensions(join(out, 'types'));
  return result;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = performance.now();
  await buildCore();
  console.log(`dist-core built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
