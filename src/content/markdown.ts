/**
 * Markdown: renders an article body with markdown-it and extracts its plain
 * text blocks (paragraphs and subheads) for search and descriptions.
 *
 * Raw HTML is off: article text is data, so `<script>` in a body is shown as
 * text, never run. The one extension is the gap note, `::: gap NOTE` + `:::`,
 * marking where the printed text is missing; its note is the editor's, not the
 * article's, so it is rendered apart and kept out of the text blocks.
 * Indented text is prose, not code, and full-width spaces of print layout are
 * read as the indents and blank lines they stand for.
 */
import MarkdownIt, { type PluginWithParams } from "markdown-it";
import container from "markdown-it-container";

export interface TextBlock {
  kind: "paragraph" | "subhead" | "gap";
  text: string;
}

export const DEFAULT_GAP_NOTE = "原文此处有缺失";

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
// An article is prose: text indented by four spaces or a tab, as pasted from a page layout, is a paragraph, not code.
md.disable("code");
// The plugin's types describe markdown-it's CommonJS build; the plugin itself is the same.
md.use(container as unknown as PluginWithParams, "gap", {
  render(tokens: { info: string; nesting: number }[], idx: number) {
    const token = tokens[idx]!;
    if (token.nesting !== 1) return "</div>\n";
    const note = gapNote(token.info);
    return `<div class="gap" role="note"><p>〔${md.utils.escapeHtml(note)}〕</p>\n`;
  },
});

function gapNote(info: string): string {
  return info.trim().replace(/^gap\s*/u, "").trim() || DEFAULT_GAP_NOTE;
}

/**
 * Full-width spaces are print layout: a paragraph's 　　 indent (the stylesheet
 * indents paragraphs already) is dropped, and a line of only spaces, full-width
 * or not, is the blank line between paragraphs it looks like.
 */
function prose(source: string): string {
  return source.replace(/^[ \t\u3000]+$/gmu, "").replace(/^([ \t]*)\u3000+/gmu, "$1");
}

export function renderBody(source: string): { html: string; blocks: TextBlock[] } {
  const tokens = md.parse(prose(source), {});
  const blocks: TextBlock[] = [];
  let inGap = 0;
  tokens.forEach((token, i) => {
    if (token.type === "container_gap_open") {
      inGap++;
      blocks.push({ kind: "gap", text: gapNote(token.info) });
    } else if (token.type === "container_gap_close") {
      inGap--;
    } else if (token.type === "inline" && !inGap) {
      const opener = tokens[i - 1]?.type;
      const text = plainText(token.children ?? []);
      if (text) blocks.push({ kind: opener === "heading_open" ? "subhead" : "paragraph", text });
    }
  });
  return { html: md.renderer.render(tokens, md.options, {}), blocks };
}

function plainText(children: { type: string; content: string }[]): string {
  return children
    .map((c) => (c.type === "softbreak" || c.type === "hardbreak" ? "" : c.content))
    .join("")
    .trim();
}
