/**
 * Part cache: how the index loader gets the parts of an index (format/index-format.ts).
 * A PartSource returns the parsed payload of a part by name: Node reads files
 * (build/node-part-source.ts), the browser fetches them or loads them as scripts
 * (part-sources.ts). The cache asks the source for each part once, however many queries
 * want it meanwhile, and forgets a failed load so that a later query retries it.
 *
 * A part that cannot be loaded or decoded (a network error, an HTTP error, a page of
 * HTML where the part should be, a corrupt or truncated file, a part of another build)
 * rejects with an IndexPartError, so that the query engine can tell a fault of the
 * index, which the reader must be told about, from a fault of its own code.
 */
import { BuildMismatchError } from "../format/index-format.ts";

/** A part of the index could not be had; `updated`: it is of another build (the site was updated). */
export class IndexPartError extends Error {
  override name = "IndexPartError";
  readonly updated: boolean;
  constructor(
    readonly part: string,
    cause: unknown,
  ) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(why.includes(part) ? why : `search index part ${part}: ${why}`, { cause });
    this.updated = cause instanceof BuildMismatchError;
  }
}

const asPartError = (name: string) => (e: unknown): never => {
  throw e instanceof IndexPartError ? e : new IndexPartError(name, e);
};

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
      p = this.source(name).catch(asPartError(name));
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
      d = this.get(name).then(decode).catch(asPartError(name));
      this.decodedParts.set(name, d);
      d.catch(() => this.decodedParts.delete(name));
    }
    return d;
  }
}
