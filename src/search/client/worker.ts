/**
 * Worker: runs the search service off the page's main thread, so typing never
 * waits for the index to load or a query to run. The page (backend.ts) tells it
 * where the index is; parts are fetched relative to that URL, but for the meta part,
 * which the page may fetch while the worker starts and hand over.
 */
import { META_PART, unwrapPart } from "../format/index-format.ts";
import type { PartSource } from "../query/part-cache.ts";
import { fetchPartSource } from "../query/part-sources.ts";
import { openSearchService } from "./search-service.ts";
import type { SearchService, WorkerAnswer, WorkerMessage } from "./protocol.ts";

let service: SearchService | undefined;
let metaFromPage: ((bytes: ArrayBuffer | null) => void) | undefined;

/** Parts fetched from the index URL; meta as the page sends it when it said it would. */
function partSource(indexUrl: string, fromPage: boolean): PartSource {
  const fetched = fetchPartSource(indexUrl);
  if (!fromPage) return fetched;
  const meta = new Promise<ArrayBuffer | null>((resolve) => (metaFromPage = resolve));
  return async (name) => {
    if (name !== META_PART) return fetched(name);
    const bytes = await meta;
    return bytes ? unwrapPart(name, new TextDecoder().decode(bytes)) : fetched(name);
  };
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerMessage>) => void) | null; postMessage(a: WorkerAnswer): void };

scope.onmessage = async ({ data }) => {
  try {
    let value: unknown = null;
    if (data.kind === "meta") return metaFromPage?.(data.bytes);
    if (data.kind === "open") service = openSearchService(partSource(data.indexUrl, data.metaFromPage));
    else if (!service) throw new Error("the search index was not opened");
    else if (data.kind === "prepare") service.prepare();
    else if (data.kind === "search") value = await service.search(data.request);
    else value = await service.choices();
    scope.postMessage({ id: data.id, ok: true, value });
  } catch (e) {
    scope.postMessage({ id: data.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
};
