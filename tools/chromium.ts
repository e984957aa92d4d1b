/**
 * Chromium: how the tests and the benchmark launch Debian's Chromium with playwright-core
 * (no downloaded browser), with the same flags everywhere.
 */
import { existsSync, statSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
  // Headless Chromium loads the omnibox popup's WebUI in a renderer of its own for every
  // new window (each browser context), work a reader's long-open window did long ago. It
  // competed with every benchmark query on a fresh context and slows the browser tests.
  "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup",
];

/** Where Chromium is expected: `CHROMIUM_PATH`, else Debian's /usr/bin/chromium. */
export function expectedChromiumPath(): string {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

/** The Chromium executable to use, or undefined when it is not installed. */
export function chromiumPath(): string | undefined {
  const path = expectedChromiumPath();
  return existsSync(path) && statSync(path).isFile() ? path : undefined;
}

/**
 * Launches headless Chromium. Playwright gives `launch()` its own fresh
 * user-data-dir and removes it on close, so nothing persists between runs.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(`Chromium not found at ${expectedChromiumPath()}`);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}
