/**
 * Shard plan: how the sharded build cuts an archive into shards, runs of
 * consecutive editions in archive order (newest first) of about a fixed number
 * of articles each (an edition is never split), and what each shard's process
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

/** The shards of `summary`, each closed once it holds at least `size` articles. Document files go under `workDir`. */
export function planShards(summary: ArchiveSummary, identity: ArchiveIdentity | undefined, size: number, workDir: string): ShardSpec[] {
  const groups: number[][] = [];
  let current: number[] = [];
  let count = 0;
  summary.editions.forEach((edition, i) => {
    current.push(i);
    count += edition.pages.reduce((n, p) => n + p.articles.length, 0);
    if (count >= size) {
      groups.push(current);
      current = [];
      count = 0;
    }
  });
  if (current.length) groups.push(current);
  const link = (i: number): Link | undefined => {
    const e = summary.editions[i];
    return e && { url: e.url, label: e.dateLabel };
  };
  return groups.map((indexes, k) => {
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
}
