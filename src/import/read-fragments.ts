/**
 * Read fragments: step 1 of the assembly (assemble.ts). Lines are read in
 * order: a head group (kicker, title, byline…, see heads.ts) opens an article;
 * paragraphs and subheads follow it. Text with no head above it (after an
 * article closed by its author's unit, after a photo, or opened by a byline
 * alone) is a headless fragment, for placement.ts to place.
 */
import type { Paragraph } from "./assembly.ts";
import type { PageLine } from "./classify-lines.ts";
import type { Fragment } from "./fragment.ts";
import { readHead, type Head } from "./heads.ts";
import { unassignedReasons } from "./messages.ts";
import { piece, type Unassigned } from "./pieces.ts";
import { printedLength } from "./sentences.ts";

/** Subheads are short: 加强组织保障. A longer heading between paragraphs opens a new article. */
export const SUBHEAD_MAX = 12;

function paragraphOf(l: PageLine): Paragraph {
  return { kind: "paragraph", pieces: [piece(l.n, "paragraph", l.body)] };
}

export function readFragments(lines: PageLine[], leftovers: Unassigned[]): Fragment[] {
  const fragments: Fragment[] = [];
  let group: PageLine[] | undefined;
  let cur: Fragment | undefined;

  const open = (head: Head): Fragment => {
    const f: Fragment = { head, body: [], closed: false, pos: fragments.length };
    fragments.push(f);
    cur = f;
    return f;
  };
  const flush = () => {
    if (group) open(readHead(group, leftovers));
    group = undefined;
    counts.clear();
  };
  // How many lines of each kind the group holds, kept as it grows (a long run of head lines is not scanned at each line).
  const counts = new Map<PageLine["kind"], number>();
  const add = (l: PageLine) => {
    (group ??= []).push(l);
    counts.set(l.kind, (counts.get(l.kind) ?? 0) + 1);
  };
  const start = (l: PageLine) => {
    group = undefined;
    counts.clear();
    add(l);
  };
  const has = (kind: PageLine["kind"]) => (counts.get(kind) ?? 0) > 0;
  const headingCount = () => counts.get("heading") ?? 0;
  const awaitingTip = () => group !== undefined && group.at(-1)?.kind === "tip-label" && !group.at(-1)!.tipText;
  const addParagraph = (l: PageLine) => {
    if (l.bylinePrefix) {
      const byline = piece(l.n, "byline", l.bylinePrefix);
      if (cur && !cur.closed && cur.body.length === 0 && !cur.head.byline && !cur.caption) cur.head.byline = byline;
      else open({ notes: [], byline });
    } else if (!cur || cur.closed) {
      open({ notes: [] });
    }
    if (l.body) cur!.body.push(paragraphOf(l));
    if (l.affiliation) {
      cur!.affiliation = piece(l.n, "affiliation", l.affiliation.raw, l.affiliation.value);
      cur!.closed = true;
    }
  };
  const photo = (caption: PageLine | undefined, credit: PageLine) => {
    const f = cur!;
    if (caption) f.caption = piece(caption.n, "caption", caption.text);
    f.credit = piece(credit.n, "credit", credit.text);
    f.closed = true;
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const next = lines[i + 1];
    const afterNext = lines[i + 2];
    if (group) {
      if (l.kind === "kicker") {
        if (headingCount() > 0 || has("byline")) flush(), start(l);
        else add(l);
        continue;
      }
      if (l.kind === "heading" && !has("byline") && !has("tip-label")) {
        if (headingCount() >= 3) flush(), start(l);
        else add(l);
        continue;
      }
      if (l.kind === "byline") {
        if (has("byline")) flush(), start(l);
        else add(l);
        continue;
      }
      if (l.kind === "tip-label") {
        if (has("tip-label")) flush(), start(l);
        else add(l);
        continue;
      }
      if (l.kind === "paragraph" && awaitingTip()) {
        add(l);
        continue;
      }
      if (l.kind === "paragraph" && next?.kind === "credit" && !has("byline") && !has("tip-label") && headingCount() > 0) {
        flush();
        photo(l, next);
        i++;
        continue;
      }
      if (l.kind === "credit") {
        flush();
        photo(undefined, l);
        continue;
      }
      flush(); // a paragraph, or a heading after a byline or tip: the body begins
    }

    switch (l.kind) {
      case "kicker":
      case "byline":
      case "tip-label":
        start(l);
        break;
      case "heading": {
        if (cur && !cur.closed && cur.body.length === 0 && cur.head.byline && !cur.head.tipLabel) {
          addParagraph(l); // a dateline right under the byline (5月3日 星期五 晴)
          break;
        }
        const opensArticle =
          next === undefined ||
          ["heading", "kicker", "byline", "tip-label", "credit"].includes(next.kind) ||
          (next.kind === "paragraph" && (next.bylinePrefix !== undefined || afterNext?.kind === "credit"));
        const inText = cur !== undefined && !cur.closed && (cur.body.length > 0 || cur.head.tipLabel !== undefined);
        if (!opensArticle && inText && printedLength(l.text) <= SUBHEAD_MAX) cur!.body.push({ kind: "subhead", piece: piece(l.n, "subhead", l.text) });
        else start(l);
        break;
      }
      case "paragraph":
        if (next?.kind === "credit") {
          open({ notes: [] });
          photo(l, next);
          i++;
        } else addParagraph(l);
        break;
      case "credit":
        leftovers.push({ line: l.n, text: l.text, ...unassignedReasons.creditAlone() });
        break;
    }
  }
  flush();
  return fragments;
}
