/**
 * Service worker: keeps the site readable offline, one build at a time.
 *
 * Each build has a version (manifest-format.ts) stamped into this script when the
 * build bundles it, and one cache named after it. The cache holds the site shell
 * from the first visit, then every file of this build that the reader fetched
 * (pages read, index parts searched), or all of them after "save the whole
 * archive". A file is cached only if its content hash is the one this build's
 * manifest lists, so a page of a newer build on the server never enters an older
 * copy.
 *
 * When a new build is published, the browser finds this script changed and
 * installs the new version beside the old one: it reads the new root and only the
 * group manifests whose hash changed (manifest-tree.ts), brings over what the old
 * copy held, copying files whose hash did not change and downloading the others,
 * and adds the new files of every range the reader saved (a new edition of a
 * saved archive). Only when that is complete does it take over and delete the
 * old cache; until then the old copy keeps serving. An interrupted install leaves its partial cache,
 * and the next attempt skips what is already there. A file the server holds damaged (its
 * hash is not the manifest's, and the server still has this build) is left out of the copy,
 * not allowed to stop it.
 */
import { MANIFEST_FILE, OFFLINE_PAGE, CACHE_PREFIX, SAVED_RECORD, cacheName, chainOf, hashText, manifestPath, sitePath, type FileEntry, type ManifestNode, type RootManifest } from "./manifest-format.ts";
import { ManifestTree } from "./manifest-tree.ts";

declare const BUILD_VERSION: string;

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  registration: { scope: string; update(): Promise<unknown> };
  clients: { claim(): Promise<void>; matchAll(options?: { includeUncontrolled?: boolean }): Promise<{ url: string; postMessage(m: unknown): void }[]> };
  skipWaiting(): Promise<void>;
  addEventListener(type: "install" | "activate", fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", fn: (e: FetchEvent) => void): void;
}

const scope = self as unknown as WorkerScope;
const ROOT = new URL("./", scope.registration.scope);
const CACHE = cacheName(BUILD_VERSION);
const urlOf = (path: string) => new URL(path, ROOT).href;

async function hashOf(response: Response): Promise<string> {
  return hashText(await crypto.subtle.digest("SHA-256", await response.clone().arrayBuffer()));
}

const json = (value: unknown) => new Response(JSON.stringify(value), { headers: { "content-type": "application/json" } });

/**
 * Gets a group's manifest for this build: from this copy, else from an older copy
 * that holds it with the same hash (the group did not change), else from the
 * network; whatever does not match the hash the parent lists is not used, and
 * what is used is kept in this copy.
 */
function manifestLoader(cache: Cache, older: Cache[], network: boolean) {
  return async (chain: string[], hash: string): Promise<ManifestNode | undefined> => {
    const url = urlOf(manifestPath(chain));
    const sources: (() => Promise<Response | undefined>)[] = [
      () => cache.match(url),
      ...older.map((c) => () => c.match(url)),
      ...(network ? [() => fetch(url, { cache: "no-cache" }).catch(() => undefined)] : []),
    ];
    for (const [i, source] of sources.entries()) {
      const response = await source();
      if (!response?.ok || (await hashOf(response)) !== hash) continue;
      if (i > 0) await cache.put(url, response.clone());
      return (await response.json()) as ManifestNode;
    }
    return undefined;
  };
}

let treeOfThisBuild: Promise<ManifestTree | undefined> | undefined;
/** This build's manifest tree, once this copy is installed (its root is the last thing it gets). */
function tree(): Promise<ManifestTree | undefined> {
  return (treeOfThisBuild ??= caches
    .open(CACHE)
    .then(async (cache) => {
      const root = (await (await cache.match(urlOf(MANIFEST_FILE)))?.json()) as RootManifest | undefined;
      return root && new ManifestTree(root, manifestLoader(cache, [], true));
    })
    .catch(() => undefined)
    .then((t) => {
      if (!t) treeOfThisBuild = undefined; // not installed yet: ask again next time
      return t;
    }));
}

/** Downloads `path` and caches it if it is this build's file; returns whether it was cached. */
async function fetchInto(cache: Cache, path: string, hash: string): Promise<boolean> {
  const response = await fetch(urlOf(path), { cache: "no-cache" });
  if (!response.ok || (await hashOf(response)) !== hash) return false;
  await cache.put(urlOf(path), response);
  return true;
}

/** The root manifest the server holds now, past every cache. */
async function serverRoot(): Promise<RootManifest> {
  return (await (await fetch(urlOf(MANIFEST_FILE), { cache: "no-store" })).json()) as RootManifest;
}

async function install(): Promise<void> {
  const next = await serverRoot();
  // The server already holds a newer build than this script: let the newer script install instead.
  if (next.version !== BUILD_VERSION) throw new Error(`server has build ${next.version}, this worker is ${BUILD_VERSION}`);
  const cache = await caches.open(CACHE);
  const olds: { cache: Cache; tree: ManifestTree }[] = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith(CACHE_PREFIX) || name === CACHE) continue;
    const old = await caches.open(name);
    const oldRoot = (await (await old.match(urlOf(MANIFEST_FILE)))?.json()) as RootManifest | undefined;
    // A copy from before manifests were split has all its files in its root.
    if (oldRoot) olds.push({ cache: old, tree: new ManifestTree({ ...oldRoot, dirs: oldRoot.dirs ?? [], groups: oldRoot.groups ?? {} }, manifestLoader(old, [], false)) });
  }
  // Unchanged groups come from the old copies, so only manifests whose hash changed are downloaded.
  const nextTree = new ManifestTree(next, manifestLoader(cache, olds.map((o) => o.cache), true));

  const wanted = new Map<string, FileEntry>(next.shell.map((p) => [p, next.files[p]!]));
  const want = async (path: string) => {
    if (wanted.has(path)) return;
    const entry = await nextTree.entry(path);
    if (entry) wanted.set(path, entry);
  };
  // The pages open now were read before this worker could keep them.
  for (const client of await scope.clients.matchAll({ includeUncontrolled: true })) {
    const path = sitePath(new URL(client.url), ROOT);
    if (path) await want(path);
  }
  // Everything an older copy holds comes along, and what the reader saved gets this build's new files too.
  const saved = new Set<string>();
  for (const { cache: old } of olds) {
    const record = (await (await old.match(urlOf(SAVED_RECORD)))?.json().catch(() => undefined)) as { ranges?: string[] } | undefined;
    for (const range of record?.ranges ?? []) saved.add(range);
    for (const request of await old.keys()) {
      const path = sitePath(new URL(request.url), ROOT);
      if (path && path !== MANIFEST_FILE && !chainOf(path)) await want(path);
    }
  }
  for (const range of saved) for (const [path, entry] of await nextTree.files(range)) wanted.set(path, entry);

  const have = new Set((await cache.keys()).map((r) => r.url)); // an interrupted install resumes here
  const unmatched: string[] = [];
  const bring = async ([path, entry]: [string, FileEntry]) => {
    if (have.has(urlOf(path))) return;
    for (const old of olds) {
      if ((await old.tree.entry(path))?.[0] !== entry[0]) continue;
      const copy = await old.cache.match(urlOf(path));
      if (copy) return cache.put(urlOf(path), copy);
    }
    if (!(await fetchInto(cache, path, entry[0]))) unmatched.push(path);
  };
  // In batches: one at a time is far too slow for an archive of thousands of pages.
  const todo = [...wanted];
  for (let i = 0; i < todo.length; i += 32) await Promise.all(todo.slice(i, i + 32).map(bring));
  if (unmatched.length) {
    // A file that does not match its hash is either a newer build arriving (let its worker
    // install) or a damaged file of this build on the server: then this copy goes without it,
    // rather than the reader going without any offline copy; it is fetched, and checked,
    // again whenever it is asked for.
    const now = await serverRoot();
    if (now.version !== BUILD_VERSION) throw new Error(`${unmatched[0]} changed: the server has build ${now.version}`);
  }
  if (saved.size) await cache.put(urlOf(SAVED_RECORD), json({ ranges: [...saved] }));
  // The root goes in last: its presence marks this copy complete.
  await cache.put(urlOf(MANIFEST_FILE), json(next));
  await scope.skipWaiting();
}

async function activate(): Promise<void> {
  let replaced = false;
  for (const name of await caches.keys()) {
    if (name.startsWith(CACHE_PREFIX) && name !== CACHE) replaced = (await caches.delete(name)) || replaced;
  }
  await scope.clients.claim();
  // Open pages of the old build must not mix it with this one's index parts.
  if (replaced) for (const client of await scope.clients.matchAll()) client.postMessage({ type: "banmian-updated", version: BUILD_VERSION });
}

async function offlineAnswer(request: Request): Promise<Response> {
  if (request.mode === "navigate") {
    const page = await (await caches.open(CACHE)).match(urlOf(OFFLINE_PAGE));
    // Shown at the address the reader asked for (so a reload retries it); its links are
    // written relative to the root, so a <base> makes them resolve from any folder.
    if (page) {
      const html = (await page.text()).replace("<head>", `<head><base href="${ROOT.href}">`);
      return new Response(html, { status: 503, headers: { "content-type": "text/html; charset=utf-8" } });
    }
  }
  return Response.error();
}

async function respond(request: Request, path: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  // The root asked for past every cache is the server's (save-archive.ts checks which build it holds).
  if (path === MANIFEST_FILE && request.cache === "no-store") return fetch(request);
  if (path === MANIFEST_FILE || path === SAVED_RECORD) return (await cache.match(urlOf(path))) ?? fetch(request);
  const t = await tree();
  const chain = chainOf(path);
  if (chain) {
    // A manifest of this build, checked against its parent (the save action reads them).
    if (t && (await t.node(chain))) return (await cache.match(urlOf(path))) ?? fetch(request);
    return fetch(request);
  }
  const entry = await t?.entry(path);
  if (!entry) {
    try {
      return await fetch(request);
    } catch {
      return offlineAnswer(request);
    }
  }
  const cached = await cache.match(urlOf(path));
  // A page that found the site updated under it asks past every cache (search/client/backend.ts):
  // the network answers while there is one, this copy when offline.
  const revalidate = request.cache === "no-cache" || request.cache === "reload";
  if (cached && !revalidate) return cached;
  let response: Response;
  try {
    // The file itself, without the query (?q= on an article opened from a search).
    response = await fetch(urlOf(path), revalidate ? { cache: "no-cache" } : {});
  } catch {
    return cached ?? offlineAnswer(request);
  }
  if (response.ok) {
    if ((await hashOf(response)) === entry[0]) await cache.put(urlOf(path), response.clone());
    else void scope.registration.update(); // a newer build is on the server: install it
  }
  return response;
}

scope.addEventListener("install", (e) => e.waitUntil(install()));
scope.addEventListener("activate", (e) => e.waitUntil(activate()));
scope.addEventListener("fetch", (e) => {
  if (e.request.method !== "GET") return;
  const path = sitePath(new URL(e.request.url), ROOT);
  if (path === null || path === "sw.js") return;
  e.respondWith(respond(e.request, path));
});
