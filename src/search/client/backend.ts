/**
 * Backend: where the page's searches run. Over http(s), in a Web Worker that
 * fetches the index parts; from file://, where browsers allow neither workers
 * from disk nor fetch, on the page, with the engine bundle loading the parts
 * through <script>. Nothing is loaded until the first search.
 *
 * A worker that cannot start (its script missing, truncated or refused: an `error`
 * event, or no answer to "open" within WORKER_START_MS) fails every search waiting on
 * it and is dropped, so the box says so instead of waiting for ever, and the next search
 * tries a new worker.
 *
 * `revalidate`: the page found the site updated under it (search-ui.ts). Every index file
 * is then asked for with `cache: "no-cache"`, so that neither the HTTP cache nor an old
 * service worker's copy (which answers such a request from the network while it is
 * online: offline/service-worker.ts) hands back a file of the old build.
 */
import { loadEngine } from "./load-engine.ts";
import type { SearchService, WorkerAnswer, WorkerMessage } from "./protocol.ts";

import { INDEX_DIR, META_PART, partFile } from "../format/index-location.ts";

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/** A worker that has not answered "open" by then will not: its script did not run. */
const WORKER_START_MS = 10_000;

export function createBackend(siteRoot: URL, options: { revalidate: boolean } = { revalidate: false }): SearchService {
  const indexUrl = new URL(`${INDEX_DIR}/`, siteRoot);
  if (siteRoot.protocol === "file:" || typeof Worker === "undefined") return inlineBackend(siteRoot, indexUrl);
  return workerBackend(new URL("assets/search-worker.js", siteRoot), indexUrl, options.revalidate);
}

function inlineBackend(siteRoot: URL, indexUrl: URL): SearchService {
  const service = loadEngine(siteRoot).then((engine) => engine.openInline(indexUrl.href));
  return {
    prepare: () => void service.then((s) => s.prepare(), () => undefined),
    search: async (request) => (await service).search(request),
    choices: async () => (await service).choices(),
    close: () => void service.then((s) => s.close(), () => undefined),
  };
}

function workerBackend(workerUrl: URL, indexUrl: URL, revalidate: boolean): SearchService {
  let worker: Worker | undefined;
  let next = 0;
  let closing = false;
  const pending = new Map<number, Pending>();
  /** The worker is unusable: every waiting search fails, and the next call starts another. */
  const failed = (started: Worker, why: string) => {
    if (worker !== started) return;
    started.terminate();
    worker = undefined;
    for (const p of pending.values()) p.reject(new Error(`search worker failed: ${why}`));
    pending.clear();
  };
  const call = (message: Omit<WorkerMessage, "id">): Promise<unknown> => {
    if (!worker) {
      const started = (worker = new Worker(workerUrl));
      started.onmessage = ({ data }: MessageEvent<WorkerAnswer>) => {
        const p = pending.get(data.id);
        pending.delete(data.id);
        if (data.ok) p?.resolve(data.value);
        else p?.reject(new Error(data.error));
        if (closing && pending.size === 0) started.terminate();
      };
      started.onerror = (e) => {
        e.preventDefault();
        failed(started, e.message || "cannot load");
      };
      const timeout = setTimeout(() => failed(started, `no answer in ${WORKER_START_MS} ms`), WORKER_START_MS);
      const opened = call({ kind: "open", indexUrl: indexUrl.href, metaFromPage: true, revalidate } as Omit<WorkerMessage, "id">).finally(() => clearTimeout(timeout));
      // The meta part comes while the worker itself starts (tens of ms), not after.
      const metaSent = fetch(new URL(partFile(META_PART), indexUrl), revalidate ? { cache: "no-cache" } : {})
        .then((r) => (r.ok ? r.arrayBuffer() : null))
        .catch(() => null)
        .then((bytes) => started.postMessage({ id: -1, kind: "meta", bytes } satisfies WorkerMessage, bytes ? [bytes] : []));
      // A failure reaches the searches waiting on it; nothing else waits on these.
      void Promise.all([opened, metaSent]).catch(() => undefined);
    }
    const id = next++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker!.postMessage({ ...message, id });
    });
  };
  return {
    prepare: () => void call({ kind: "prepare" } as Omit<WorkerMessage, "id">).catch(() => undefined),
    search: (request) => {
      const answer = call({ kind: "search", request } as Omit<WorkerMessage, "id">) as ReturnType<SearchService["search"]>;
      return answer;
    },
    choices: () => call({ kind: "choices" } as Omit<WorkerMessage, "id">) as ReturnType<SearchService["choices"]>,
    // Searches under way still get their answers; the worker goes once they have.
    close: () => {
      closing = true;
      if (pending.size === 0) worker?.terminate();
    },
  };
}
