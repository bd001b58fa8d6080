/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { visualizer } from 'rollup-plugin-visualizer';
import { defineConfig, type Plugin, type PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The built app's Content-Security-Policy: everything from our own origin only, nothing inline, no eval.
 * - script-src 'wasm-unsafe-eval': tfjs's wasm backend compiles its .wasm (fetched from our build, hence
 *   connect-src 'self'). That happens in the module workers, which a <meta> policy does not reach (a
 *   worker takes its policy from its own response headers); it is here so the same policy can be sent
 *   as a header for every file. No blob: workers: tfjs makes those only for threaded wasm, which is off.
 * - worker-src 'self': the training and lab workers are module workers from our build.
 * - img-src blob:: the PNG export draws each recharts SVG through an <img> of a blob: URL
 *   (src/export/svgImage.ts); canvas PNGs are encoded with toBlob and downloaded through a blob: link
 *   (a download, which CSP does not govern). No data: images are used.
 * - style-src 'self': our CSS files only; React's style props go through the CSSOM, which CSP allows.
 * - form-action 'none': the app has no forms that submit; object-src 'none', base-uri 'self'.
 * frame-ancestors is ignored in a <meta> (embed mode is meant to be framed anyway).
 * The dev server needs inline scripts and styles (React refresh, CSS hot reload), so the meta is added
 * at build time only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const CHARSET = '<meta charset="UTF-8" />';

/** Adds the policy to the built index.html as a <meta>, right after the charset, before any script. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      if (!html.includes(CHARSET)) throw new Error(`index.html: no ${CHARSET} to put the CSP after`);
      const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
      return html.replace(CHARSET, `${CHARSET}\n    ${meta}`);
    },
  };
}

/** The installed app's title bar and splash colour (the icon's backdrop, public/favicon.svg). */
const THEME_COLOR = '#1e293b';

/** The page's theme colour and the iOS home-screen icon (the manifest covers the other browsers). */
function appHead(): Plugin {
  return {
    name: 'app-head',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLOR }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'apple-touch-icon', href: './apple-touch-icon.png' }, injectTo: 'head' },
    ],
  };
}

/**
 * Offline use and installing as an app (vite-plugin-pwa, Workbox's generateSW): the service worker
 * precaches the whole build, so a reload without a network still starts, trains and runs the lab.
 * - Everything under dist/ is precached, lazy chunks included (the Lab, the charts, the dialogs): the
 *   workers, the neural agents' chunks (tfjs-*.js: tfjs-core with the wasm and cpu backends, about
 *   0.7 MB, one file both workers import; the webgl backend, 0.5 MB, loaded only where WebGL is tried) and
 *   tfjs's .wasm files (wasmUrls.ts). The size cap is raised for those; a file over it fails the build
 *   rather than silently missing offline.
 * - registerType 'prompt': a new version waits until the user presses Reload in UpdateNotice (never
 *   replaced under a running training). clientsClaim lets the first visit's worker take the open page,
 *   so it works offline without a second load; an update still waits for skip-waiting.
 * - Registration comes from our own bundle (UpdateNotice imports virtual:pwa-register/react), so
 *   injectRegister is false: no inline script, and the CSP above needs no change (the worker is a
 *   same-origin script under worker-src 'self'; its precache fetches are connect-src 'self').
 * - Relative everywhere (base './'): the worker, its scope, the manifest and start_url resolve against
 *   the folder the app is served from.
 */
const pwa = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
  manifest: {
    id: './',
    name: 'Gridworld RL Playground',
    short_name: 'Gridworld RL',
    description:
      'Paint a gridworld, pick a reinforcement-learning agent and watch it learn, live in your browser.',
    start_url: './',
    scope: './',
    display: 'standalone',
    theme_color: THEME_COLOR,
    background_color: THEME_COLOR,
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    // The build's code and wasm; public/'s files come from includeAssets and the manifest's icons.
    globPatterns: ['**/*.{js,css,html,wasm}'],
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
  },
});

/** Unit tests that need a DOM (jsdom): a document, Blob URLs, localStorage. */
const DOM_UNIT = ['tests/unit/export.test.ts', 'tests/unit/export.svg.test.ts', 'tests/unit/storage.test.ts'];

/**
 * The node unit files that replace a module or a global (vi.mock, vi.stubGlobal, vi.resetModules, ...):
 * they run isolated (a fresh module graph per file), since without isolation a mock leaks into the
 * files after it. Found by reading the files, so a new test that mocks is isolated without a list.
 */
function mockingUnitFiles(): string[] {
  const dir = 'tests/unit';
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.test\.tsx?$/.test(name))
    .map((name) => `${dir}/${name}`)
    .filter((file) =>
      /\bvi\.(mock|doMock|unmock|stubGlobal|stubEnv|resetModules|useFakeTimers|hoisted)\(/.test(
        readFileSync(file, 'utf8'),
      ),
    );
}
const MOCKING_UNIT = mockingUnitFiles();

/** Where `npm run analyze` (vite build --mode analyze) writes its bundle reports; gitignored. */
const STATS_DIR = 'dist-stats';

/**
 * One bundle's report (rollup-plugin-visualizer): a treemap of what each chunk holds, raw and gzipped,
 * and the same as a text list. `name()` is read when the bundle is written (a worker's is known then).
 */
function bundleReport(name: () => string): PluginOption[] {
  const report = (template: 'treemap' | 'list', ext: string) =>
    visualizer(() => ({
      filename: `${STATS_DIR}/${name()}.${ext}`,
      title: `Bundle: ${name()}`,
      template,
      gzipSize: true,
    }));
  return [report('treemap', 'html'), report('list', 'yml')];
}

/** A worker's report, named after its entry chunk (trainingWorker, labWorker). */
function workerReport(): PluginOption[] {
  let entry = 'worker';
  const naming: Plugin = {
    name: 'worker-report-name',
    generateBundle(_, bundle) {
      const chunk = Object.values(bundle).find((o) => o.type === 'chunk' && o.isEntry);
      if (chunk?.type === 'chunk') entry = chunk.name;
    },
  };
  return [naming, ...bundleReport(() => entry)];
}

export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [
    react(),
    contentSecurityPolicy(),
    appHead(),
    pwa,
    ...(mode === 'analyze' ? bundleReport(() => 'index') : []),
  ],
  worker: {
    format: 'es',
    plugins: () => (mode === 'analyze' ? workerReport() : []),
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // TensorFlow.js in chunks of its own. Each worker is a separate build, and each used to
            // get its own 1.9 MB copy inside its neural-agent chunk; these chunks import nothing from
            // either worker, so both builds write the same bytes under the same hashed names: one
            // file each, fetched and cached once. The workers' small createNeuralAgent chunks import
            // 'tfjs': tfjs-core, the wasm backend and the cpu backend (the wasm backend imports cpu's
            // shared kernels anyway). The webgl backend, which tfSetup.ts imports only when asked
            // for, is a chunk of its own (without its dependencies, which stay in 'tfjs'), fetched
            // only where WebGL is tried.
            {
              name: 'tfjs-webgl',
              test: /[\\/]node_modules[\\/]@tensorflow[\\/]tfjs-backend-webgl[\\/]/,
              priority: 2,
              includeDependenciesRecursively: false,
            },
            {
              name: 'tfjs',
              test: /[\\/]node_modules[\\/](@tensorflow|seedrandom|long)[\\/]|__vite-browser-external/,
            },
          ],
        },
      },
    },
  },
  optimizeDeps: {
    include: [
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-webgl',
    ],
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Everything the first frame needs, as one chunk: without this group Rolldown splits the
            // modules that the lazy chunks (Lab, dialogs, charts) also use into many small shared
            // chunks, all fetched at start anyway, and gzip does worse on the pieces than on the whole.
            { name: 'app', tags: ['$initial'], priority: 2 },
            // recharts and what it brings (d3, redux, immer, es-toolkit...): the live charts and the
            // Lab share this chunk; the first frame does not load it (src/ui/training/ChartsPanel.tsx).
            { name: 'recharts', test: /[\\/]node_modules[\\/]recharts[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  // Two kinds of projects (vitest 4 `projects`): the engine, CLI and storage tests run in plain Node, and only
  // the tests that render or touch the DOM get jsdom and Testing Library's setup (a jsdom window per
  // file was about a quarter of the whole unit run). A unit test that needs the DOM goes in DOM_UNIT
  // (or starts with `// @vitest-environment jsdom`). maxWorkers: vitest's default (cores - 1) is one
  // worker on a 2-core machine; the tests wait on states, not on times, so both cores are used.
  test: {
    testTimeout: 60000,
    pool: 'forks',
    maxWorkers: '100%',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          exclude: [...DOM_UNIT, ...MOCKING_UNIT],
          environment: 'node',
          // the CLI built once for the tests that spawn it (tests/cliBuild.ts, tests/unit/cliBin.ts)
          globalSetup: ['tests/cliBuild.ts'],
          // Files share a worker's modules (zod, tfjs and its wasm load once per worker, not per file:
          // the run's import time went from 86 s to 37 s). Safe for the engine's tests: they keep no
          // state between files but tfjs's tensors, which they count relative to a baseline; the files
          // that mock are in 'unit-isolated'.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'unit-isolated',
          include: MOCKING_UNIT.filter((f) => !DOM_UNIT.includes(f)),
          passWithNoTests: true,
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          include: ['tests/component/**/*.test.{ts,tsx}', ...DOM_UNIT],
          environment: 'jsdom',
          setupFiles: ['tests/setup.ts'],
        },
      },
    ],
  },
}));
