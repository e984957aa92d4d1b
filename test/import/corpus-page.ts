/**
 * Corpus page: lays out real news articles (from the corpus, see
 * test/helpers/corpus.ts) as a raw page in the seed page's style, and says what
 * the import of it should give. The importer never sees this code; the page is
 * its test of generality beyond the one seed page.
 *
 * With a seeded RNG, it picks eight articles and sets each in one of the seed's
 * forms: a title and subtitle whose text comes later, after another article's
 * text, with no heading between (the last sentence cut off: the text breaks
 * off); a kicker ending in ——, a □ byline and the author's unit; a column label
 * and a 本报记者 … 本报通讯员 … byline; a title and subtitle sharing a line under a
 * stray kicker that belongs to another article, with 本报讯(…) opening the text;
 * a couplet kicker over a title, with paragraphs broken mid-sentence across
 * lines; a photo with caption and 新华社记者 … 摄 credit; a kicker, 阅读提示 and
 * subheads over the second half of a text whose first half, opened by its
 * byline and broken off mid-sentence, stands at the end of the page, and with a
 * piece of one paragraph missing; and a plain title, subtitle and 本报讯 story.
 * Reporter names, units, column labels and subheads are invented, from fixed lists.
 */
import type { CorpusArticle } from "../../src/content/corpus.ts";
import type { Comparable } from "./agreement.ts";
import { seededRandom } from "../helpers/random.ts";

export interface CorpusPage {
  text: string;
  expected: Comparable[];
  unplaced: string[];
}

const NAMES = ["王晓明", "李建国", "张慧敏", "刘志强", "陈思远", "杨帆", "赵丽华", "周建平", "吴海燕", "孙立新", "郑雅琴", "冯国栋"];
const UNITS = ["省总工会宣传部", "市职工服务中心", "区总工会办公室", "市工人文化宫"];
const COLUMNS = ["现场直击", "一线观察", "基层传真", "记者手记"];
const SUBHEADS = ["强化组织保障", "创新工作方法", "完善服务体系", "推动成果转化", "凝聚各方合力"];

/** The page is the same on every run. */
export const rng = seededRandom;

const len = (s: string) => [...s.replace(/\s+/gu, "")].length;
const FINAL = /[。！？!?…][”’"）)]*$/u;

interface Story {
  title: string;
  paragraphs: string[];
  parts: string[];
}

function clean(a: CorpusArticle, halfWidth: boolean): Story | undefined {
  const title = a.title.replace(/^【[^】]*】/u, "").trim();
  let paragraphs = a.body
    .split(/\n\s*\n/u)
    .map((p) => p.replace(/\s*\n\s*/gu, "").trim())
    .filter(Boolean);
  paragraphs[0] = (paragraphs[0] ?? "").replace(/^[^：:]{0,20}消息（[^）]*）[：:]|^央视网消息[：:]/u, "");
  if (halfWidth) paragraphs = paragraphs.map((p) => p.replace(/，/gu, ",").replace(/：/gu, ":"));
  if (paragraphs.some((p) => len(p) < 40 || !FINAL.test(p) || /[□■]|——$|摄$/u.test(p))) return undefined;
  if (paragraphs.slice(1, 6).some((p) => cutPoints(p).length === 0)) return undefined; // the ones that may be cut
  return { title, paragraphs, parts: title.split(/\s+/u) };
}

/** A clause of the text, between punctuation marks, of min–max characters: material for kickers, subtitles, titles. */
function clause(text: string, min: number, max: number, pick: () => number): string | undefined {
  const clauses = text.split(/[，,。；;！？!?：:、“”"（）()]/u).map((c) => c.trim()).filter((c) => len(c) >= min && len(c) <= max && !/\s/u.test(c));
  return clauses.length ? clauses[Math.floor(pick() * clauses.length)] : undefined;
}

/**
 * Where a paragraph may be cut mid-sentence: between two Han characters, at least
 * 15 characters from either end, within [lo, hi) of its length. Print breaks text
 * at the end of a column block, so the piece before the cut is a block of text:
 * over 40 characters, or holding a full stop (never a heading-sized scrap).
 */
function cutPoints(p: string, lo = 0, hi = 1): number[] {
  const chars = [...p];
  const ok: number[] = [];
  for (let i = Math.max(15, Math.floor(chars.length * lo)); i < Math.min(chars.length - 15, Math.ceil(chars.length * hi)); i++) {
    const before = chars.slice(0, i).join("");
    if (/\p{Script=Han}/u.test(chars[i - 1]!) && /\p{Script=Han}/u.test(chars[i]!) && (i > 40 || /[。！？!?]/u.test(before))) ok.push(before.length);
  }
  return ok;
}

function cutPoint(p: string, pick: () => number, lo = 0, hi = 1): number {
  const ok = cutPoints(p, lo, hi);
  if (ok.length === 0) throw new Error(`no place to cut: ${p}`);
  return ok[Math.floor(pick() * ok.length)]!;
}

export function corpusPage(all: CorpusArticle[], seed: number): CorpusPage {
  const pick = rng(seed);
  const names = [...NAMES].sort(() => pick() - 0.5);
  const name = () => names.pop() ?? "王一";
  const pool = all.filter((a) => a.body.length >= 350 && a.body.length <= 1500);
  const shuffled = [...pool].sort(() => pick() - 0.5);
  const used = new Set<string>();
  const take = (want: (s: Story) => boolean, min = 4): Story => {
    for (const a of shuffled) {
      if (used.has(a.title)) continue;
      const s = clean(a, pick() < 0.5);
      if (s && s.paragraphs.length >= min && want(s)) {
        used.add(a.title);
        return s;
      }
    }
    throw new Error("no corpus article fits");
  };
  const single = (s: Story) => s.parts.length === 1 && len(s.title) >= 8 && len(s.title) <= 24;

  const out: string[] = []; // blocks of the page, joined by blank lines
  const expected: Comparable[] = [];
  const unplaced: string[] = [];

  // T: a title and subtitle; the text comes after G's, and breaks off.
  const t = take(single);
  const tSub = clause(t.paragraphs[0]!, 10, 18, pick) ?? clause(t.paragraphs[1]!, 10, 18, pick)!;
  out.push(t.title, tSub);
  const tBody = t.paragraphs.slice(0, 4);
  const tSplit = cutPoint(tBody[1]!, pick);
  const tLastCut = cutPoint(tBody[3]!, pick);
  const tLast = tBody[3]!.slice(0, tLastCut);
  const tBlocks = [tBody[0]!, tBody[1]!.slice(0, tSplit), tBody[1]!.slice(tSplit), tBody[2]!, tLast];
  expected.push({ order: 0, title: t.title, subtitle: tSub, ending: "breaks-off", blocks: [tBody[0]!, tBody[1]!, tBody[2]!, tLast].map((text) => ({ kind: "paragraph", text })) });

  // K: kicker ——, title, □byline, text, (作者单位:…)
  const k = take(single);
  const kKicker = `${clause(k.paragraphs[1]!, 12, 24, pick) ?? clause(k.paragraphs[0]!, 8, 30, pick)!}——`;
  const kAuthor = name();
  const kUnit = UNITS[Math.floor(pick() * UNITS.length)]!;
  const kBody = k.paragraphs.slice(0, 5);
  out.push(kKicker, k.title, `□${kAuthor}`, ...kBody.slice(0, -1), `${kBody.at(-1)!}(作者单位:${kUnit})`);
  expected.push({ order: 0, title: k.title, kicker: kKicker, byline: `□${kAuthor}`, affiliation: kUnit, ending: "complete", blocks: kBody.map((text) => ({ kind: "paragraph", text })) });

  // C: column label, title, 本报记者 … 本报通讯员 …
  const c = take(single);
  const cColumn = COLUMNS[Math.floor(pick() * COLUMNS.length)]!;
  const cByline = `本报记者 ${name()} 本报通讯员 ${name()}`;
  const cBody = c.paragraphs.slice(0, 5);
  out.push(cColumn, c.title, cByline, ...cBody);
  expected.push({ order: 0, title: c.title, column: cColumn, byline: cByline, ending: "complete", blocks: cBody.map((text) => ({ kind: "paragraph", text })) });

  // Y is picked now: the stray kicker above G is made from its words.
  const y = take(single, 7);
  const yKicker = `${clause(y.paragraphs[0]!, 12, 26, pick)!}——`;
  const strayKicker = `${clause(y.paragraphs[2]!, 12, 26, pick) ?? clause(y.paragraphs[3]!, 10, 30, pick)!}——`;

  // G: stray kicker, "title subtitle" on one line, 本报讯(记者… 通讯员…) opening the text; then T's text.
  const g = take((s) => s.parts.length === 2 && len(s.parts[0]!) >= 8 && len(s.parts[1]!) >= 8 && len(s.title) > 24 && len(s.title) <= 38 && !(len(s.parts[0]!) <= 10 && len(s.parts[1]!) <= 10));
  const gByline = `本报讯(记者${name()} 通讯员${name()})`;
  const gBody = g.paragraphs.slice(0, 4);
  out.push(strayKicker, g.title, `${gByline}${gBody[0]!}`, ...gBody.slice(1), ...tBlocks);
  unplaced.push(strayKicker);
  expected.push({ order: 0, title: g.parts[0]!, subtitle: g.parts[1]!, byline: gByline, ending: "complete", blocks: gBody.map((text) => ({ kind: "paragraph", text })) });

  // H: couplet kicker, title, 本报讯(记者…) opening the text, two paragraphs broken across lines.
  const h = take((s) => s.parts.length === 2 && s.parts.every((p) => len(p) >= 4 && len(p) <= 10) && Math.abs(len(s.parts[0]!) - len(s.parts[1]!)) <= 2);
  const hTitle = clause(h.paragraphs[0]!, 10, 22, pick) ?? clause(h.paragraphs[1]!, 10, 22, pick)!;
  const hByline = `本报讯(记者${name()})`;
  const hBody = h.paragraphs.slice(0, 5);
  const hLines: string[] = [`${hByline}${hBody[0]!}`];
  hBody.slice(1).forEach((p, i) => {
    if (i === 0 || i === 2) {
      const cut = cutPoint(p, pick);
      hLines.push(p.slice(0, cut), p.slice(cut));
    } else hLines.push(p);
  });
  out.push(h.title, hTitle, ...hLines);
  expected.push({ order: 0, title: hTitle, kicker: h.title, byline: hByline, ending: "complete", blocks: hBody.map((text) => ({ kind: "paragraph", text })) });

  // P: a photo: short title, caption, credit.
  const p = all.filter((a) => !used.has(a.title) && a.body.length >= 60 && a.body.length <= 200 && !a.body.includes("\n") && FINAL.test(a.body) && len(a.title) <= 16 && !/\s|【/u.test(a.title)).sort(() => pick() - 0.5)[0]!;
  used.add(p.title);
  const pCredit = `新华社记者 ${name()} 摄`;
  out.push(p.title, p.body.trim(), pCredit);
  expected.push({ order: 0, title: p.title, caption: p.body.trim(), credit: pCredit, ending: "complete", blocks: [] });

  // Y: kicker ——, title, 阅读提示 + tip; then the second half of the text (with subheads and a missing piece);
  // the first half, opened by a byline and broken off mid-sentence, goes to the end of the page.
  const yTip = y.paragraphs.at(-1)!;
  const yBody = y.paragraphs.slice(0, -1).slice(0, 7);
  const yByline = `本报记者 ${name()}`;
  const half = 2; // paragraphs 0–1 whole, paragraph 2 cut: its start ends the first half
  const yCut = cutPoint(yBody[half]!, pick);
  // A piece of the longest paragraph after the first subhead is lost.
  const missing = yBody.reduce((best, p, i) => (i > half + 1 && len(p) > len(yBody[best]!) ? i : best), half + 2);
  // A piece of this paragraph is lost between two cuts, each made as print would make it.
  const m = yBody[missing]!;
  const from = cutPoint(m, pick, 0.3, 0.45);
  const rest = cutPoints(m.slice(from));
  const to = from + (rest[Math.floor(pick() * rest.length * 0.5)] ?? 0);
  const missBefore = m.slice(0, from);
  const missAfter = m.slice(to);
  const [sub1, sub2] = [...SUBHEADS].sort(() => pick() - 0.5) as [string, string];
  const yTail: string[] = [yBody[half]!.slice(yCut)];
  const yExpectedTail: Comparable["blocks"] = [];
  for (let i = half + 1; i < yBody.length; i++) {
    if (i === half + 1) yTail.push(sub1), yExpectedTail.push({ kind: "subhead", text: sub1 });
    if (i === missing) yTail.push(sub2), yExpectedTail.push({ kind: "subhead", text: sub2 });
    if (i === missing) {
      yTail.push(missBefore, missAfter);
      yExpectedTail.push({ kind: "paragraph", text: missBefore }, { kind: "gap", text: "" }, { kind: "paragraph", text: missAfter });
    } else {
      yTail.push(yBody[i]!);
      yExpectedTail.push({ kind: "paragraph", text: yBody[i]! });
    }
  }
  out.push(yKicker, y.title, "阅读提示", yTip, ...yTail);
  const yStart = [yBody[0]!, yBody[1]!, yBody[half]!.slice(0, yCut)];
  expected.push({
    title: y.title,
    order: 0,
    kicker: yKicker,
    byline: yByline,
    readingTip: yTip,
    ending: "complete",
    blocks: [{ kind: "paragraph", text: yBody[0]! }, { kind: "paragraph", text: yBody[1]! }, { kind: "paragraph", text: yBody[half]! }, ...yExpectedTail],
  });

  // N: title, subtitle, 本报讯(记者… 通讯员…)
  const n = take(single);
  const nSub = clause(n.paragraphs[1]!, 10, 18, pick) ?? clause(n.paragraphs[0]!, 10, 18, pick)!;
  const nByline = `本报讯(记者${name()} 通讯员${name()})`;
  const nBody = n.paragraphs.slice(0, 4);
  out.push(n.title, nSub, `${nByline}${nBody[0]!}`, ...nBody.slice(1));
  expected.push({ order: 0, title: n.title, subtitle: nSub, byline: nByline, ending: "complete", blocks: nBody.map((text) => ({ kind: "paragraph", text })) });

  out.push(yByline, ...yStart);

  const text = `\n\n${out.join("\n\n")}\n`;
  // Expected order: as the titles stand on the page.
  const at = (title: string) => out.findIndex((l) => l === title || l.startsWith(`${title} `) || l.endsWith(` ${title}`));
  expected.sort((a, b) => at(a.title) - at(b.title));
  expected.forEach((e, i) => (e.order = i + 1));
  return { text, expected, unplaced };
}
