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
export const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case ASCII letters, digits and hyphens");

/** A fact with a status: a stated or inferred value needs no null; unknown needs a reason. */
function requireReason<T extends { status: FactStatus; note?: string | undefined }>(fact: T, ctx: z.RefinementCtx, field: string) {
  if (fact.status !== "stated" && !fact.note) {
    ctx.addIssue({ code: "custom", path: [field, "note"], message: `a ${fact.status} fact needs a note giving the reason` });
  }
}

export const editionSchema = z
  .strictObject({
    /** Name of the paper, when it is known. */
    paper: z.strictObject({ name: text.nullable(), status: z.enum(STATUSES), note: text.optional() }).optional(),
    date: z.strictObject({ value: partialDate.nullable(), status: z.enum(STATUSES), note: text.optional() }),
    /** Earliest/latest possible day, when the date is inferred to a range. */
    dateRange: z.strictObject({ earliest: partialDate, latest: partialDate.optional() }).optional(),
    note: text.optional(),
  })
  .superRefine((e, ctx) => {
    requireReason(e.date, ctx, "date");
    if (e.paper) requireReason(e.paper, ctx, "paper");
    if (e.date.status !== "unknown" && e.date.value === null) {
      ctx.addIssue({ code: "custom", path: ["date", "value"], message: "a stated or inferred date needs a value" });
    }
  });

/** content/archive.json: the archive's identity (masthead, titles, feed, app manifest, JSON-LD). */
export const archiveSchema = z
  .strictObject({
    /** The paper's name (报名), as a fact: unknown when no page of the archive prints it. */
    paper: z.strictObject({ name: text.nullable(), status: z.enum(STATUSES), note: text.optional() }),
    /** What the site calls itself, when not just the paper's name (e.g. when that is unknown). */
    title: text.optional(),
    shortName: text.optional(),
    description: text.optional(),
  })
  .superRefine((a, ctx) => requireReason(a.paper, ctx, "paper"));

export type ArchiveData = z.infer<typeof archiveSchema>;

/** A line of the page that belongs to no article, kept with the reason it was not placed. */
const unplacedLine = z.strictObject({ text, reason: text });

export const pageSchema = z
  .strictObject({
    number: z.strictObject({ value: z.number().int().positive().nullable(), status: z.enum(STATUSES), note: text.optional() }),
    name: z.strictObject({ value: text.nullable(), status: z.enum(STATUSES), note: text.optional() }),
    unplaced: z.array(unplacedLine).optional(),
  })
  .superRefine((p, ctx) => {
    requireReason(p.number, ctx, "number");
    requireReason(p.name, ctx, "name");
  });

const person = z.strictObject({ name: text, role: z.enum(ROLES) });

export const ENDINGS = ["complete", "breaks-off", "continues"] as const;

export const articleSchema = z
  .strictObject({
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
  })
  .superRefine((a, ctx) => {
    if (a.ending !== "complete" && !a.endingNote) {
      ctx.addIssue({ code: "custom", path: ["endingNote"], message: `an article that ${a.ending} needs an endingNote saying where and how` });
    }
  });

export type EditionData = z.infer<typeof editionSchema>;
export type PageData = z.infer<typeof pageSchema>;
export type ArticleFrontMatter = z.infer<typeof articleSchema>;
export type Person = z.infer<typeof person>;
