/**
 * Markdown escape: turns plain text into Markdown that renders back to the same
 * text, for code that writes article files (corpus conversion, importers).
 */

/** Escapes one paragraph: inline markup characters anywhere, block markers at the start. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>&|~]/gu, "\\$&")
    .replace(/^(\s*)(#{1,6}(?=\s|$)|[-+=](?=\s|$))/u, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/u, "$1\\$2") // "1. " would start a list: escape the dot, digits take no backslash
    .replace(/^(\s*)(-{3,}|={3,}|:::)/u, "$1\\$2");
}
