import { textReport } from "../../src/cli/textReport";
import { analyzeSheet, getProfile, sheetReport } from "../../src/engine";
import { specToGrid } from "../../src/engine/sheet/sheetSpec";
import { SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { withCells } from "../fixtures/specCells";

describe("ziping check's text report lists 错误 first, then 警告, then 提示", () => {
  it("on a form whose engine order puts an error after warnings and infos", () => {
    const { spec, layout } = seedSheet(SEED_FORMS[0]);
    const wrongGrade = withCells(spec, [{ ...layout.at(layout.gradeRow, 3), value: "良" }]);
    const report = sheetReport(analyzeSheet(specToGrid(wrongGrade), getProfile()!));
    const severities = report.findings.map((f) => f.severity);
    // the precondition that makes this test bite: the engine lists the error after a warning
    expect(severities.indexOf("error")).toBeGreaterThan(severities.indexOf("warning"));

    const lines = textReport([{ file: "a.xlsx", error: null, sheets: [report] }]).split("\n");
    const listed = lines.map((l) => /^\s+\[(错误|警告|提示)\]/.exec(l)?.[1]).filter((x): x is string => !!x);
    expect(listed).toHaveLength(report.findings.length);
    expect(listed).toEqual([...listed].sort((a, b) => ["错误", "警告", "提示"].indexOf(a) - ["错误", "警告", "提示"].indexOf(b)));
    expect(listed[0]).toBe("错误");
  });
});
