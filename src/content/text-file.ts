/**
 * Text files: reads an archive's file as UTF-8 text, or says precisely why it is
 * not text. The loader reads every edition.json, page.json and article through
 * here, so a GBK file, NUL bytes or a binary file is a content error naming the
 * byte offset instead of mojibake on the site.
 *
 * Accepted: UTF-8 with or without a byte-order mark (removed), LF or CRLF line
 * endings, tabs. Refused: invalid UTF-8; control characters other than tab, line
 * feed and the CR of a CRLF (which XML, and so the feed and sitemap, forbid, or
 * which no text needs); the noncharacters U+FFFE and U+FFFF.
 */
import { readFileSync } from "node:fs";

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export type TextResult = { ok: true; text: string } | { ok: false; message: string };

export function readTextFile(path: string): TextResult {
  return decodeText(readFileSync(path));
}

export function decodeText(bytes: Buffer): TextResult {
  const start = bytes.subarray(0, 3).equals(BOM) ? 3 : 0;
  const body = bytes.subarray(start);
  let text: string;
  try {
    text = decoder.decode(body);
  } catch {
    const at = start + invalidUtf8Offset(body);
    return { ok: false, message: `is not UTF-8 text: invalid UTF-8 at byte ${at}${lineOf(bytes, at)}, 0x${bytes[at]!.toString(16).padStart(2, "0")} (save the file as UTF-8)` };
  }
  const bad = forbiddenCharacter(text);
  if (bad !== undefined) {
    const at = start + Buffer.byteLength(text.slice(0, bad));
    return { ok: false, message: `holds ${describeCharacter(text, bad)} at byte ${at}${lineOf(bytes, at)}: text may hold no control character but tab and line feed (and the CR of CRLF)` };
  }
  return { ok: true, text };
}

/**
 * Characters no text of the archive may hold: C0 controls but tab, LF and the CR
 * of CRLF; DEL and the C1 controls; U+FFFE, U+FFFF; lone surrogates (which only
 * a string from a YAML or JSON escape can hold, never decoded UTF-8).
 */
// With the u flag a surrogate class matches only a lone surrogate: a pair is one code point.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff\ud800-\udfff]|\r(?!\n)/u;

/** Index (in UTF-16 units) of the first forbidden character, or undefined. */
export function forbiddenCharacter(text: string): number | undefined {
  const m = FORBIDDEN.exec(text);
  return m ? m.index : undefined;
}

/** What a message calls the character at `index`. */
export function describeCharacter(text: string, index: number): string {
  const code = text.charCodeAt(index);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  if (code === 0) return `a NUL byte (${hex})`;
  if (code === 0x0d) return `a carriage return (${hex}) not followed by a line feed`;
  if (code >= 0xd800 && code <= 0xdfff) return `a lone surrogate (${hex})`;
  if (code === 0xfffe || code === 0xffff) return `the noncharacter ${hex}`;
  return `the control character ${hex}`;
}

function lineOf(bytes: Buffer, at: number): string {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return ` (line ${line})`;
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence (as WHATWG decoding defines it). */
function invalidUtf8Offset(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return b.length;
}
