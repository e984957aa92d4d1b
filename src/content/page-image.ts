/**
 * Page image: resolves and checks what page.json says about the printed page, its
 * image (版面图), its PDF and each article's region on the image, into the page
 * model's `image` and `pdf`. The page view draws the regions as links over the
 * image, so a region must name an article of the page and lie inside the image,
 * and each file must be there and be what its extension says.
 *
 * The image's pixel size is read from the file (image-size), so an editor never
 * types it and it cannot disagree with the file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { imageSize } from "image-size";
import type { FolderEntry } from "./folder-entries.ts";
import type { Article, PageFile, PageImage, PageRegion } from "./model.ts";
import type { PageData } from "./schema.ts";

type Report = (file: string, field: string, message: string) => void;

/** image-size's name for each extension the schema allows. */
const TYPE_OF_EXTENSION: Record<string, string> = { jpg: "jpg", jpeg: "jpg", png: "png", webp: "webp" };

/** The pixel size of `bytes`, the page image named `name`, or why it is not one (unreadable, or another format than its extension says). */
export function readPageImage(name: string, bytes: Buffer): { width: number; height: number } | { problem: string } {
  const extension = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
  let size: { width: number; height: number; type?: string | undefined };
  try {
    size = imageSize(bytes);
  } catch {
    return { problem: `${name} is not an image that can be read (JPG, PNG or WebP)` };
  }
  if (size.type !== TYPE_OF_EXTENSION[extension]) return { problem: `${name} is a ${(size.type ?? "unknown").toUpperCase()} file, not what its extension .${extension} says` };
  return { width: size.width, height: size.height };
}

/** Why `bytes`, the PDF named `name`, is not a PDF: every PDF begins with its version line, so anything else is a file misnamed. */
export function pdfProblem(name: string, bytes: Buffer): string | undefined {
  return bytes.subarray(0, 5).equals(Buffer.from("%PDF-")) ? undefined : `${name} is not a PDF (it does not begin with %PDF-)`;
}

export interface ResolvedPageFiles {
  image?: PageImage | undefined;
  pdf?: PageFile | undefined;
}

/** The names page.json gives to files beside it, so the page folder's walk takes them as the page's. */
export function pageFileNames(data: PageData | undefined): string[] {
  return [data?.image, data?.pdf].filter((n): n is string => n !== undefined);
}

/**
 * `dir` is the page folder, `entries` what it holds, `articles` the page's
 * articles (for the regions' links); every problem is reported against page.json.
 */
export function resolvePageFiles(dir: string, entries: FolderEntry[], data: PageData, articles: Article[], report: Report): ResolvedPageFiles {
  const dataFile = join(dir, "page.json");
  const fileEntry = (field: string, name: string): FolderEntry | undefined => {
    const entry = entries.find((e) => e.name === name);
    if (!entry) report(dataFile, field, `names ${name}, which is not in the page folder`);
    else if (entry.kind !== "file") report(dataFile, field, `names ${name}, which ${entry.problem ?? "is a folder, not a file"}`);
    else return entry;
    return undefined;
  };

  let pdf: PageFile | undefined;
  if (data.pdf !== undefined) {
    const entry = fileEntry("pdf", data.pdf);
    const problem = entry && pdfProblem(data.pdf, readFileSync(entry.path));
    if (problem) report(dataFile, "pdf", problem);
    else if (entry) pdf = { file: data.pdf, source: entry.path };
  }

  if (data.image === undefined) return { pdf };
  const entry = fileEntry("image", data.image);
  if (!entry) return { pdf };
  const size = readPageImage(data.image, readFileSync(entry.path));
  if ("problem" in size) {
    report(dataFile, "image", size.problem);
    return { pdf };
  }
  const { width, height } = size;
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const regions: PageRegion[] = [];
  let regionsOk = true;
  (data.regions ?? []).forEach((r, i) => {
    const field = `regions.${i}`;
    const article = bySlug.get(r.article);
    if (!article) {
      report(dataFile, `${field}.article`, `names "${r.article}", which is not an article of this page (${[...bySlug.keys()].join(", ") || "it has none"})`);
      regionsOk = false;
    }
    const corners: [number, number][] = r.rect
      ? [[r.rect[0], r.rect[1]], [r.rect[0] + r.rect[2], r.rect[1]], [r.rect[0] + r.rect[2], r.rect[1] + r.rect[3]], [r.rect[0], r.rect[1] + r.rect[3]]]
      : (r.polygon ?? []);
    const outside = corners.find(([x, y]) => x > width || y > height);
    if (outside) {
      report(dataFile, `${field}.${r.rect ? "rect" : "polygon"}`, `reaches (${outside[0]}, ${outside[1]}), outside the image (${width} × ${height} pixels)`);
      regionsOk = false;
    }
    if (article) regions.push({ url: article.url, title: article.shortTitle, points: corners.map(([x, y]) => `${x},${y}`).join(" ") });
  });
  if (!regionsOk) return { pdf };
  return { image: { file: data.image, source: entry.path, width, height, regions }, pdf };
}
