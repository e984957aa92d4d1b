/** The part of Eleventy's programmatic API that the build and serve scripts use (the package ships no types for it). */
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: { configPath?: string; quietMode?: boolean; source?: "cli" | "script"; runMode?: "build" | "serve" | "watch" });
    init(): Promise<void>;
    write(): Promise<unknown>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
  }
}
