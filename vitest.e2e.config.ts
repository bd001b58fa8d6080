import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built app (dist/) served locally, driven in Debian's headless Chromium (one
 * browser for the run, started by globalSetup; tests/e2e/browser.ts). The tests wait on states the app
 * announces, never on times, with generous limits (WAIT in browser.ts, also expect.poll's default
 * here), so that a slow or loaded machine only makes them slower; testTimeout only catches a hang.
 * Files run one after another in one worker (isolate: false), so playwright-core and the helpers load
 * once rather than once per file; each file keeps its own contexts, closed at its end.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/globalSetup.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    expect: { poll: { timeout: 120_000 } },
    fileParallelism: false,
    isolate: false,
    pool: 'forks',
  },
});
