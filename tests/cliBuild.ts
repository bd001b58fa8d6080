/**
 * Unit tests' globalSetup: builds the command line once per run (scripts/build-cli.mjs, the build
 * `npm run sim` and `npm run lab` run) into test-results/cli/ (gitignored), so that every test that
 * spawns the CLI starts plain compiled JavaScript (about 0.3 s) rather than compiling src/cli with tsx
 * at each start (about 1 s, some hundred starts per run). A folder of the tests' own: cli.test.ts
 * rebuilds dist-cli/ itself to test the rebuild, and a spawn must never see that folder half-replaced.
 * The tests find the build through inject('cliDir') (tests/unit/cliBin.ts).
 */
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
// @ts-expect-error -- a plain .mjs script without types; buildCli(state?, dir?) builds the CLI into dir
import { buildCli } from '../scripts/build-cli.mjs';

export async function setup(project: TestProject): Promise<void> {
  const dir = resolve('test-results', 'cli');
  await (buildCli as (state: undefined, dir: string) => Promise<void>)(undefined, dir);
  project.provide('cliDir', dir);
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where tests/cliBuild.ts built the CLI for this run ('' or absent: not built, use tsx). */
    cliDir: string;
  }
}
