/**
 * The CSP is stated once (vite.config.ts): the build's <meta> in index.html and the
 * _headers file for static hosts (which is what the workers and sw.js run under) carry the same policy.
 * Drives the real plugin of vite.config.ts, both hooks.
 */
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../vite.config';

type Hook = (...args: unknown[]) => unknown;

function build(): { html: string; headers: string } {
  const plugin = contentSecurityPolicy();
  const html = (plugin.transformIndexHtml as Hook)(
    '<!doctype html><head>\n    <meta charset="UTF-8" />\n<script type="module" src="x.js"></script></head>',
  ) as string;
  let headers = '';
  const ctx = {
    emitFile: (f: { fileName: string; source: string }) => {
      expect(f.fileName).toBe('_headers');
      headers = f.source;
      return 'id';
    },
  };
  (plugin.generateBundle as Hook).call(ctx, {}, {});
  return { html, headers };
}

describe('security headers', () => {
  it('index.html and _headers carry the same Content-Security-Policy', () => {
    const { html, headers } = build();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    for (const path of ['/', '/index.html', '/sw.js', '/assets/trainingWorker-abc.js', '/x/assets/tfjs.wasm'])
      expect(headersFor(headers, path)['Content-Security-Policy'], path).toBe(meta);
  });

  it('the workers and sw.js get the policy, sw.js is revalidated and hashed chunks are immutable', () => {
    const { headers } = build();
    expect(headersFor(headers, '/sw.js')).toMatchObject({ 'Cache-Control': 'no-cache' });
    expect(headersFor(headers, '/assets/labWorker-1a2b.js')['Cache-Control']).toMatch(/immutable/);
    expect(headersFor(headers, '/assets/labWorker-1a2b.js')['X-Content-Type-Options']).toBe('nosniff');
    expect(CONTENT_SECURITY_POLICY).toMatch(/worker-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|'unsafe-eval'/);
  });
});

/** The headers a _headers file gives a path (patterns `/*`-style; later blocks add to earlier ones). */
export function headersFor(file: string, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  let applies = false;
  for (const line of file.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = line.trim();
      const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
      applies = re.test(path);
      continue;
    }
    if (!applies) continue;
    const colon = line.indexOf(':');
    if (colon > 0) out[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return out;
}
