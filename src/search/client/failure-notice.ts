/**
 * Failure notice: what the search box and the search page tell the reader when a search
 * failed (query/search-failure.ts), so that a failure never reads as "no result".
 */
import type { SearchFailureKind } from "../query/search-failure.ts";

const NOTICES: Record<SearchFailureKind, string> = {
  "index-updated": "检索索引已更新，请刷新页面后再检索。",
  "index-unavailable": "检索出错：检索索引的一部分无法载入，这次检索没有结果可以显示。请稍后再试，或从“往期”浏览全部文章。",
  internal: "检索出错：检索程序发生内部错误，这次检索没有结果可以显示。请稍后再试，或从“往期”浏览全部文章。",
};

export function failureNotice(kind: SearchFailureKind): string {
  return NOTICES[kind];
}
