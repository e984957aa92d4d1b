/**
 * JSON-LD: the NewsArticle description of an article page, serialised so that
 * no article text can end the <script> element that holds it.
 */
import type { Article } from "../content/model.ts";

export function newsArticle(article: Article, siteName: string, paperName: string | null): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    ...(article.subtitle ? { alternativeHeadline: article.subtitle } : {}),
    description: article.description,
    // A date the print does not state is left out rather than guessed.
    ...(article.edition.date && /^\d{4}-\d{2}-\d{2}$/u.test(article.edition.date) ? { datePublished: article.edition.date } : {}),
    ...(article.column ? { articleSection: article.column } : {}),
    author: article.people.filter((p) => p.role !== "摄影").map((p) => ({ "@type": "Person", name: p.name })),
    ...(article.people.some((p) => p.role === "摄影") ? { contributor: article.people.filter((p) => p.role === "摄影").map((p) => ({ "@type": "Person", name: p.name, jobTitle: "摄影" })) } : {}),
    publisher: { "@type": "Organization", name: paperName ?? siteName },
    inLanguage: "zh-CN",
    isAccessibleForFree: true,
  };
}

/** JSON with `<`, `>`, `&` and the JS line separators escaped: safe inside <script>. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</gu, "\\u003c")
    .replace(/>/gu, "\\u003e")
    .replace(/&/gu, "\\u0026")
    .replace(/\u2028/gu, "\\u2028")
    .replace(/\u2029/gu, "\\u2029");
}
