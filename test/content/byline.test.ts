import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseByline } from "../../src/content/byline.ts";

const cases: [string, string | undefined, [string, string][]][] = [
  ["本报讯(记者叶小钟 通讯员黄敬清)", "本报讯", [["叶小钟", "记者"], ["黄敬清", "通讯员"]]],
  ["本报讯（记者赖书闻）", "本报讯", [["赖书闻", "记者"]]],
  ["本报记者 赖志凯 本报通讯员 周钰凡", "本报", [["赖志凯", "记者"], ["周钰凡", "通讯员"]]],
  ["□丁祎嫻", undefined, [["丁祎嫻", "作者"]]],
  ["新华社记者 黄宗治 摄", "新华社", [["黄宗治", "摄影"]]],
  ["新华社北京6月12日电(记者张三 李四)", "新华社", [["张三", "记者"], ["李四", "记者"]]],
  ["本报记者 王五 摄", "本报", [["王五", "摄影"]]],
  ["文/图 王五", undefined, [["王五", "作者"]]],
  ["文静", undefined, [["文静", "作者"]]],
];

for (const [printed, source, people] of cases) {
  test(`parses ${printed}`, () => {
    const r = parseByline(printed);
    assert.is(r.source, source);
    assert.equal(r.people.map((p) => [p.name, p.role]), people);
  });
}

test.run();
