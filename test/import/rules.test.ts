/**
 * Import rules: the importer's judgements one by one, on small invented lines:
 * line roles, how a head is read, which breaks are joined and which mark missing
 * text, and how headless fragments find their article.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { assemble } from "../../src/import/assemble.ts";
import { classifyLines, isBylineLine, isCreditLine } from "../../src/import/classify-lines.ts";
import { isCouplet, splitTitleLine } from "../../src/import/heads.ts";
import matter from "gray-matter";
import { yamlScalar } from "../../src/import/drafts.ts";
import { checkEditionDate, decodePage, ImportInputError } from "../../src/import/read-page.ts";
import { endsSentence, isHeadingLike, isUnfinished, judgeJunction } from "../../src/import/sentences.ts";

const kinds = (text: string) => classifyLines(text.split("\n")).map((l) => l.kind);

test("sentence ends, with closing quotes and in both widths", () => {
  for (const t of ["他说。", "好!", "真的吗?", "“我们会做好。”", "（完）。", "……"]) assert.ok(endsSentence(t), t);
  for (const t of ["将运行管理费用列入", "主任卢梅", "增长2.5", "“火焰蓝”"]) assert.not.ok(endsSentence(t), t);
});

test("headings are short and carry no sentence punctuation; a dateline is one too, never unfinished", () => {
  assert.ok(isHeadingLike("城市书房开进产业园区"));
  assert.ok(isHeadingLike("5月3日 星期五 晴"));
  assert.not.ok(isUnfinished("5月3日 星期五 晴"));
  assert.not.ok(isHeadingLike("他说。然后"));
  assert.not.ok(isHeadingLike("这是一个很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长的句子没有标点"));
  assert.ok(isUnfinished("记者从市总工会获悉,今年以来全市各级工会组织开展的职工技能竞赛已经覆盖了"));
  assert.ok(isUnfinished("日前,贵阳市"));
});

test("bylines, credits and labels by their printed forms", () => {
  for (const t of ["□王晓明", "本报记者 李建国", "本报记者 张慧敏 本报通讯员 刘志强", "记者陈思远", "文/图 杨帆"]) assert.ok(isBylineLine(t), t);
  for (const t of ["记者手记", "新闻特写", "王晓明说,他很高兴。"]) assert.not.ok(isBylineLine(t), t);
  for (const t of ["新华社记者 赵丽华 摄", "本报记者 周建平 摄", "(吴海燕 摄)"]) assert.ok(isCreditLine(t), t);
  assert.equal(kinds("阅读提示\n一线职工技能提升——\n城市书房开进产业园区\n本报讯(记者王晓明)近日,一座城市书房开放。"), ["tip-label", "kicker", "heading", "paragraph"]);
  const [p] = classifyLines(["本报讯(记者王晓明 通讯员李建国)近日,书房开放。(作者单位:市职工服务中心)"]);
  assert.is(p!.bylinePrefix, "本报讯(记者王晓明 通讯员李建国)");
  assert.is(p!.body, "近日,书房开放。");
  assert.equal(p!.affiliation, { value: "市职工服务中心", raw: "(作者单位:市职工服务中心)" });
});

test("couplets are kickers' form; a long two-part line is a title with its subtitle", () => {
  assert.ok(isCouplet("强化技能培训 提升职工素质"));
  assert.not.ok(isCouplet("城市书房开进产业园区"));
  assert.equal(splitTitleLine("全市职工书房建设三年计划提前完成 两百余家企业建起职工书房"), ["全市职工书房建设三年计划提前完成", "两百余家企业建起职工书房"]);
  assert.is(splitTitleLine("阵地前移 服务暖心"), undefined);
});

test("a break is joined when it splits a word, also one the page prints whole elsewhere or doubled", () => {
  assert.equal(judgeJunction("各级工会要建立完", "善举报奖励制度。"), { verdict: "join", healedWord: "完善" });
  assert.is(judgeJunction("将运行管理费用列入", "财政预算。").verdict, "join");
  assert.is(judgeJunction("如何应对秸", "秆打包的问题。", "秸秆还田").verdict, "join");
  assert.is(judgeJunction("代表们谆", "谆嘱托。").verdict, "join");
});

test("a break that leaves two stray characters making no word marks missing text", () => {
  const j = judgeJunction("日前,贵阳市", "助金8155.53万元。");
  assert.is(j.verdict, "gap");
  assert.equal(j.stray, ["市", "助"]);
});

test("a bare title finds its text after another article, a byline-led fragment opens the article it fits", () => {
  const page = [
    "滨江区建成十座职工驿站", // 1: a bare title and its subtitle; the text comes after the next article's
    "驿站配备专职管理员", // 3
    "书香进园区——", // 5
    "城市书房开进产业园区", // 7
    "本报讯(记者王晓明)近日,产业园区的城市书房开放,书房藏书两万余册,职工刷卡即可借阅图书。", // 9
    "城市书房由园区工会管理,每天开放十二小时,并定期举办读书分享会。", // 11
    "今年以来,滨江区总工会投入资金在全区建成十座职工驿站,为户外劳动者提供休息、饮水、热饭等服务。", // 13
    "滨江区总工会为每座驿站配备一名专职管理员,驿站全天开放,服务时间不少于十二小时。", // 15
    "职工技能竞赛决赛落幕", // 17
    "二十名选手获得一等奖", // 19
    "工种。经过两天比拼,二十名选手获得职工技能竞赛一等奖,其中焊工比赛最为激烈。", // 21: the text's second half
    "本报记者 李建国", // 23: its first half, opened by the byline
    "参加职工技能竞赛决赛的选手来自全市两百余家企业,决赛设焊工、电工、钳工等八个", // 25
  ].join("\n\n");
  const a = assemble(classifyLines(page.split("\n")));
  const titles = a.articles.map((x) => x.head.title.text);
  assert.equal(titles, ["滨江区建成十座职工驿站", "城市书房开进产业园区", "职工技能竞赛决赛落幕"]);
  const text = (i: number) => a.articles[i]!.body.map((b) => (b.kind === "paragraph" ? b.pieces.map((p) => p.line).join("+") : b.kind));
  assert.equal(text(0), ["13", "15"], "the 驿站 paragraphs moved under their title");
  assert.equal(text(1), ["9", "11"]);
  assert.is(a.articles[1]!.head.kicker?.text, "书香进园区——");
  assert.equal(text(2), ["25+21"], "the first half opens the article and its broken sentence is joined");
  assert.is(a.articles[2]!.head.byline?.text, "本报记者 李建国");
  assert.is(a.articles[2]!.head.subtitle?.text, "二十名选手获得一等奖");
  assert.equal(a.unassigned, []);
});

test("front matter values read back as the same text", () => {
  for (const v of ["城市书房开进产业园区", "2024-01-01", "yes", "123", "12.5", "null", "a: b", "#话题", "- 列表", "“引号”开头", "'单引号", "[方括号]", "{花括号}", "%百分", "a #b", "作者单位:市总工会", "反斜杠\\", "·间隔号"]) {
    const data = matter(`---\ntitle: ${yamlScalar(v)}\n---\n`, {}).data as { title: unknown };
    assert.is(data.title, v, v);
  }
});

test("bad input is refused with one message", () => {
  assert.throws(() => decodePage(new Uint8Array([0x41, 0, 0x42]), "x"), (e: Error) => e instanceof ImportInputError && /NUL/.test(e.message));
  assert.throws(() => decodePage(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]), "x"), /not valid UTF-8/);
  assert.throws(() => decodePage(new TextEncoder().encode(" \n\t\n"), "x"), /is empty/);
  assert.equal(decodePage(new Uint8Array([0xef, 0xbb, 0xbf, 0xe4, 0xbd, 0xa0]), "x"), ["你"]);
  assert.is(checkEditionDate("2024-02-29"), "2024-02-29");
  assert.throws(() => checkEditionDate("2023-02-29"), /not a real calendar date/);
  assert.throws(() => checkEditionDate(undefined), /required/);
});

test.run();
