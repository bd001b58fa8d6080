/**
 * The floors of src/, read from the imports (a regex over `import ... from`, `export ... from`, bare
 * `import '...'` and dynamic `import('...')` specifiers, plus `new URL('...', import.meta.url)` worker
 * entries, resolved to files). See the README's Architecture paragraph:
 *   config -> rl -> worker / cli -> store -> ui -> the entry (main.tsx, App.tsx)
 * with storage and export beside store (only store, ui and the entry import them). Inside src/ui the
 * folders form a tree: no two import each other, and common/ (with ui/theme.ts) is the base.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');

interface Import {
  from: string; // file, relative to src/
  spec: string;
  to: string | null; // resolved file relative to src/, null for a package
  names: string; // what is imported ("{ create }", "type { X }", "")
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return walk(p);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

const EXTENSIONS = ['', '.ts', '.tsx', '.css', '/index.ts', '/index.tsx'];

function resolveSpec(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(file), spec);
  for (const ext of EXTENSIONS) {
    try {
      if (statSync(base + ext).isFile()) return relative(SRC, base + ext);
    } catch {
      // try the next
    }
  }
  // A file that does not exist (a build artefact, say): keep the path as written.
  return relative(SRC, base);
}

/** Comments out of the way, so an import in a comment does not count. */
const stripComments = (text: string) =>
  text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

const IMPORT_RE =
  /\b(?:import|export)\s+((?:type\s+)?[\w*{}\s,$]*?)\s*from\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|new\s+URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g;

const FILES = walk(SRC);
const SOURCES = new Map(FILES.map((f) => [relative(SRC, f), stripComments(readFileSync(f, 'utf8'))]));

const IMPORTS: Import[] = FILES.flatMap((file) => {
  const text = SOURCES.get(relative(SRC, file))!;
  return [...text.matchAll(IMPORT_RE)].map((m) => {
    const spec = m[2] ?? m[3] ?? m[4] ?? m[5];
    return { from: relative(SRC, file), spec, to: resolveSpec(file, spec), names: m[1] ?? '' };
  });
});

/** The top-level floor of a file: its first folder under src/, or "entry" for main.tsx and App.tsx. */
function floorOf(path: string): string {
  const i = path.indexOf('/');
  return i < 0 ? 'entry' : path.slice(0, i);
}

/** A file's folder inside src/ui ("common", "grid"; "" for the files directly in src/ui). */
function uiFolder(path: string): string | null {
  if (!path.startsWith('ui/')) return null;
  const parts = path.split('/');
  return parts.length > 2 ? parts[1] : '';
}

/** What each floor may import (besides itself). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  config: [],
  rl: ['config'],
  /** The published engine (package.json's "./core"): an entry over config and rl. */
  core: ['config', 'rl'],
  worker: ['config', 'rl'],
  cli: ['config', 'rl', 'core'],
  storage: ['config', 'rl'],
  export: ['config', 'rl'],
  store: ['config', 'rl', 'worker', 'storage', 'export'],
  ui: ['config', 'rl', 'worker', 'store', 'export'],
  entry: ['config', 'rl', 'worker', 'store', 'export', 'ui'],
};

/** Packages that need React or a page: never in the pure floors. */
const DOM_PACKAGES = /^(react|react-dom|recharts|zustand|virtual:|@testing-library|workbox)/;

const local = IMPORTS.filter((i): i is Import & { to: string } => i.to !== null);
const show = (list: { from: string; to: string | null; spec: string }[]) =>
  list.map((i) => `${i.from} -> ${i.to ?? i.spec}`);

/** Cycles of a graph (as lists of nodes), from its strongly connected components. */
function cycles(edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  let n = 0;
  const visit = (v: string) => {
    index.set(v, n);
    low.set(v, n++);
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return out;
}

function graph(pairs: [string, string][]): Map<string, Set<string>> {
  const g = new Map<string, Set<string>>();
  for (const [a, b] of pairs) {
    if (a === b) continue;
    if (!g.has(a)) g.set(a, new Set());
    if (!g.has(b)) g.set(b, new Set());
    g.get(a)!.add(b);
  }
  return g;
}

const uiEdges = local
  .map((i) => ({ ...i, a: uiFolder(i.from), b: uiFolder(i.to) }))
  .filter((i): i is typeof i & { a: string; b: string } => i.a !== null && i.b !== null && i.a !== i.b);

describe('the import graph of src/', () => {
  it('reads the imports (the regex finds them)', () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(local.length).toBeGreaterThan(500);
    expect(IMPORTS.some((i) => i.spec === 'react')).toBe(true);
    // Every local import resolves to a file that exists (else the checks below would miss it).
    const missing = local.filter((i) => !SOURCES.has(i.to) && !/\.(css|wasm|json)$/.test(i.to));
    expect(show(missing)).toEqual([]);
  });

  it('floors import only downward', () => {
    const up = local.filter((i) => {
      const a = floorOf(i.from);
      const b = floorOf(i.to);
      return a !== b && !(MAY_IMPORT[a] ?? []).includes(b);
    });
    expect(show(up)).toEqual([]);
  });

  it('config, rl and core import neither React nor any page library', () => {
    const bad = IMPORTS.filter(
      (i) => ['config', 'rl', 'core'].includes(floorOf(i.from)) && DOM_PACKAGES.test(i.spec),
    );
    expect(show(bad)).toEqual([]);
  });

  it('has no import cycle between the top-level floors', () => {
    expect(cycles(graph(local.map((i) => [floorOf(i.from), floorOf(i.to)])))).toEqual([]);
  });

  it('has no pair of src/ui folders importing each other, nor any cycle of them', () => {
    const pairs = new Set(uiEdges.map((e) => `${e.a}->${e.b}`));
    const mutual = [...pairs].filter((p) => {
      const [a, b] = p.split('->');
      return a < b && pairs.has(`${b}->${a}`);
    });
    expect(mutual).toEqual([]);
    expect(cycles(graph(uiEdges.map((e) => [e.a, e.b])))).toEqual([]);
  });

  it('keeps common/ (and the files directly in src/ui) a base: they import no other UI folder', () => {
    const bad = uiEdges.filter((e) => (e.a === 'common' && e.b !== '') || (e.a === '' && e.b !== 'common'));
    expect(show(bad)).toEqual([]);
  });

  it('has no zustand store, Worker or storage access under src/ui', () => {
    const ui = [...SOURCES].filter(([path]) => path.startsWith('ui/'));
    const stores = IMPORTS.filter(
      (i) => i.from.startsWith('ui/') && /^zustand/.test(i.spec) && /\bcreate(Store)?\b/.test(i.names),
    );
    expect(show(stores)).toEqual([]);
    expect(ui.filter(([, text]) => /\bnew\s+(Shared)?Worker\s*\(/.test(text)).map(([p]) => p)).toEqual([]);
    const storage = local.filter((i) => i.from.startsWith('ui/') && floorOf(i.to) === 'storage');
    expect(show(storage)).toEqual([]);
    expect(
      ui.filter(([, text]) => /\b(localStorage|sessionStorage|indexedDB)\b/.test(text)).map(([p]) => p),
    ).toEqual([]);
  });
});
