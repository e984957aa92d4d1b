/**
 * Listing slug: the folder name of a column's or a person's page. Names stay
 * readable Chinese (links percent-encode them); only characters that file systems
 * or URLs reserve are replaced, and a clash gets a numeric suffix.
 */
export function listingSlug(name: string, used: Set<string>): string {
  const base =
    name
      .normalize("NFKC")
      .replace(/[\s/\\?%*:|"<>#&+.]+/gu, "-")
      .replace(/^-+|-+$/gu, "") || "x";
  let slug = base;
  for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
  used.add(slug);
  return slug;
}
