/**
 * Search UI: started by the page script (src/site/client.ts) on every page. It wires the header's search box
 * (results as the reader types, in a panel under the header), the search page
 * (`search/?q=…` with filters, kept in the URL so searches can be shared and the
 * back button works), and the highlighting of a query on an article opened from
 * a result. It loads no index until the reader first uses the search box.
 */
import { createBackend } from "./backend.ts";
import { loadEngine } from "./load-engine.ts";
import { clearResults, renderResults, statusText } from "./render.ts";
import type { SearchReply, SearchRequest, SearchService } from "./protocol.ts";
import { highlightArticle } from "./highlight-article.ts";
import { failureNotice } from "./failure-notice.ts";
import { filterParams, searchFilters, writeFilters, fillChoices, updateCounts, hasFilters } from "./filter-form.ts";
import { addSortAndRange, rangeParams, sortOf, withRange, writeRange } from "./sort-range-form.ts";

const DEBOUNCE_MS = 120;
const PANEL_LIMIT = 8;
const PAGE_LIMIT = 50;

let siteRoot: URL;
let backend: SearchService | undefined;
/** Set once the site was found updated under this page: from then on every index file is revalidated. */
let revalidate = false;
const service = () => (backend ??= createBackend(siteRoot, { revalidate }));

/** A new build took over the offline copy: later searches must use the new index, not parts of two. */
export function resetSearchBackend(): void {
  backend?.close();
  backend = undefined;
}

/**
 * A search on `failed` met parts of two builds: the next search opens the index again,
 * past every cache (the HTTP cache, an old service worker's copy), so that it reads the
 * build the server has now. Searches that overlapped on the same old backend (the box
 * searches as the reader types) reopen it once between them, not once each.
 */
function reopenAfter(failed: SearchService): void {
  revalidate = true;
  if (backend === failed) resetSearchBackend();
}

/** A reply, and the backend that gave it. */
type Answer = { reply: SearchReply; from: SearchService };

/** Runs searches so that only the latest answer is shown, whatever order replies arrive in. */
function latestOnly(run: (request: SearchRequest) => Promise<Answer>) {
  let generation = 0;
  return async (request: SearchRequest): Promise<Answer | null> => {
    const mine = ++generation;
    const answer = await run(request);
    return mine === generation ? answer : null;
  };
}

/** A search on the backend current when it starts. */
const searchNow = async (request: SearchRequest): Promise<Answer> => {
  const from = service();
  return { reply: await from.search(request), from };
};

function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): ((...args: A) => void) & { cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const call = (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  return Object.assign(call, { cancel: () => clearTimeout(timer) });
}

interface View {
  status: HTMLElement;
  list: HTMLOListElement;
  more?: HTMLAnchorElement | undefined;
}

/** Searches and shows the answer in `view`; returns the reply (null when superseded or failed). */
async function show(view: View, request: SearchRequest, search: (r: SearchRequest) => Promise<Answer | null>): Promise<SearchReply | null> {
  const loading = setTimeout(() => (view.status.textContent = statusText(null, request.q, "loading", false)), 150);
  try {
    let answer = await search(request);
    // Parts of two builds (the site was updated under this page): open the index again,
    // once, from the server; if that still mixes builds (the server is being redeployed
    // this moment), say so.
    if (answer?.reply.failure?.kind === "index-updated") {
      reopenAfter(answer.from);
      answer = await search(request);
    }
    const reply = answer?.reply;
    if (!reply) return null;
    if (reply.failure) {
      clearResults(view.list);
      view.status.textContent = failureNotice(reply.failure.kind);
      view.status.dataset.state = "error";
      return null;
    }
    renderResults(view.list, reply, siteRoot, request.q);
    view.status.textContent = statusText(reply, request.q, "idle", hasFilters(request.filters));
    view.status.dataset.state = reply.total ? "results" : "empty";
    return reply;
  } catch {
    clearResults(view.list);
    view.status.textContent = statusText(null, request.q, "error", false);
    view.status.dataset.state = "error";
    return null;
  } finally {
    clearTimeout(loading);
  }
}

function searchPageUrl(q: string): URL {
  const url = new URL("search/index.html", siteRoot);
  if (q.trim()) url.searchParams.set("q", q.trim());
  return url;
}

/** The header box on every page but the search page: a panel of the first results. */
function wireHeaderBox(form: HTMLFormElement, input: HTMLInputElement, panel: HTMLElement): void {
  const view: View = {
    status: panel.querySelector("[data-search-status]")!,
    list: panel.querySelector("ol")!,
    more: panel.querySelector<HTMLAnchorElement>("[data-search-more]") ?? undefined,
  };
  const search = latestOnly(searchNow);
  // The ARIA combobox pattern (list autocomplete): focus stays in the box, ↑/↓ move the
  // active result through the whole list, Enter opens it, Esc closes the list.
  view.list.id ||= "site-search-results";
  view.list.setAttribute("role", "listbox");
  view.list.setAttribute("aria-label", "检索结果");
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", view.list.id);
  const options = () => [...view.list.children] as HTMLElement[];
  let active = -1;
  const activate = (index: number) => {
    active = index;
    options().forEach((li, k) => li.setAttribute("aria-selected", String(k === index)));
    const li = options()[index];
    if (li) {
      input.setAttribute("aria-activedescendant", li.id);
      li.scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  };
  const close = () => {
    panel.hidden = true;
    input.setAttribute("aria-expanded", "false");
    activate(-1);
  };
  const update = debounce(async () => {
    const q = input.value;
    if (!q.trim()) return close();
    await openPanel(q);
  }, DEBOUNCE_MS);
  const openPanel = async (q: string) => {
    panel.hidden = false;
    input.setAttribute("aria-expanded", "true");
    const reply = await show(view, { q, filters: {}, limit: PANEL_LIMIT, facets: false }, search);
    options().forEach((li, i) => {
      li.id = `site-search-option-${i}`;
      li.setAttribute("role", "option");
      // An option holds no link of its own (assistive technology would not reach it): the
      // title keeps its address in data-href, and a click or Enter on the option opens it.
      for (const a of li.querySelectorAll("a")) {
        li.dataset.href = a.href;
        a.removeAttribute("href");
      }
    });
    activate(-1);
    if (reply && view.more) {
      view.more.hidden = reply.total <= reply.results.length;
      view.more.href = searchPageUrl(q).href;
      view.more.textContent = `查看全部 ${reply.total} 篇 ›`;
    }
  };
  // Back from an article opened from the panel shows the panel again: this page's history
  // entry keeps the query, the option opened and the list's scroll.
  const open = (href: string) => {
    const kept: PanelState = { ...(history.state as object | null), panel: { q: input.value, active, scroll: view.list.scrollTop } };
    history.replaceState(kept, "");
    location.href = href;
  };
  const reopen = async () => {
    const kept = (history.state as PanelState | null)?.panel;
    if (!kept?.q.trim()) return;
    input.value = kept.q;
    service().prepare();
    await openPanel(kept.q);
    if (options()[kept.active]) activate(kept.active);
    view.list.scrollTop = kept.scroll;
  };
  window.addEventListener("pageshow", (e) => {
    // From the back-forward cache the page is as it was left, panel included.
    if (!e.persisted) void reopen();
  });
  input.addEventListener("input", update);
  input.addEventListener("focus", () => service().prepare(), { once: true });
  input.addEventListener("keydown", (e) => {
    const count = panel.hidden ? 0 : options().length;
    if (e.key === "Escape") close();
    else if ((e.key === "ArrowDown" || e.key === "ArrowUp") && count > 0) {
      e.preventDefault();
      activate(e.key === "ArrowDown" ? Math.min(active + 1, count - 1) : Math.max(active - 1, -1));
    } else if (e.key === "Enter" && active >= 0 && count > 0) {
      const href = options()[active]?.dataset.href;
      if (href) {
        e.preventDefault();
        open(href);
      }
    }
  });
  view.list.addEventListener("click", (e) => {
    const option = (e.target as Element).closest<HTMLElement>("[role=option]");
    if (!option?.dataset.href) return;
    active = options().indexOf(option);
    open(option.dataset.href);
  });
  panel.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      close();
      input.focus();
    }
  });
  document.addEventListener("click", (e) => {
    if (!form.contains(e.target as Node) && !panel.contains(e.target as Node)) close();
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.href = searchPageUrl(input.value).href;
  });
}

/** The search page: the header box drives the results in the page, with filters; the URL keeps the state. */
function wireSearchPage(form: HTMLFormElement, input: HTMLInputElement, page: HTMLElement): void {
  const filterForm = page.querySelector<HTMLFormElement>("[data-search-filters]")!;
  const view: View = { status: page.querySelector("[data-search-status]")!, list: page.querySelector("ol")! };
  const search = latestOnly(searchNow);
  let choicesFilled = false;
  addSortAndRange(filterForm);
  const filtersNow = () => withRange(searchFilters(filterParams(filterForm)), rangeParams(filterForm));
  // 再显示: every result is reachable, PAGE_LIMIT more at a time; a new search starts again at PAGE_LIMIT.
  const moreButton = page.querySelector<HTMLButtonElement>("[data-search-next]");
  let limit = PAGE_LIMIT;

  const run = async () => {
    const request: SearchRequest = { q: input.value, filters: filtersNow(), limit, facets: true, sort: sortOf(rangeParams(filterForm)) };
    if (moreButton) moreButton.hidden = true;
    if (!request.q.trim() && !hasFilters(request.filters)) {
      clearResults(view.list);
      view.status.textContent = "输入要找的词，或选择栏目、作者、日期浏览全部文章。";
      view.status.dataset.state = "idle";
    }
    if (!choicesFilled) {
      try {
        const choices = await service().choices();
        // People and columns in the order of the site's own listings (pinyin), whatever order the index keeps.
        const byName = (list: string[]) => [...list].sort((x, y) => x.localeCompare(y, "zh-Hans-CN"));
        fillChoices(filterForm, { ...choices, columns: byName(choices.columns), people: byName(choices.people) });
        choicesFilled = true;
        writeFilters(filterForm, new URL(location.href).searchParams);
        request.filters = filtersNow();
      } catch {
        /* show() reports the failure */
      }
    }
    const reply = await show(view, request, search);
    if (reply?.facets) updateCounts(filterForm, reply.facets);
    if (moreButton && reply && reply.total > reply.results.length) {
      moreButton.hidden = false;
      moreButton.textContent = `再显示 ${Math.min(PAGE_LIMIT, reply.total - reply.results.length)} 篇（已显示 ${reply.results.length} 篇，共 ${reply.total} 篇）`;
    }
  };
  moreButton?.addEventListener("click", async () => {
    const shown = view.list.children.length;
    limit += PAGE_LIMIT;
    await run();
    // Keyboard and screen-reader users continue at the first result they had not seen.
    view.list.children[shown]?.querySelector("a")?.focus();
  });
  const newSearch = () => {
    limit = PAGE_LIMIT;
    return run();
  };

  // Back from an article: the entry left keeps how many results were shown and the
  // scroll, and they come back once the results are in (the browser's own scroll
  // restoration would act before they are).
  if ("scrollRestoration" in history) history.scrollRestoration = "manual";
  const keep = () => {
    const kept: PageState = { ...(history.state as object | null), shown: limit, scrollY: window.scrollY };
    history.replaceState(kept, "");
  };
  window.addEventListener("pagehide", keep);
  const push = (state: object | null) => {
    keep();
    history.pushState(state, "", stateUrl());
  };

  const stateUrl = () => {
    const url = searchPageUrl(input.value);
    for (const [k, v] of Object.entries({ ...filterParams(filterForm), ...rangeParams(filterForm) })) url.searchParams.set(k, v);
    return url.href;
  };
  // History: the first keystroke after a settled search adds an entry that further typing
  // keeps replacing, so Back returns to the search before, not to each letter typed.
  const TYPING = { typing: true };
  const isTyping = () => (history.state as typeof TYPING | null)?.typing === true;
  const typed = debounce(() => {
    if (isTyping()) history.replaceState(TYPING, "", stateUrl());
    else push(TYPING);
    void newSearch();
  }, DEBOUNCE_MS);
  input.addEventListener("input", typed);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    typed.cancel();
    if (isTyping()) history.replaceState(null, "", stateUrl());
    else if (stateUrl() !== location.href) push(null);
    void newSearch();
  });
  filterForm.addEventListener("change", () => {
    push(null);
    void newSearch();
  });
  filterForm.addEventListener("submit", (e) => e.preventDefault());
  const restore = async () => {
    const params = new URL(location.href).searchParams;
    input.value = params.get("q") ?? "";
    writeFilters(filterForm, params);
    writeRange(filterForm, params);
    const kept = (history.state ?? {}) as PageState;
    limit = Math.max(PAGE_LIMIT, Number.isInteger(kept.shown) ? kept.shown! : PAGE_LIMIT);
    await run();
    window.scrollTo(0, typeof kept.scrollY === "number" ? kept.scrollY : 0);
  };
  window.addEventListener("popstate", () => void restore());
  void restore();
}

/** What the header box's history entry keeps when a result is opened from its panel. */
interface PanelState {
  panel?: { q: string; active: number; scroll: number };
}

/** What the search page's history entry keeps when the reader leaves it. */
interface PageState {
  typing?: boolean;
  shown?: number;
  scrollY?: number;
}

function focusShortcut(input: HTMLInputElement): void {
  document.addEventListener("keydown", (e) => {
    const target = e.target as HTMLElement;
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/u.test(target.tagName)) return;
    e.preventDefault();
    input.focus();
    input.select();
  });
}

export function startSearchUi(root: URL): void {
  siteRoot = root;
  const form = document.querySelector<HTMLFormElement>("[data-search-box]");
  const input = form?.querySelector<HTMLInputElement>("input[name=q]");
  if (form && input) {
    const page = document.querySelector<HTMLElement>("[data-search-page]");
    const panel = document.querySelector<HTMLElement>("[data-search-panel]");
    if (page) wireSearchPage(form, input, page);
    else if (panel) wireHeaderBox(form, input, panel);
    focusShortcut(input);
  }
  const params = new URL(location.href).searchParams;
  const q = params.get("q");
  // `w`: the words the result matched, when the query's runs were split into words.
  const words = params.get("w") || q;
  const article = document.querySelector<HTMLElement>("article.article");
  if (q && words && article) void loadEngine(siteRoot).then((engine) => highlightArticle(article, engine.highlighter(words), q), () => undefined);
}
