/**
 * Byline: turns a byline as printed into its source (本报讯, 新华社…) and the
 * people in it with their roles. Handles the forms Chinese papers print:
 *   本报讯(记者叶小钟 通讯员黄敬清)      本报记者 赖志凯 本报通讯员 周钰凡
 *   □丁祎嫻                              新华社记者 黄宗治 摄
 *   新华社北京6月12日电(记者张三 李四)
 * Used by the content loader; front matter `people`/`source` override it when
 * a byline is too irregular to parse.
 */
import type { Person, Role } from "./schema.ts";

export interface ParsedByline {
  source: string | undefined;
  people: Person[];
}

/** Dateline sources: the agency or 本报讯, possibly with place and date (新华社北京6月12日电). */
const SOURCE = /^(本报讯|本报电|(?:新华社|中新社|人民网|新华网)(?:[^()（）\s]{0,16}电)?)/u;
/** A role word, optionally prefixed by who employs the person (本报, 新华社) and a grade. */
const ROLE = /^(?:本报|新华社|中新社)?(?:特约|见习|实习|驻[^\s]{1,6})?(记者|通讯员|摄影记者|摄影|作者|文(?=[/／:：])|图(?=[/／:：]))/u;
/** Ornaments printed before an author's name: □ ■ ◎ ○ ● and the like. */
const ORNAMENT = /^[□■◎○●◆◇▲△★☆]+/u;

function roleOf(word: string): Role {
  if (word.startsWith("摄影")) return "摄影";
  if (word === "通讯员") return "通讯员";
  if (word === "记者") return "记者";
  return "作者";
}

export function parseByline(printed: string): ParsedByline {
  let rest = printed.normalize("NFKC").trim().replace(ORNAMENT, "").trim();
  let source: string | undefined;
  const src = SOURCE.exec(rest);
  if (src) {
    source = src[1]!.startsWith("本报") ? "本报讯" : src[1]!.replace(/电$/u, "").replace(/^(新华社|中新社|人民网|新华网).*/u, "$1");
    rest = rest.slice(src[0].length);
  } else if (/^本报/u.test(rest)) {
    source = "本报";
  } else if (/^(新华社|中新社)/u.test(rest)) {
    source = rest.slice(0, 3);
  }
  const tokens = rest.replace(/[()（）]/gu, " ").split(/[\s、,，;；]+/u).filter(Boolean);

  const people: Person[] = [];
  let role: Role = "作者";
  let group: Person[] = []; // the names since the last role word: "摄" applies to them
  for (const token of tokens) {
    if (token === "摄" || token === "摄影") {
      for (const p of group) p.role = "摄影";
      continue;
    }
    const m = ROLE.exec(token);
    let name = token;
    if (m) {
      role = roleOf(m[1]!);
      group = [];
      name = token.slice(m[0].length).replace(/^[/／:：](?:图[/／:：]?)?/u, ""); // 文/图 张三
    }
    // "黄宗治摄" printed without a space
    let photo = false;
    if (name.length > 2 && name.endsWith("摄")) {
      name = name.slice(0, -1);
      photo = true;
    }
    if (!name) continue;
    const person: Person = { name, role: photo ? "摄影" : role };
    people.push(person);
    group.push(person);
  }
  return { source, people };
}
