/**
 * Shard plan: how the sharded build cuts an archive into shards, runs of
 * consecutive editions of about a fixed number of articles each (an edition is
 * never split), and what each shard's process
 * is told: its editions, the editions just beyond its edges (for 上一期/下一期),
 * the listing URLs of the columns and people its articles name, and where to
 * write its search documents.
 */
import { join } from "node:path";
import type { ArchiveIdentity } from "../content/archive-identity.ts";
import type { Link } from "../content/edition-order.ts";
import type { ArticleSummary, Listing } from "../content/model.ts";
import type { ArchiveSummary } from "./archive-summary.ts";

/** Articles per shard unless told otherwise: a shard's process then stays well under the build's memory budget. */
export const DEFAULT_SHARD_ARTICLES = 5_000;

export interface ShardSpec {
  /** 0 is the newest shard. */
  index: number;
  /** Edition folder names, in archive order. */
  editions: string[];
  /** The edition just older than the shard's oldest, and the one just newer than its newest. */
  earlier?: Link | undefined;
  later?: Link | undefined;
  columnUrls: [string, string][];
  personUrls: [string, string][];
  identity: ArchiveIdentity | undefined;
  /** The shard's search documents, JSON Lines in archive order. */
  documents: string;
  articleCount: number;
}

/** The articles per shard: `requested`, else BANMIAN_SHARD_ARTICLES, else the default. */
export function shardSize(requested?: number): number {
  const size = requested ?? (process.env.BANMIAN_SHARD_ARTICLES ? Number(process.env.BANMIAN_SHARD_ARTICLES) : DEFAULT_SHARD_ARTICLES);
  if (!Number.isInteger(size) || size < 1) throw new Error(`articles per shard must be a positive whole number, got ${size}`);
  return size;
}

const listingUrls = (listings: Listing<ArticleSummary>[], names: Set<string>): [string, string][] => listings.filter((l) => names.has(l.name)).map((l) => [l.name, l.url]);

/** Where the previous build cut: the editions it planned, and the last edition of each shard it closed. */
export interface PreviousCuts {
  planned: ReadonlySet<string>;
  closers: ReadonlySet<string>;
}

export interface ShardPlan {
  specs: ShardSpec[];
  /** The last edition of each shard closed, for the next build's PreviousCuts. */
  closers: string[];
}

/**
 * The shards of `summary`, in archive order (newest first). They are cut from the
 * oldest edition on, so a new edition joins the newest shard and the older shards
 * keep their editions (the build cache reuses those, ./build-cache.ts). A shard is
 * closed after an edition the previous build closed one after (`previous`), so an
 * edited, added or deleted article does not move any boundary; among editions the
 * previous build did not plan, once it holds at least `size` articles. Document
 * files go under `workDir`.
 */
export function planShards(summary: ArchiveSummary, identity: ArchiveIdentity | undefined, size: number, workDir: string, previous?: PreviousCuts): ShardPlan {
  const oldestFirst: number[][] = [];
  const closers: string[] = [];
  let current: number[] = [];
  let count = 0;
  for (let i = summary.editions.length - 1; i >= 0; i--) {
    const edition = summary.editions[i]!;
    current.unshift(i);
    count += edition.pages.reduce((n, p) => n + p.articles.length, 0);
    const close = previous?.closers.has(edition.id) || (!previous?.planned.has(edition.id) && count >= size);
    if (close) {
      oldestFirst.push(current);
      closers.push(edition.id);
      current = [];
      count = 0;
    }
  }
  if (current.length) oldestFirst.push(current);
  const groups = oldestFirst.reverse();
  const link = (i: number): Link | undefined => {
    const e = summary.editions[i];
    return e && { url: e.url, label: e.dateLabel };
  };
  const specs = groups.map((indexes, k): ShardSpec => {
    const editions = indexes.map((i) => summary.editions[i]!);
    const articles = editions.flatMap((e) => e.pages.flatMap((p) => p.articles));
    const columns = new Set(articles.flatMap((a) => (a.column ? [a.column] : [])));
    const people = new Set(articles.flatMap((a) => a.people.map((p) => p.name)));
    return {
      index: k,
      editions: editions.map((e) => e.id),
      earlier: link(indexes.at(-1)! + 1),
      later: link(indexes[0]! - 1),
      columnUrls: listingUrls(summary.columns, columns),
      personUrls: listingUrls(summary.people, people),
      identity,
      documents: join(workDir, "documents", `${String(k).padStart(5, "0")}.jsonl`),
      articleCount: articles.length,
    };
  });
  return { specs, closers };
}
