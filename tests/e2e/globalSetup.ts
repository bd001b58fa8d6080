/**
 * Once for the whole e2e run: serves dist/ with `vite preview` on a free loopback port (baseUrl) and
 * starts one headless Chromium that every test file connects to (browserWsEndpoint), instead of a
 * browser launched per file.
 */
import { existsSync } from 'node:fs';
import type { BrowserServer } from 'playwright-core';
import type { PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { launchChromiumServer, serveDist } from '../../scripts/browserApp';

let server: PreviewServer | undefined;
let browser: BrowserServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync('dist/index.html'))
    throw new Error('dist/ is missing: run `npm run build` before the e2e tests');
  const served = await serveDist();
  server = served.server;
  project.provide('baseUrl', served.url);
  browser = await launchChromiumServer();
  project.provide('browserWsEndpoint', browser.wsEndpoint());
}

export async function teardown(): Promise<void> {
  await browser?.close();
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The shared Chromium's Playwright endpoint ('' when none was started). */
    browserWsEndpoint: string;
  }
}
