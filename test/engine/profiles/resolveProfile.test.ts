import { getProfile, resolveProfile } from "../../../src/engine";

const json = (x: unknown) => resolveProfile({ kind: "json", text: typeof x === "string" ? x : JSON.stringify(x), origin: "my.json" });

describe("resolveProfile: one resolver for ids and profile documents", () => {
  it.each([
    [undefined, "putuo-2023"],
    [null, "putuo-2023"],
    ["mof-2020", "mof-2020"],
    ['{"base":"mof-2020"}', "mof-2020+custom"],
  ])("%j → %s", (source, id) => {
    const r = resolveProfile(source);
    expect(r.ok && r.profile.id).toBe(id);
  });

  it("merges a partial document deeply onto its base: {level1Weights:{output:60,benefit:20}} keeps satisfaction", () => {
    const r = json({ level1Weights: { output: "60", benefit: "20" } });
    if (!r.ok) throw new Error(r.message);
    expect(r.profile.level1Weights).toEqual({ output: "60", benefit: "20", satisfaction: "10" });
    expect(r.profile.rounding).toBe("truncate");
    expect(r.profile.id).toBe("putuo-2023+custom");
  });

  it("accepts JSON numbers for decimal settings and keeps them as text", () => {
    const r = json({ base: "mof-2020", lowExecutionRate: 85, qualitativeBands: { achieved: 0.9 } });
    if (!r.ok) throw new Error(r.message);
    expect(r.profile.lowExecutionRate).toBe("85");
    expect(r.profile.qualitativeBands).toEqual({ achieved: "0.9", partial: "0.6" });
    expect(r.profile.rounding).toBe("halfUp");
  });

  it("is frozen and leaves the built-in profile as it was", () => {
    const r = json({ budgetWeight: "20", level1Weights: { output: "40" } });
    expect(r.ok && Object.isFrozen(r.profile)).toBe(true);
    expect(getProfile("putuo-2023")!.budgetWeight).toBe("10");
  });

  it.each([
    [{ level1Weights: { output: "x" } }, "level1Weights.output", "“level1Weights.output”的取值 \"x\" 无效：产出指标参考权重应为不小于 0 的数字"],
    [{ level1Weights: { outptu: "60" } }, "level1Weights.outptu", "没有“level1Weights.outptu”这一项"],
    [{ rounding: "floor" }, "rounding", "“rounding”的取值 \"floor\" 无效：舍入方式应为"],
    [{ colour: "red" }, "colour", "没有“colour”这一项"],
    [{ base: "x" }, "base", "未知的基础评分方案“x”"],
    [{ qualitativeBands: { achieved: "1.5" } }, "qualitativeBands.achieved", "0 到 1 之间"],
    [{ qualitativeBands: { partial: "0.9" } }, "qualitativeBands", "“部分达成”的下限应小于“达成”的下限"],
    [{ gradeBands: [{ grade: "良", min: "80" }, { grade: "优", min: "90" }] }, "gradeBands", "从高到低"],
    [{ gradeBands: [{ grade: "优", min: "90", extra: 1 }] }, "gradeBands.0.extra", "没有“gradeBands.0.extra”这一项"],
    [{ gradeBands: [] }, "gradeBands", "至少要有一条分数线"],
    [{ lowExecutionRate: -5 }, "lowExecutionRate", "执行率偏低的界限应为不小于 0 的数字"],
    [{ name: "" }, "name", "不能为空"],
  ])("refuses %j naming %s", (doc, key, text) => {
    const r = json(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.key).toBe(key);
    expect(r.message).toContain(text);
    expect(r.message.startsWith("my.json：")).toBe(true);
  });

  it.each([
    ["not json", "不是有效的 JSON"],
    ["[1,2]", "应为一个 JSON 对象"],
    ["\"putuo\"", "应为一个 JSON 对象"],
  ])("refuses the document %s", (text, reason) => {
    const r = json(text);
    expect(!r.ok && r.message).toContain(reason);
  });

  it("an unknown id names the choices", () => {
    const r = resolveProfile("putuo-2024");
    expect(!r.ok && r.message).toContain("未知的评分方案“putuo-2024”，可选：putuo-2023、mof-2020");
  });
});
