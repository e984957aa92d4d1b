/**
 * Front matter: the one reader of an article's `---` header, for the archive
 * loader and the importer alike. Article files are data, so only data languages
 * are read: YAML (`---` or `---yaml`, parsed by js-yaml's safe loader) and JSON
 * (`---json`). gray-matter would otherwise evaluate `---js` (and load any other
 * engine named on the opening line), letting a content file run code on the
 * build machine.
 */
import matter from "gray-matter";

/** The languages an opening `---LANG` line may name ("" is YAML, gray-matter's default). */
const DATA_LANGUAGES = new Set(["", "yaml", "yml", "json"]);

export class FrontMatterError extends Error {}

export interface FrontMatter {
  data: Record<string, unknown>;
  content: string;
}

function refuse(name: string): never {
  throw new FrontMatterError(`is written in "${name}", which is not accepted: front matter is data, written in YAML (---) or JSON (---json)`);
}

/** gray-matter's code-running engines, replaced so that no path through it can reach them. */
const REFUSING_ENGINES = {
  javascript: () => refuse("javascript"),
  js: () => refuse("js"),
  coffee: () => refuse("coffee"),
};

/** Parses a file's front matter; throws FrontMatterError for a language other than YAML or JSON, and js-yaml's error for bad YAML. */
export function readFrontMatter(text: string): FrontMatter {
  const language = openingLanguage(text);
  if (language !== undefined && !DATA_LANGUAGES.has(language)) refuse(language);
  // Passing options also turns off gray-matter's cache, which would share one data object between files of equal text.
  const parsed = matter(text, { engines: REFUSING_ENGINES });
  return { data: parsed.data as Record<string, unknown>, content: parsed.content };
}

/** The language named on the opening `---` line, as gray-matter reads it (after a byte-order mark), or undefined without front matter. */
function openingLanguage(text: string): string | undefined {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (!body.startsWith("---") || body[3] === "-") return undefined;
  const end = body.search(/\r?\n/u);
  return body.slice(3, end === -1 ? undefined : end).trim().toLowerCase();
}
