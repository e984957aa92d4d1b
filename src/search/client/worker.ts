/**
 * Worker: runs the search service off the page's main thread, so typing never
 * waits for the index to load or a query to run. The page (backend.ts) tells it
 * where the index is; parts are fetched relative to that URL.
 */
import { fetchPartSource } from "../part-sources.ts";
import { openSearchService } from "./search-service.ts";
import type { SearchService, WorkerAnswer, WorkerMessage } from "./protocol.ts";

let service: SearchService | undefined;

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerMessage>) => void) | null; postMessage(a: WorkerAnswer): void };

scope.onmessage = async ({ data }) => {
  try {
    let value: unknown = null;
    if (data.kind === "open") service = openSearchService(fetchPartSource(data.indexUrl));
    else if (!service) throw new Error("the search index was not opened");
    else if (data.kind === "search") value = await service.search(data.request);
    else value = await service.choices();
    scope.postMessage({ id: data.id, ok: true, value });
  } catch (e) {
    scope.postMessage({ id: data.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
};
