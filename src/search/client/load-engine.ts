/**
 * Load engine: brings in the engine bundle (engine-bundle.ts) with a <script>
 * element, once, and resolves to what it exposes.
 */
import type { EngineBundle } from "./engine-bundle.ts";
import { ENGINE_GLOBAL } from "./protocol.ts";
let loading: Promise<EngineBundle> | undefined;

export function loadEngine(siteRoot: URL): Promise<EngineBundle> {
  return (loading ??= new Promise<EngineBundle>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = new URL("assets/search-engine.js", siteRoot).href;
    script.onload = () => {
      const bundle = (globalThis as unknown as Record<string, EngineBundle | undefined>)[ENGINE_GLOBAL];
      if (bundle) resolve(bundle);
      else reject(new Error("the search engine did not load"));
    };
    script.onerror = () => reject(new Error(`cannot load ${script.src}`));
    document.head.appendChild(script);
  }).catch((e: unknown) => {
    loading = undefined; // let a later attempt try again
    throw e;
  }));
}
