// The dom project's setup only (vite.config.ts): the unit tests run in plain Node without it.
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy*/waitFor wait on what the page shows; their default limit (1 s) is a time a loaded machine
// overruns. A slow machine must only make a test slower (the test's own limit, 60 s, catches a hang).
configure({ asyncUtilTimeout: 30_000 });

// Testing Library only cleans up by itself when test globals are on; they are off here.
afterEach(() => cleanup());
