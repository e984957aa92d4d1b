/**
 * Validity: the Nu HTML Checker (vnu.jar, from the vnu-jar dev dependency) over
 * every HTML page of the built sample, in one run; and, with the same checker's
 * XML parser and RELAX NG validator, feed.xml against the Atom schema of
 * RFC 4287 and sitemap.xml (a sitemap index) and its sitemap files against the sitemaps.org 0.9 format. Each run also
 * checks a deliberately broken "canary" file, to prove errors would be seen.
 * Needs java (skipped without it, required under CI=true).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn } from "node:child_process";
import { copyFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fail, javaGate } from "../helpers/browser.ts";
import { buildInto, htmlPages, tempDir, ROOT, SAMPLE_CONTENT } from "../helpers/site.ts";
import { writeSampleWithPageImage } from "../../tools/sample-with-page-image.ts";

const VNU = join(ROOT, "node_modules/vnu-jar/build/dist/vnu.jar");

/** RFC 4287, Appendix B (RELAX NG compact schema for Atom 1.0), without its Schematron annotations. */
const ATOM_RNC = String.raw`
namespace atom = "http://www.w3.org/2005/Atom"
namespace xhtml = "http://www.w3.org/1999/xhtml"
namespace local = ""
start = atomFeed | atomEntry
atomCommonAttributes = attribute xml:base { atomUri }?, attribute xml:lang { atomLanguageTag }?, undefinedAttribute*
atomPlainTextConstruct = atomCommonAttributes, attribute type { "text" | "html" }?, text
atomXHTMLTextConstruct = atomCommonAttributes, attribute type { "xhtml" }, xhtmlDiv
atomTextConstruct = atomPlainTextConstruct | atomXHTMLTextConstruct
atomPersonConstruct = atomCommonAttributes,
  (element atom:name { text } & element atom:uri { atomUri }? & element atom:email { atomEmailAddress }? & extensionElement*)
atomDateConstruct = atomCommonAttributes, xsd:dateTime
atomFeed = element atom:feed {
  atomCommonAttributes,
  (atomAuthor* & atomCategory* & atomContributor* & atomGenerator? & atomIcon? & atomId & atomLink* & atomLogo?
   & atomRights? & atomSubtitle? & atomTitle & atomUpdated & extensionElement*),
  atomEntry*
}
atomEntry = element atom:entry {
  atomCommonAttributes,
  (atomAuthor* & atomCategory* & atomContent? & atomContributor* & atomId & atomLink* & atomPublished? & atomRights?
   & atomSource? & atomSummary? & atomTitle & atomUpdated & extensionElement*)
}
atomContent = atomInlineTextContent | atomInlineXHTMLContent | atomInlineOtherContent | atomOutOfLineContent
atomInlineTextContent = element atom:content { atomCommonAttributes, attribute type { "text" | "html" }?, (text)* }
atomInlineXHTMLContent = element atom:content { atomCommonAttributes, attribute type { "xhtml" }, xhtmlDiv }
atomInlineOtherContent = element atom:content { atomCommonAttributes, attribute type { atomMediaType }?, (text | anyElement)* }
atomOutOfLineContent = element atom:content { atomCommonAttributes, attribute type { atomMediaType }?, attribute src { atomUri }, empty }
atomAuthor = element atom:author { atomPersonConstruct }
atomCategory = element atom:category {
  atomCommonAttributes, attribute term { text }, attribute scheme { atomUri }?, attribute label { text }?, undefinedContent
}
atomContributor = element atom:contributor { atomPersonConstruct }
atomGenerator = element atom:generator { atomCommonAttributes, attribute uri { atomUri }?, attribute version { text }?, text }
atomIcon = element atom:icon { atomCommonAttributes, (atomUri) }
atomId = element atom:id { atomCommonAttributes, (atomUri) }
atomLogo = element atom:logo { atomCommonAttributes, (atomUri) }
atomLink = element atom:link {
  atomCommonAttributes, attribute href { atomUri }, attribute rel { atomNCName | atomUri }?, attribute type { atomMediaType }?,
  attribute hreflang { atomLanguageTag }?, attribute title { text }?, attribute length { text }?, undefinedContent
}
atomPublished = element atom:published { atomDateConstruct }
atomRights = element atom:rights { atomTextConstruct }
atomSource = element atom:source {
  atomCommonAttributes,
  (atomAuthor* & atomCategory* & atomContributor* & atomGenerator? & atomIcon? & atomId? & atomLink* & atomLogo?
   & atomRights? & atomSubtitle? & atomTitle? & atomUpdated? & extensionElement*)
}
atomSubtitle = element atom:subtitle { atomTextConstruct }
atomSummary = element atom:summary { atomTextConstruct }
atomTitle = element atom:title { atomTextConstruct }
atomUpdated = element atom:updated { atomDateConstruct }
atomNCName = xsd:string { minLength = "1" pattern = "[^:]*" }
atomMediaType = xsd:string { pattern = ".+/.+" }
atomLanguageTag = xsd:string { pattern = "[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*" }
atomUri = text
atomEmailAddress = xsd:string { pattern = ".+@.+" }
simpleExtensionElement = element * - atom:* { text }
structuredExtensionElement = element * - atom:* {
  (attribute * { text }+, (text | anyElement)*) | (attribute * { text }*, (text?, anyElement+, (text | anyElement)*))
}
extensionElement = simpleExtensionElement | structuredExtensionElement
undefinedAttribute = attribute * - (xml:base | xml:lang | local:*) { text }
undefinedContent = (text | anyForeignElement)*
anyElement = element * { (attribute * { text } | text | anyElement)* }
anyForeignElement = element * - atom:* { (attribute * { text } | text | anyElement)* }
xhtmlDiv = element xhtml:div { (attribute * { text } | text | anyXHTML)* }
anyXHTML = element xhtml:* { (attribute * { text } | text | anyXHTML)* }
`;

/**
 * The sitemaps.org 0.9 format (its XSD, in RELAX NG). `loc` is any URI
 * reference: without --site-url the build writes relative ones on purpose.
 */
const SITEMAP_RNC = String.raw`
default namespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9"
start = element urlset { url+ } | element sitemapindex { sitemap+ }
sitemap = element sitemap {
  element loc { xsd:anyURI { minLength = "1" maxLength = "2048" } },
  element lastmod { xsd:date | xsd:dateTime }?,
  foreign*
}
url = element url {
  element loc { xsd:anyURI { minLength = "1" maxLength = "2048" } },
  element lastmod { xsd:date | xsd:dateTime }?,
  element changefreq { "always" | "hourly" | "daily" | "weekly" | "monthly" | "yearly" | "never" }?,
  element priority { xsd:decimal { minInclusive = "0" maxInclusive = "1" } }?,
  foreign*
}
foreign = element * - sm:* { anything }
anything = (attribute * { text } | text | element * { anything })*
`;

const CANARY = {
  html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>canary</title></head><body><p>a<div>b</div></p></body></html>`,
  feed: `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><updated>2023-06-11T00:00:00Z</updated></feed>`,
  sitemap: `<?xml version="1.0" encoding="utf-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url></url></urlset>`,
};

interface VnuMessage {
  type: string; // "error", "info", "non-document-error"
  subType?: string; // "fatal" for XML well-formedness errors, "warning" for info
  url?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

/** Runs vnu.jar (errors only, JSON on stderr) and returns its messages, or throws if it did not run. */
function vnu(args: string[]): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    const child = spawn("java", ["-jar", VNU, "--errors-only", "--format", "json", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      // Exit 0: no errors; 1: errors reported. Anything else, or no JSON, is the checker failing.
      try {
        if (code !== 0 && code !== 1) throw new Error(`exit code ${code}`);
        resolve((JSON.parse(stderr) as { messages: VnuMessage[] }).messages);
      } catch (err) {
        reject(new Error(`vnu.jar did not run (${(err as Error).message}):\n${stdout}\n${stderr}`.trim()));
      }
    });
  });
}

/** The messages about `file` (a path vnu was given), and the rest. */
function about(messages: VnuMessage[], file: string): [VnuMessage[], VnuMessage[]] {
  const of = (m: VnuMessage) => m.url !== undefined && decodeURIComponent(m.url.replace(/^file:(\/\/)?/u, "")) === file;
  return [messages.filter(of), messages.filter((m) => !of(m))];
}

function describe(messages: VnuMessage[], nameOf: (path: string) => string): string {
  return messages
    .map((m) => {
      const path = m.url === undefined ? "(checker)" : nameOf(decodeURIComponent(m.url.replace(/^file:(\/\/)?/u, "")));
      const where = `${path}:${m.lastLine ?? m.firstLine ?? "?"}:${m.firstColumn ?? "?"}`;
      const extract = m.extract ? `\n      ${m.extract.replace(/\s+/gu, " ").trim()}` : "";
      return `  ${where}: ${m.type}${m.subType ? ` (${m.subType})` : ""}: ${m.message}${extract}`;
    })
    .join("\n");
}

const gate = javaGate(test, "HTML validity checks (Nu HTML Checker)");

if (!gate.available) {
  gate.test("every page is valid HTML (Nu HTML Checker)", () => {});
  gate.test("feed.xml is well-formed, valid Atom", () => {});
  gate.test("sitemap.xml and its sitemap files are well-formed, in the sitemaps.org format", () => {});
} else {
  const site = buildInto(SAMPLE_CONTENT);
  const work = tempDir("vnu");
  // The page view with a printed page's image too: the sample has none of its own.
  const imageSite = buildInto(writeSampleWithPageImage(join(tempDir("content"), "content")));
  const imagePage = join(imageSite, "2023-06/page-unknown/index.html");
  const write = (name: string, text: string) => {
    writeFileSync(join(work, name), text);
    return join(work, name);
  };
  const siteName = (path: string) => (path.startsWith(site) ? relative(site, path) : path === imagePage ? `${relative(imageSite, path)} (with its page image)` : path);

  // vnu parses *.xhtml with its XML parser (reporting well-formedness errors as fatal), so the XML files go in as copies named so.
  const feed = join(work, "feed.xhtml");
  copyFileSync(join(site, "feed.xml"), feed);
  const sitemapNames = readdirSync(site).filter((f) => /^sitemap.*\.xml$/u.test(f));
  const sitemaps = sitemapNames.map((name) => {
    const copy = join(work, name.replace(/\.xml$/u, ".xhtml"));
    copyFileSync(join(site, name), copy);
    return copy;
  });
  const xmlName = (path: string) => (path === feed ? "feed.xml" : sitemaps.includes(path) ? sitemapNames[sitemaps.indexOf(path)]! : path);

  const pages = [...htmlPages(site).map((p) => join(site, p)), imagePage];
  const htmlCanary = write("canary.html", CANARY.html);
  const feedCanary = write("canary-feed.xhtml", CANARY.feed);
  const sitemapCanary = write("canary-sitemap.xhtml", CANARY.sitemap);
  // One checker run each (JVM start-up is most of the cost), one after the other: they would only compete for CPU.
  const runs = {
    html: () => vnu([...pages, htmlCanary]),
    feed: () => vnu(["--schema", `file:${write("atom.rnc", ATOM_RNC)}`, feed, feedCanary]),
    sitemap: () => vnu(["--schema", `file:${write("sitemap.rnc", SITEMAP_RNC)}`, ...sitemaps, sitemapCanary]),
  };

  test("every page is valid HTML (Nu HTML Checker)", async () => {
    assert.ok(pages.length > 10, `${pages.length} pages`);
    const [canary, errors] = about(await runs.html(), htmlCanary);
    assert.ok(canary.length > 0, "the checker reports the canary page's error");
    if (errors.length > 0) fail(`${errors.length} HTML error(s):\n${describe(errors, siteName)}`);
  });

  test("feed.xml is well-formed, valid Atom", async () => {
    const [canary, errors] = about(await runs.feed(), feedCanary);
    assert.ok(canary.some((m) => m.message.includes("“id”")), "the schema catches the canary feed's missing id");
    if (errors.length > 0) fail(`${errors.length} feed error(s):\n${describe(errors, xmlName)}`);
  });

  test("sitemap.xml and its sitemap files are well-formed, in the sitemaps.org format", async () => {
    assert.ok(sitemaps.length >= 3, sitemapNames.join(" "));
    const [canary, errors] = about(await runs.sitemap(), sitemapCanary);
    assert.ok(canary.some((m) => m.message.includes("“loc”")), "the schema catches the canary sitemap's missing loc");
    if (errors.length > 0) fail(`${errors.length} sitemap error(s):\n${describe(errors, xmlName)}`);
  });
}

test.run();
