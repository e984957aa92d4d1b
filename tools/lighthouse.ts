/**
 * Lighthouse: audits pages of a served site with the `lighthouse` package in Debian's
 * Chromium (launched by chrome-launcher with the flags of tools/chromium.ts), on a
 * phone (Lighthouse's default, simulated throttling) or a desktop (its desktop
 * config), and returns the four category scores (0–100) of each page. The tests run
 * it on the sample; the benchmark can on a larger archive.
 */
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { launch } from "chrome-launcher";
import { CHROMIUM_ARGS, expectedChromiumPath } from "./chromium.ts";

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof CATEGORIES)[number];
export type FormFactor = "mobile" | "desktop";

export interface PageScores {
  url: string;
  formFactor: FormFactor;
  scores: Record<Category, number>;
  /** The audits that cost points, for a failure's message: "id (score)". */
  lost: string[];
}

export async function auditPages(urls: string[], formFactor: FormFactor): Promise<PageScores[]> {
  const chrome = await launch({ chromePath: expectedChromiumPath(), chromeFlags: CHROMIUM_ARGS });
  const out: PageScores[] = [];
  try {
    for (const url of urls) {
      const result = await lighthouse(url, { port: chrome.port, logLevel: "error", output: "json", onlyCategories: [...CATEGORIES] }, formFactor === "desktop" ? desktopConfig : undefined);
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>;
      const lost = CATEGORIES.flatMap((c) =>
        (lhr.categories[c]?.auditRefs ?? [])
          .filter((r) => r.weight > 0 && (lhr.audits[r.id]?.score ?? 1) < 0.9)
          .map((r) => `${c}/${r.id} (${lhr.audits[r.id]?.score}${lhr.audits[r.id]?.displayValue ? `, ${lhr.audits[r.id]?.displayValue}` : ""})`),
      );
      out.push({ url, formFactor, scores, lost });
    }
  } finally {
    chrome.kill();
  }
  return out;
}
