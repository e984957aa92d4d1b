/**
 * Worker handler: the search worker's answer to each message of the protocol
 * (protocol.ts), apart from the Web Worker it runs in (worker.ts binds it to `self`), so
 * that the same code can be driven in Node, as the fuzz test does. The page (backend.ts)
 * tells it where the index is; parts come from `sourceFor` that URL (the worker fetches
 * them: part-sources.ts), but for the meta part, which the page may fetch while the
 * worker starts and hand over.
 */
import { META_PART, unwrapPart } from "../format/index-format.ts";
import type { PartSource } from "../query/part-cache.ts";
import { openSearchService } from "./search-service.ts";
import type { SearchService, WorkerAnswer, WorkerMessage } from "./protocol.ts";

/** Answers every message but "meta" with exactly one WorkerAnswer, through `post`. */
export function workerHandler(post: (answer: WorkerAnswer) => void, sourceFor: (indexUrl: string, revalidate: boolean) => PartSource): (data: WorkerMessage) => Promise<void> {
  let service: SearchService | undefined;
  let metaFromPage: ((bytes: ArrayBuffer | null) => void) | undefined;

  /** Parts fetched from the index URL; meta as the page sends it when it said it would. */
  const partSource = (indexUrl: string, fromPage: boolean, revalidate: boolean): PartSource => {
    const fetched = sourceFor(indexUrl, revalidate);
    if (!fromPage) return fetched;
    const meta = new Promise<ArrayBuffer | null>((resolve) => (metaFromPage = resolve));
    return async (name) => {
      if (name !== META_PART) return fetched(name);
      const bytes = await meta;
      return bytes ? unwrapPart(name, new TextDecoder().decode(bytes)) : fetched(name);
    };
  };

  return async (data) => {
    try {
      let value: unknown = null;
      if (data.kind === "meta") return metaFromPage?.(data.bytes);
      if (data.kind === "open") service = openSearchService(partSource(data.indexUrl, data.metaFromPage, data.revalidate === true));
      else if (!service) throw new Error("the search index was not opened");
      else if (data.kind === "prepare") service.prepare();
      else if (data.kind === "search") value = await service.search(data.request);
      else value = await service.choices();
      post({ id: data.id, ok: true, value });
    } catch (e) {
      post({ id: data.id, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  };
}
