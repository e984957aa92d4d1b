/**
 * Render: builds the results list with DOM calls only. Article text is set as
 * text and matches are wrapped in <mark> elements created here, so nothing an
 * article contains is ever parsed as HTML.
 */
import type { Range } from "../query/snippets.ts";
import type { ResultItem, SearchReply } from "./protocol.ts";

/** `text` as nodes, with `ranges` wrapped in <mark>. */
export function markedText(text: string, ranges: readonly Range[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at || end <= start) continue;
    if (start > at) fragment.append(text.slice(at, start));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(start, end);
    fragment.append(mark);
    at = end;
  }
  if (at < text.length) fragment.append(text.slice(at));
  return fragment;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  el.append(...children);
  return el;
}

/**
 * One result: title linking to the article (with the query, to highlight it there, and
 * the words this article matched when they are not the query's own), where it stands,
 * the snippet, and for a partial match the words it lacks.
 */
function resultItem(item: ResultItem, siteRoot: URL, query: string, className = "result-title"): HTMLLIElement {
  const href = new URL(`${item.url}index.html`, siteRoot);
  if (query.trim()) href.searchParams.set("q", query.trim());
  const words = item.words.join(" ");
  if (words && words !== query.trim()) href.searchParams.set("w", words);
  const link = element("a", className, markedText(item.title, item.titleRanges));
  link.href = href.href;
  const where = [item.dateLabel, item.page, item.column].filter((x): x is string => Boolean(x));
  if (item.people.length) where.push(item.people.join(" "));
  const li = element("li", "result", element("h2", "result-heading", link), element("p", "result-meta", where.join(" · ")));
  if (item.snippet.text) li.append(element("p", "result-snippet", markedText(item.snippet.text, item.snippet.ranges)));
  if (item.lacks) li.append(element("p", "result-lacks", `缺少：${item.lacks.join("、")}`));
  return li;
}

export function renderResults(list: HTMLOListElement, reply: SearchReply, siteRoot: URL, query: string): void {
  list.replaceChildren(...reply.results.map((r) => resultItem(r, siteRoot, query)));
  renderPartial(list, reply, siteRoot, query);
}

/** Empties the results list and removes its partial matches. */
export function clearResults(list: HTMLOListElement): void {
  list.replaceChildren();
  if (list.nextElementSibling?.matches("[data-partial-results]")) list.nextElementSibling.remove();
}

/**
 * The partial matches, when no article holds every word: a section of their own after
 * the results list, with a heading saying what they are, never items of the list.
 */
function renderPartial(list: HTMLOListElement, reply: SearchReply, siteRoot: URL, query: string): void {
  let section = list.nextElementSibling?.matches("[data-partial-results]") ? (list.nextElementSibling as HTMLElement) : null;
  if (!reply.partial || reply.partial.results.length === 0) {
    section?.remove();
    return;
  }
  if (!section) {
    section = element("section", "partial-results");
    section.dataset.partialResults = "";
    list.after(section);
  }
  const { total, results } = reply.partial;
  const heading = element("h2", "partial-heading", `没有文章包含全部词语。部分相符的文章（${total} 篇${results.length < total ? `，显示前 ${results.length} 篇` : ""}）：`);
  heading.id = `partial-h-${list.id || "results"}`;
  const items = element("ol", "results partial-list", ...results.map((r) => resultItem(r, siteRoot, query, "partial-title")));
  items.setAttribute("aria-labelledby", heading.id);
  section.replaceChildren(heading, items);
}

/** What the status line (a live region) says. */
export function statusText(reply: SearchReply | null, query: string, state: "idle" | "loading" | "error", hasFilters: boolean): string {
  if (state === "loading") return "正在载入检索索引…";
  if (state === "error") return "检索暂时不可用：检索索引无法载入。可以从“往期”浏览全部文章。";
  if (!reply) return "";
  const what = query.trim() ? `“${query.trim()}”` : hasFilters ? "所选条件" : "";
  if (reply.total === 0) return what ? `没有找到与${what}相符的文章。` : "";
  const shown = reply.results.length < reply.total ? `，显示前 ${reply.results.length} 篇` : "";
  return `${what ? `${what}：` : ""}找到 ${reply.total} 篇文章${shown}。`;
}
