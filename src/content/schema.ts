/**
 * Schema: the shape of an archive's source files, checked with zod.
 *
 * An archive is a folder of editions; an edition is a folder of pages (版面); a
 * page is a folder of articles, one Markdown file each. Edition and page facts
 * live once in a directory data file (`edition.json`, `page.json`), never
 * repeated per article. Facts the print does not state carry a status
 * (`stated`, `inferred`, `unknown`) and, unless stated, the reason.
 */
import { z } from "zod";

/** Who appears in a byline, with what role. */
export const ROLES = ["记者", "通讯员", "作者", "摄影"] as const;
export type Role = (typeof ROLES)[number];

export const STATUSES = ["stated", "inferred", "unknown"] as const;
export type FactStatus = (typeof STATUSES)[number];

/** YYYY, YYYY-MM or YYYY-MM-DD: a partial date is how "June 2023, day unknown" is said. */
const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be a date written YYYY-MM-DD (or YYYY-MM, YYYY)")
  .refine(isRealPartialDate, "is not a real calendar date");

function isRealPartialDate(value: string): boolean {
  const [y, m, d] = value.split("-").map(Number) as [number, number?, number?];
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

const text = z.string().trim().min(1, "must not be empty");
/** Slugs become folder names in URLs: ASCII keeps them identical on every server and on disk. */
export const SLUG_MAX = 100;
export const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case ASCII letters, digits and hyphens")
  .max(SLUG_MAX, `must be at most ${SLUG_MAX} characters (it becomes a folder name)`);

/**
 * Rules across fields. They are plain checks over the raw data rather than zod
 * refinements, because zod skips an object's refinements once any of its fields
 * has a type error, and every error of a file is reported at once.
 */
export interface RuleIssue {
  path: string;
  message: string;
}

type Raw = Record<string, unknown>;
const asRecord = (v: unknown): Raw | undefined => (v && typeof v === "object" && !Array.isArray(v) ? (v as Raw) : undefined);

/** A fact that is not stated needs a reason. */
function requireReason(data: Raw, field: string, issues: RuleIssue[]): void {
  const fact = asRecord(data[field]);
  if (!fact || typeof fact.status !== "string" || !(STATUSES as readonly string[]).includes(fact.status)) return;
  if (fact.status !== "stated" && (typeof fact.note !== "string" || !fact.note.trim())) {
    issues.push({ path: `${field}.note`, message: `a ${fact.status} fact needs a note giving the reason` });
  }
}

const isDate = (v: unknown): v is string => partialDate.safeParse(v).success;

export function editionRules(raw: unknown): RuleIssue[] {
  const data = asRecord(raw);
  if (!data) return [];
  const issues: RuleIssue[] = [];
  requireReason(data, "date", issues);
  if (data.paper !== undefined) requireReason(data, "paper", issues);
  const date = asRecord(data.date);
  if (date && (date.status === "stated" || date.status === "inferred") && date.value === null) {
    issues.push({ path: "date.value", message: "a stated or inferred date needs a value" });
  }
  const range = asRecord(data.dateRange);
  if (range && isDate(range.earliest)) {
    const earliest = firstDay(range.earliest);
    const latest = isDate(range.latest) ? lastDay(range.latest) : undefined;
    if (latest !== undefined && earliest > latest) {
      issues.push({ path: "dateRange", message: `earliest (${range.earliest}) is after latest (${range.latest as string})` });
    } else if (date && isDate(date.value) && (lastDay(date.value) < earliest || (latest !== undefined && firstDay(date.value) > latest))) {
      issues.push({ path: "dateRange", message: `${range.earliest} to ${latest === undefined ? "any later day" : (range.latest as string)} excludes the edition's date (${date.value})` });
    }
  }
  return issues;
}

export function pageRules(raw: unknown): RuleIssue[] {
  const data = asRecord(raw);
  if (!data) return [];
  const issues: RuleIssue[] = [];
  requireReason(data, "number", issues);
  requireReason(data, "name", issues);
  if (Array.isArray(data.regions)) {
    if (data.image === undefined) issues.push({ path: "regions", message: "regions are places on the page image: give the image too" });
    data.regions.forEach((r, i) => {
      const shape = asRecord(r);
      if (shape && (shape.rect === undefined) === (shape.polygon === undefined)) issues.push({ path: `regions.${i}`, message: "give either rect [x, y, width, height] or polygon [[x, y], …]" });
    });
  }
  return issues;
}

export function articleRules(raw: unknown): RuleIssue[] {
  const data = asRecord(raw);
  if (!data) return [];
  const ending = data.ending ?? "complete";
  if (ending !== "complete" && typeof ending === "string" && (ENDINGS as readonly string[]).includes(ending) && (typeof data.endingNote !== "string" || !data.endingNote.trim())) {
    return [{ path: "endingNote", message: `an article that ${ending} needs an endingNote saying where and how` }];
  }
  return [];
}

/** The first and last day a partial date can mean, as YYYY-MM-DD (so they compare as strings). */
function firstDay(partial: string): string {
  const [y, m = "01", d = "01"] = partial.split("-");
  return `${y}-${m}-${d}`;
}

function lastDay(partial: string): string {
  const [y, m, d] = partial.split("-");
  if (d) return partial;
  if (!m) return `${y}-12-31`;
  const days = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
  return `${y}-${m}-${String(days).padStart(2, "0")}`;
}

export const editionFields = z.strictObject({
  /** Name of the paper, when it is known. */
  paper: z.strictObject({ name: text.nullable(), status: z.enum(STATUSES), note: text.optional() }).optional(),
  date: z.strictObject({ value: partialDate.nullable(), status: z.enum(STATUSES), note: text.optional() }),
  /** Earliest/latest possible day, when the date is inferred to a range. */
  dateRange: z.strictObject({ earliest: partialDate, latest: partialDate.optional() }).optional(),
  note: text.optional(),
});


/** A line of the page that belongs to no article, kept with the reason it was not placed. */
const unplacedLine = z.strictObject({ text, reason: text });

/** Image formats of a printed page's image (版面图) that every browser shows. */
export const PAGE_IMAGE_TYPES = ["jpg", "jpeg", "png", "webp"] as const;

/** A file beside page.json: a lower-case ASCII name, as it becomes part of a URL, with one of `extensions`. */
function pageFile(extensions: readonly string[]) {
  const list = extensions.map((e) => `.${e}`).join(", ");
  return z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*\.[a-z0-9]+$/, "must be a file name beside page.json: lower-case ASCII letters, digits and hyphens, then the extension")
    .max(SLUG_MAX, `must be at most ${SLUG_MAX} characters (it becomes part of a URL)`)
    .refine((name) => extensions.includes(name.slice(name.lastIndexOf(".") + 1)), `must end in ${list}`);
}

/** A point in the page image's pixels, from its top-left corner. */
const pixel = z.number().nonnegative("must not be negative");
const point = z.tuple([pixel, pixel]);

/**
 * Where an article stands on the page image: a rectangle [x, y, width, height] or a
 * polygon [[x, y], …] in the image's pixels (Founder's systems export either).
 */
const region = z.strictObject({
  /** The article's slug: its file name without .md, or its `slug` field. */
  article: slug,
  rect: z.tuple([pixel, pixel, z.number().positive("must be more than 0"), z.number().positive("must be more than 0")]).optional(),
  polygon: z.array(point).min(3, "needs at least 3 points").optional(),
});

export const pageFields = z.strictObject({
  number: z.strictObject({ value: z.number().int().positive().nullable(), status: z.enum(STATUSES), note: text.optional() }),
  name: z.strictObject({ value: text.nullable(), status: z.enum(STATUSES), note: text.optional() }),
  unplaced: z.array(unplacedLine).optional(),
  /** The printed page's image (版面图), a file beside page.json; its pixel size is read from the file. */
  image: pageFile(PAGE_IMAGE_TYPES).optional(),
  /** A PDF of the printed page, beside page.json. */
  pdf: pageFile(["pdf"]).optional(),
  /** Each article's region on the image. */
  regions: z.array(region).optional(),
});

const person = z.strictObject({ name: text, role: z.enum(ROLES) });

export const ENDINGS = ["complete", "breaks-off", "continues"] as const;

export const articleFields = z.strictObject({
  title: text,
  kicker: text.optional(),
  subtitle: text.optional(),
  column: text.optional(),
  /** The byline exactly as printed; people and source are parsed from it unless given. */
  byline: text.optional(),
  people: z.array(person).optional(),
  source: text.optional(),
  readingTip: text.optional(),
  caption: text.optional(),
  credit: text.optional(),
  affiliation: text.optional(),
  order: z.number().int().positive(),
  /** complete; breaks-off (the text stops, nothing says where it goes); continues (转版, printed). */
  ending: z.enum(ENDINGS).default("complete"),
  endingNote: text.optional(),
  tags: z.array(text).optional(),
  slug: slug.optional(),
});

/**
 * The fields with their rules, for a caller that checks one object (the importer's
 * drafts); the loader checks fields and rules apart, so a type error does not hide
 * a rule's.
 */
function withRules<S extends z.ZodType>(fields: S, rules: (raw: unknown) => RuleIssue[]) {
  return fields.superRefine((data, ctx) => {
    for (const issue of rules(data)) ctx.addIssue({ code: "custom", path: issue.path.split("."), message: issue.message });
  });
}

/** content/archive.json: the archive's identity (masthead, titles, feed, app manifest, JSON-LD). */
export const archiveFields = z.strictObject({
  /** The paper's name (报名), as a fact: unknown when no page of the archive prints it. */
  paper: z.strictObject({ name: text.nullable(), status: z.enum(STATUSES), note: text.optional() }),
  /** What the site calls itself, when not just the paper's name (e.g. when that is unknown). */
  title: text.optional(),
  shortName: text.optional(),
  description: text.optional(),
});

export function archiveRules(raw: unknown): RuleIssue[] {
  const data = asRecord(raw);
  if (!data) return [];
  const issues: RuleIssue[] = [];
  requireReason(data, "paper", issues);
  return issues;
}

export const editionSchema = withRules(editionFields, editionRules);
export const pageSchema = withRules(pageFields, pageRules);
export const articleSchema = withRules(articleFields, articleRules);
export const archiveSchema = withRules(archiveFields, archiveRules);

export type EditionData = z.infer<typeof editionSchema>;
export type PageData = z.infer<typeof pageSchema>;
export type ArchiveData = z.infer<typeof archiveSchema>;
export type ArticleFrontMatter = z.infer<typeof articleSchema>;
export type Person = z.infer<typeof person>;
