/** Serves dist/ with `vite preview` on a free loopback port for the e2e tests (BASE_URL). */
import { existsSync } from 'node:fs';
import type { PreviewServer } from 'vite';
import { serveDist } from '../../scripts/browserApp';
import type { TestProject } from 'vitest/node';

let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync('dist/index.html'))
    throw new Error('dist/ is missing: run `npm run build` before the e2e tests');
  const served = await serveDist();
  server = served.server;
  project.provide('baseUrl', served.url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
