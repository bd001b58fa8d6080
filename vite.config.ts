/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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

export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  optimizeDeps: { include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/component/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 60000,
    pool: 'forks',
  },
});
