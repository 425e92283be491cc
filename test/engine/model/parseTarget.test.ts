import { parseActual, parseTarget } from "../../../src/engine/model/parseTarget";

const q = (op: string, value: string, unit: string) => ({ kind: "quantitative", op, value, unit });

describe("parseTarget: the target variants of real forms (rules.md §1.5)", () => {
  it.each([
    ["=103.00(台)", q("=", "103", "台")],
    ["≥99.00(%)", q(">=", "99", "%")],
    ["≤5.00(次)", q("<=", "5", "次")],
    ["≥3.00(年)", q(">=", "3", "年")],
    [">=90%", q(">=", "90", "%")],
    ["≧735人次", q(">=", "735", "人次")],
    ["═100%", q("=", "100", "%")],
    ["1", q("implicit", "1", "")],
    ["100%", q("implicit", "100", "%")],
    ["≥266米", q(">=", "266", "米")],
    ["≤100(%)", q("<=", "100", "%")],
    ["＞ 12,000 （元）", q(">", "12000", "元")],
    ["<2(小时)", q("<", "2", "小时")],
    ["≥100Mbps", q(">=", "100", "Mbps")],
    // rules.md §1.6: compound units, ASCII and mis-encoded signs, comparisons written after the number
    [">=530元/人*月", q(">=", "530", "元/人*月")],
    ["<=5300元/户", q("<=", "5300", "元/户")],
    ["≥1.2万元/公里", q(">=", "1.2", "万元/公里")],
    ["‹=5300元/户", q("<=", "5300", "元/户")],
    ["≥80元/人·月", q(">=", "80", "元/人·月")],
    ["98%以上", q(">=", "98", "%")],
    ["5次以内", q("<=", "5", "次")],
    ["29.5亩", q("implicit", "29.5", "亩")],
    // rules.md §1.7: signs in every width
    ["≥=90%", q(">=", "90", "%")],
    ["＞＝90%", q(">=", "90", "%")],
    ["=>90%", q(">=", "90", "%")],
    ["≤=5次", q("<=", "5", "次")],
    ["＜＝5次", q("<=", "5", "次")],
    ["﹦100%", q("=", "100", "%")],
    ["＝230亩", q("=", "230", "亩")],
  ])("%s", (text, expected) => {
    const t = parseTarget(text);
    expect(t.kind).toBe("quantitative");
    if (t.kind === "quantitative") expect({ kind: t.kind, op: t.op, value: t.value.toString(), unit: t.unit }).toEqual(expected);
  });

  it.each(["及时", "顺畅", "合格", "有效", "基本满意", "环境 100%达标", "提高热线办理工作效率"])("%s is qualitative", (text) => {
    expect(parseTarget(text)).toEqual({ kind: "qualitative", text });
  });

  it.each(["≥9O%", "≥", "≤ 约五次", ">=九十"])("%s is a number target that cannot be read", (text) => {
    expect(parseTarget(text).kind).toBe("unparseable");
  });

  it.each(["", "  ", "-", "/"])("%j is empty", (text) => expect(parseTarget(text)).toEqual({ kind: "empty" }));
});

describe("parseActual", () => {
  it.each([
    ["103.00(台)", "103", "台"],
    ["99.00(%)", "99", "%"],
    ["0.10(小时)", "0.1", "小时"],
    ["95", "95", ""],
    ["583元/人*月", "583", "元/人*月"],
    ["5830元/户", "5830", "元/户"],
    // rules.md §1.7: the actual repeats the target's sign
    ["=230亩", "230", "亩"],
    ["≥95%", "95", "%"],
    ["﹦100%", "100", "%"],
  ])("%s", (text, value, unit) => {
    const a = parseActual(text);
    expect(a.kind === "number" && [a.value.toString(), a.unit]).toEqual([value, unit]);
  });
  it("reads words as text", () => expect(parseActual("达成指标")).toEqual({ kind: "text", text: "达成指标" }));
});
