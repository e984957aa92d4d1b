/**
 * Classify lines: gives each non-empty line of a raw page the role its form
 * shows, before any context is considered:
 *
 *   kicker     a line ending in —— (引题 printed above a title)
 *   heading    short, no sentence punctuation: a title, subtitle, subhead, column
 *              label or dateline; `assemble.ts` decides which from its neighbours
 *   byline     a byline on its own line: 本报记者 王晓明 本报通讯员 李建国, □张慧敏
 *   credit     a photo credit: 新华社记者 刘志强 摄
 *   tip-label  阅读提示 (the reading tip box; its text is the next paragraph)
 *   paragraph  body text; it may open with a byline (本报讯(记者…)) and end with
 *              the author's unit ((作者单位:…)), which are split off here
 *
 * Nothing here depends on the text of any particular page: only on punctuation,
 * length and the printed forms of bylines, credits and labels.
 */
import { parseByline } from "../content/byline.ts";
import { isHeadingLike, printedLength } from "./sentences.ts";

export type LineKind = "kicker" | "heading" | "byline" | "credit" | "tip-label" | "paragraph";

export interface PageLine {
  /** 1-based line number in the file. */
  n: number;
  /** The line as printed, without surrounding whitespace. */
  text: string;
  kind: LineKind;
  /** paragraph: a byline printed at its start (本报讯(记者…)), as printed. */
  bylinePrefix?: string;
  /** paragraph: the author's unit printed at its end; `raw` is the printed wrapper. */
  affiliation?: { value: string; raw: string };
  /** tip-label: tip text printed on the label's own line. */
  tipText?: string;
  /** paragraph: its text without byline prefix and affiliation. */
  body: string;
}

const ORNAMENT = "□■◎○●◆◇▲△★☆";
const NAME = "[\\p{Script=Han}·]{2,5}";
const ROLE_WORD = "(?:本报|新华社|中新社|人民日报|特约)?(?:特约|见习|实习|首席)?(?:记者|通讯员|摄影记者|撰稿人|作者)";
const ROLE_TOKEN = new RegExp(`^${ROLE_WORD}$`, "u");
const ROLE_NAME_TOKEN = new RegExp(`^${ROLE_WORD}${NAME}$`, "u");
const ROLE_PREFIX = new RegExp(`^${ROLE_WORD}`, "u");
const NAME_TOKEN = new RegExp(`^${NAME}$`, "u");
const WRITER_TOKEN = /^(?:文|图|文\/图|图\/文|文图)[/／:：]?$/u;
const ORNAMENT_BYLINE = new RegExp(`^[${ORNAMENT}]\\s*${NAME}(?:[\\s、]+${NAME}){0,3}$`, "u");

/**
 * Common Chinese surnames. A role glued to a name (记者陈思远) must start the name
 * with one, so that column labels like 记者手记 or 作者简介 are not read as
 * bylines; names set apart by a space (本报记者 杨帆) need no such check.
 */
const SURNAMES = new Set([
  ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由",
]);
const COMPOUND_SURNAMES = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "夏侯", "端木", "司徒", "澹台"];

function startsWithSurname(name: string): boolean {
  return SURNAMES.has(name[0]!) || COMPOUND_SURNAMES.some((s) => name.startsWith(s));
}

/** 本报讯(记者陈思远 通讯员赵丽华), 新华社北京5月3日电(记者周建平), 本报讯: the dateline bylines that open a paragraph. */
const BYLINE_PREFIX = /^(?:本报讯|本报电|本报[\p{Script=Han}]{2,8}电|(?:新华社|中新社|人民网|新华网)[\p{Script=Han}\d]{0,16}电)\s*(?:[(（][^()（）]{1,60}[)）])?/u;
const AFFILIATION = /[(（]\s*作者单位\s*[:：]\s*([^()（）]+?)\s*[)）]\s*$/u;
const TIP_LABEL = /^[【\[]?\s*阅读提示\s*[】\]]?\s*[:：]?\s*/u;

/** A byline printed on a line of its own. */
export function isBylineLine(text: string): boolean {
  const t = text.normalize("NFKC").trim();
  if (printedLength(t) > 40 || /[。,，;；!?！？:：]/u.test(t.replace(/^(?:文|图|文\/图|图\/文)[:：]/u, ""))) return false;
  if (ORNAMENT_BYLINE.test(t)) return true;
  const tokens = t.replace(/[(（)）]/gu, " ").split(/[\s、]+/u).filter(Boolean);
  if (tokens.length === 0) return false;
  let roles = 0;
  let names = 0;
  for (const token of tokens) {
    if (ROLE_TOKEN.test(token) || WRITER_TOKEN.test(token)) roles++;
    else if (ROLE_NAME_TOKEN.test(token)) {
      if (!startsWithSurname(token.replace(ROLE_PREFIX, ""))) return false;
      roles++;
      names++;
    } else if (NAME_TOKEN.test(token)) names++;
    else return false;
  }
  return roles > 0 && names > 0 && parseByline(t).people.length > 0;
}

/** A photo credit: names (with roles) followed by 摄, possibly in brackets. */
export function isCreditLine(text: string): boolean {
  const t = text.normalize("NFKC").trim().replace(/^[(（]/u, "").replace(/[)）]$/u, "");
  if (printedLength(t) > 30 || !/摄(?:影)?$/u.test(t)) return false;
  const names = t.replace(/摄(?:影)?$/u, "").replace(/^(?:新华社|中新社)发\s*/u, "").trim();
  if (names === "") return false;
  return isBylineLine(names) || names.split(/[\s、]+/u).every((n) => NAME_TOKEN.test(n));
}

export function isKickerLine(text: string): boolean {
  return /(?:——|──|—|--)$/u.test(text.trim()) && printedLength(text) <= 60 && !/[。!?！？]/u.test(text);
}

export function classifyLines(lines: string[]): PageLine[] {
  const out: PageLine[] = [];
  lines.forEach((raw, i) => {
    const text = raw.trim();
    if (text === "") return;
    const line: PageLine = { n: i + 1, text, kind: "paragraph", body: text };
    const tip = TIP_LABEL.exec(text);
    if (tip) {
      line.kind = "tip-label";
      const rest = text.slice(tip[0].length).trim();
      if (rest) line.tipText = rest;
    } else if (isCreditLine(text)) {
      line.kind = "credit";
    } else if (isBylineLine(text)) {
      line.kind = "byline";
    } else if (isKickerLine(text)) {
      line.kind = "kicker";
    } else if (isHeadingLike(text)) {
      line.kind = "heading";
    } else {
      let body = text;
      const prefix = BYLINE_PREFIX.exec(body);
      if (prefix && prefix[0].length < body.length) {
        line.bylinePrefix = prefix[0].trim();
        body = body.slice(prefix[0].length).trim();
      }
      const aff = AFFILIATION.exec(body);
      if (aff) {
        line.affiliation = { value: aff[1]!.trim(), raw: aff[0].trim() };
        body = body.slice(0, aff.index).trim();
      }
      line.body = body;
    }
    out.push(line);
  });
  return out;
}
