/*
 * Older versions' chunks, kept for the tabs still running them (imported by the service worker that
 * vite.config.ts generates, before Workbox's own listeners).
 *
 * When a new version activates (after Reload in one tab), Workbox's precache drops the files the new
 * version no longer lists, and the host usually no longer has them either. A tab that still runs the
 * old code then fails to load its lazy chunks (the Lab, the dialogs, the charts: "Failed to fetch
 * dynamically imported module"). So, while a new version installs, the running version's hashed files
 * (assets/*) are copied from the precache into a cache of their own, and every request for assets/*
 * is answered from any cache that has it (a hashed name is always the same bytes) before the network.
 * The copies of the last KEEP_VERSIONS versions are kept; older ones are deleted, and all of them once
 * no window uses the app any more (a start with no open tab). The page recovers on its own too when a
 * chunk is missing anyway (UpdateNotice).
 */
const KEPT_PREFIX = 'gridworld-kept-';
const KEEP_VERSIONS = 3;

const isAsset = (url) => url.origin === self.location.origin && /\/assets\/[^/]+$/.test(url.pathname);

function bare(url) {
  const u = new URL(url);
  u.search = '';
  u.hash = '';
  return u.href;
}

async function keptCaches() {
  return (await caches.keys()).filter((name) => name.startsWith(KEPT_PREFIX)).sort();
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      // The precache still holds the running version's files (Workbox removes them on activate).
      const kept = await caches.open(`${KEPT_PREFIX}${String(Date.now()).padStart(15, '0')}`);
      for (const name of await caches.keys()) {
        if (!name.startsWith('workbox-precache')) continue;
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          if (!isAsset(new URL(request.url))) continue;
          const response = await cache.match(request);
          if (response) await kept.put(bare(request.url), response);
        }
      }
      for (const name of (await keptCaches()).slice(0, -KEEP_VERSIONS)) await caches.delete(name);
    })().catch(() => {}),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      if (windows.length === 0) for (const name of await keptCaches()) await caches.delete(name);
    })().catch(() => {}),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!isAsset(url)) return;
  event.respondWith(
    (async () => {
      const hit = await caches.match(bare(request.url), { ignoreSearch: true });
      return hit ?? fetch(request);
    })(),
  );
});
