/**
 * Listing slug: the folder name of a column's or a person's page. Names stay
 * readable Chinese (links percent-encode them); only characters that file systems
 * or URLs reserve are replaced. A long name is cut to LISTING_SLUG_BYTES of UTF-8
 * (file systems allow 255 bytes a name) and given a hash of the whole name, so
 * two long names sharing their start stay apart; a clash, compared without case
 * as case-insensitive file systems do, gets a numeric suffix.
 */
import { createHash } from "node:crypto";

export const LISTING_SLUG_BYTES = 120;

export function listingSlug(name: string, used: Set<string>): string {
  const readable =
    name
      .normalize("NFKC")
      .replace(/[\s/\\?%*:|"<>#&+.\p{Cc}\p{Cf}]+/gu, "-")
      .replace(/^-+|-+$/gu, "") || "x";
  const base = Buffer.byteLength(readable) <= LISTING_SLUG_BYTES ? readable : `${cutToBytes(readable, LISTING_SLUG_BYTES - 9)}-${createHash("sha1").update(name).digest("hex").slice(0, 8)}`;
  let slug = base;
  for (let n = 2; used.has(slug.toLowerCase()); n++) slug = `${base}-${n}`;
  used.add(slug.toLowerCase());
  return slug;
}

/** The longest prefix of `text` within `bytes` of UTF-8, cut between code points. */
function cutToBytes(text: string, bytes: number): string {
  let out = "";
  let size = 0;
  for (const ch of text) {
    size += Buffer.byteLength(ch);
    if (size > bytes) break;
    out += ch;
  }
  return out.replace(/-+$/u, "");
}
