/**
 * Backend: where the page's searches run. Over http(s), in a Web Worker that
 * fetches the index parts; from file://, where browsers allow neither workers
 * from disk nor fetch, on the page, with the engine bundle loading the parts
 * through <script>. Nothing is loaded until the first search.
 */
import { loadEngine } from "./load-engine.ts";
import type { SearchService, WorkerAnswer, WorkerMessage } from "./protocol.ts";

import { INDEX_DIR, META_PART, partFile } from "../format/index-location.ts";

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

export function createBackend(siteRoot: URL): SearchService {
  const indexUrl = new URL(`${INDEX_DIR}/`, siteRoot);
  if (siteRoot.protocol === "file:" || typeof Worker === "undefined") return inlineBackend(siteRoot, indexUrl);
  return workerBackend(new URL("assets/search-worker.js", siteRoot), indexUrl);
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

function workerBackend(workerUrl: URL, indexUrl: URL): SearchService {
  let worker: Worker | undefined;
  let next = 0;
  let closing = false;
  const pending = new Map<number, Pending>();
  let ready: Promise<unknown> | undefined;
  const call = (message: Omit<WorkerMessage, "id">): Promise<unknown> => {
    if (!worker) {
      worker = new Worker(workerUrl);
      worker.onmessage = ({ data }: MessageEvent<WorkerAnswer>) => {
        const p = pending.get(data.id);
        pending.delete(data.id);
        if (data.ok) p?.resolve(data.value);
        else p?.reject(new Error(data.error));
        if (closing && pending.size === 0) worker?.terminate();
      };
      worker.onerror = (e) => {
        e.preventDefault();
        for (const p of pending.values()) p.reject(new Error(`search worker failed: ${e.message || "cannot load"}`));
        pending.clear();
      };
      const started = worker;
      const opened = call({ kind: "open", indexUrl: indexUrl.href, metaFromPage: true } as Omit<WorkerMessage, "id">);
      // The meta part comes while the worker itself starts (tens of ms), not after.
      const metaSent = fetch(new URL(partFile(META_PART), indexUrl))
        .then((r) => (r.ok ? r.arrayBuffer() : null))
        .catch(() => null)
        .then((bytes) => started.postMessage({ id: -1, kind: "meta", bytes } satisfies WorkerMessage, bytes ? [bytes] : []));
      ready = Promise.all([opened, metaSent]);
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
