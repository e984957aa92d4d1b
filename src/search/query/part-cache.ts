/**
 * Part cache: how the index loader gets the parts of an index (format/index-format.ts).
 * A PartSource returns the parsed payload of a part by name: Node reads files
 * (build/node-part-source.ts), the browser fetches them or loads them as scripts
 * (part-sources.ts). The cache asks the source for each part once, however many queries
 * want it meanwhile, and forgets a failed load so that a later query retries it.
 */

/** Returns the parsed payload of the part with the given name. */
export type PartSource = (name: string) => Promise<unknown>;

export class PartCache {
  private readonly parts = new Map<string, Promise<unknown>>();
  private readonly decodedParts = new Map<string, Promise<unknown>>();

  constructor(private readonly source: PartSource) {}

  /** A part's payload, loaded once. */
  get(name: string): Promise<unknown> {
    let p = this.parts.get(name);
    if (!p) {
      p = this.source(name);
      this.parts.set(name, p);
      p.catch(() => this.parts.delete(name));
    }
    return p;
  }

  /**
   * A part decoded once by `decode` (which throws FormatError on a bad part) and kept
   * decoded; a failure is forgotten like a failed load.
   */
  decoded<T>(name: string, decode: (payload: unknown) => T): Promise<T> {
    let d = this.decodedParts.get(name) as Promise<T> | undefined;
    if (!d) {
      d = this.get(name).then(decode);
      this.decodedParts.set(name, d);
      d.catch(() => this.decodedParts.delete(name));
    }
    return d;
  }
}
