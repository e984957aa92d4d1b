/**
 * Worker: runs the search service off the page's main thread, so typing never
 * waits for the index to load or a query to run. The protocol's handling is
 * worker-handler.ts; this entry (bundled as assets/search-worker.js) binds it to
 * the worker's global scope.
 */
import { fetchPartSource } from "../query/part-sources.ts";
import type { WorkerAnswer, WorkerMessage } from "./protocol.ts";
import { workerHandler } from "./worker-handler.ts";

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerMessage>) => void) | null; postMessage(a: WorkerAnswer): void };
const revalidating: typeof fetch = (input, init) => fetch(input, { ...init, cache: "no-cache" });
const handle = workerHandler(
  (answer) => scope.postMessage(answer),
  (indexUrl, revalidate) => fetchPartSource(indexUrl, revalidate ? revalidating : fetch),
);
scope.onmessage = ({ data }) => void handle(data);
