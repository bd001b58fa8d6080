/**
 * zod for every schema of the app, set up once: no JIT. zod's JIT compiles object parsers with
 * `new Function`, and even its probe for that is refused and reported by the app's Content-Security-
 * Policy (no 'unsafe-eval'); the plain parsers give the same results. Schemas must import z from here,
 * so the setting is in place before any schema is built.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
