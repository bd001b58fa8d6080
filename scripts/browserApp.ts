/**
 * The one way the e2e tests and the benches start Debian's Chromium (chromiumPath(), never a downloaded
 * browser, with the flags this closed network needs) and serve the built app (dist/) on loopback.
 */
import { chromium, type Browser, type BrowserServer } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { chromiumPath } from './ensure-chromium';

/** Headless, no sandbox (root), and nothing that reaches for the network on its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** The same browser as a server that several clients connect to (chromium.connect(wsEndpoint())). */
export function launchChromiumServer(extraArgs: string[] = []): Promise<BrowserServer> {
  return chromium.launchServer({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** dist/ served by `vite preview` on a free loopback port (extra response headers optional). */
export async function serveDist(
  headers: Record<string, string> = {},
): Promise<{ url: string; server: PreviewServer }> {
  const server = await preview({
    preview: { port: 0, host: '127.0.0.1', strictPort: false, headers },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 4173;
  return { url: `http://127.0.0.1:${port}/`, server };
}
