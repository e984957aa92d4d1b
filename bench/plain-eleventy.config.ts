/**
 * Plain Eleventy, the benchmark's baseline for the cost of building pages: the project's
 * own Eleventy config (same templates, layouts, data and filters), with its after-build
 * step (browser bundles, search documents and index, offline manifest, service worker)
 * left out. Used only by bench/plain-build.ts.
 */
import projectConfig from "../.eleventy.ts";

type Config = Parameters<typeof projectConfig>[0];

export default function (config: Config) {
  const plain = new Proxy(config, {
    get(target, prop, receiver) {
      if (prop === "on") {
        return (event: string, fn: Parameters<Config["on"]>[1]) => {
          if (event !== "eleventy.after") target.on(event, fn);
        };
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return projectConfig(plain);
}
