/**
 * Part sources for the browser: how index-loader.ts gets the parts of the index
 * (index-format.ts) in a page. Over http(s) a part is fetched as text and unwrapped; from
 * file://, where browsers refuse fetch, it is loaded as a <script> whose content calls
 * the global `banmianSearchPart(name, payload)`. Node uses node-part-source.ts instead.
 */
import { PART_CALLBACK, partFile, unwrapPart } from "../format/index-format.ts";
import type { PartSource } from "./part-cache.ts";

/** Fetches parts relative to `baseUrl`, the URL of the index directory ending in "/". */
export function fetchPartSource(baseUrl: string | URL, fetchImpl: typeof fetch = fetch): PartSource {
  return async (name) => {
    const url = new URL(partFile(name), baseUrl);
    const response = await fetchImpl(url);
    if (!response.ok) throw new Error(`search index part ${name}: HTTP ${response.status}`);
    return unwrapPart(name, await response.text());
  };
}

type Callback = (name: string, payload: unknown) => void;

/** Loads parts as <script> elements from `baseUrl` (works on file://). */
export function scriptPartSource(baseUrl: string | URL): PartSource {
  const waiting = new Map<string, (payload: unknown) => void>();
  const g = globalThis as unknown as Record<string, Callback | undefined>;
  const previous = g[PART_CALLBACK];
  g[PART_CALLBACK] = (name, payload) => {
    const resolve = waiting.get(name);
    if (resolve) {
      waiting.delete(name);
      resolve(payload);
    } else {
      previous?.(name, payload);
    }
  };
  return (name) =>
    new Promise((resolve, reject) => {
      waiting.set(name, resolve);
      const script = document.createElement("script");
      script.src = new URL(partFile(name), baseUrl).href;
      script.async = true;
      script.onload = () => {
        script.remove();
        // A script that ran without calling back is not a part of this index.
        if (waiting.delete(name)) reject(new Error(`search index part ${name}: did not load`));
      };
      script.onerror = () => {
        script.remove();
        waiting.delete(name);
        reject(new Error(`search index part ${name}: cannot load ${script.src}`));
      };
      document.head.appendChild(script);
    });
}

/** The right source for the page: scripts on file://, fetch elsewhere. */
export function pagePartSource(baseUrl: string | URL): PartSource {
  const url = new URL(baseUrl, typeof location !== "undefined" ? location.href : undefined);
  return url.protocol === "file:" ? scriptPartSource(url) : fetchPartSource(url);
}
