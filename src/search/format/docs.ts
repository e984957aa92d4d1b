/**
 * Docs: the encoding of a docs part (index-format.ts, "docs/K"), both ways: the records
 * of consecutive articles, each the article's search document (documents.ts).
 */
import { searchDocument, parseDocument, type SearchDocument } from "./documents.ts";
import { FormatError, checkBuild, type DocsPayload } from "./index-format.ts";

/** The payload of the docs part of build `build` whose first article is number `first`. */
export function encodeDocsPart(first: number, docs: readonly SearchDocument[], build: string): DocsPayload {
  return { build, first, docs: docs.map(searchDocument) };
}

/**
 * A docs part's payload, checked; throws FormatError naming the part and the field,
 * BuildMismatchError when it is of another build than `build` (meta's).
 */
export function decodeDocsPart(name: string, payload: unknown, build: string): DocsPayload {
  const fail = (where: string, what: string): never => {
    throw new FormatError(`${name}: ${where}: ${what}`);
  };
  const p = payload as Partial<DocsPayload> | null;
  if (typeof p !== "object" || p === null) fail("top level", "must be an object");
  checkBuild(name, p!, build);
  if (!Number.isSafeInteger(p!.first) || p!.first! < 0) fail("first", "must be an article number");
  if (!Array.isArray(p!.docs)) fail("docs", "must be an array");
  return { build, first: p!.first!, docs: p!.docs!.map((raw, i) => parseDocument(raw, `docs[${i}]`, fail)) };
}
