/**
 * The workbook's store (issue 13): 评分方案, accepted findings (忽略 with a reason) and taught header words, kept in a
 * very hidden sheet both edges read; decisions keyed by project, code and subject, so they survive rows inserted
 * above the form; errors never accepted.
 */
import { acceptFinding, checkWorkbook, EMPTY_STORE, readStore, storeRows, STORE_SHEET, withProfile, withTaughtLabel, WorkbookStore } from "../../src/app";
import { getProfile, gridFromArray, Grid } from "../../src/engine";
import { specToGrid } from "../../src/engine/sheet/sheetSpec";
import { changedForm } from "../fixtures/cleanForm";
import { insertRows } from "../fixtures/gridVariants";
import { SEED_FORMS, seedSheet } from "../fixtures/seedForms";

const profile = getProfile("putuo-2023")!;
const storeGrid = (store: WorkbookStore): Grid => gridFromArray(STORE_SHEET, storeRows(store));
const seed1 = () => specToGrid(seedSheet(SEED_FORMS[0]).spec);

describe("the store sheet", () => {
  it("round-trips the 评分方案, accepted findings and taught words, as text", () => {
    const store: WorkbookStore = {
      profile: "mof-2020",
      accepted: [{ key: "购买新智能单兵设备|DEVIATION_MISSING|指标：采购设备正常使用率", reason: "扣分理由见纸质材料", by: "张会计", at: "2026-11-25T10:00:00Z" }],
      taught: [{ table: "indicators", field: "actual", text: "完成程度说明" }],
    };
    const rows = storeRows(store);
    expect(rows.flat().every((v) => typeof v === "string")).toBe(true);
    expect(readStore([seed1(), storeGrid(store)])).toEqual(store);
    expect(readStore([seed1()])).toEqual(EMPTY_STORE);
  });

  it("is never checked as a form, whatever it is called", () => {
    const result = checkWorkbook([seed1(), gridFromArray("设置", storeRows(withProfile(EMPTY_STORE, "mof-2020")))], profile);
    expect(result.sheets.map((s) => s.analysis.sheet)).toEqual(["表1"]);
    expect(result.store.profile).toBe("mof-2020");
  });
});

describe("忽略 with a reason", () => {
  const first = checkWorkbook([seed1()], profile).sheets[0];
  const form = first.analysis.forms[0];
  const deviation = form.findings.findIndex((f) => f.code === "DEVIATION_MISSING");

  it("a warning accepted is listed as 已忽略, not counted, not painted; and it survives rows inserted above the form", () => {
    const accepted = acceptFinding(EMPTY_STORE, form, deviation, { reason: "扣分理由已在纸质材料中说明", by: "张会计", at: "2026-11-25" });
    if (!accepted.ok) throw new Error(accepted.message);
    expect(accepted.store.accepted.map((a) => a.key)).toEqual(["购买新智能单兵设备|DEVIATION_MISSING|指标：采购设备正常使用率"]);
    for (const grid of [seed1(), insertRows(seed1(), 1, 3)]) {
      const result = checkWorkbook([grid, storeGrid(accepted.store)], profile);
      const [sheet] = result.sheets;
      const [accepted1, other] = sheet.report.findings.filter((x) => x.code === "DEVIATION_MISSING");
      expect(accepted1.ignored).toEqual({ reason: "扣分理由已在纸质材料中说明", by: "张会计", at: "2026-11-25" });
      expect(other.ignored).toBeUndefined(); // the other indicator's is not
      expect(result.counts.warning).toBe(first.report.findings.filter((x) => x.severity === "warning").length - 1);
      // its 偏差原因 cell is no longer painted (its 得分 cell still is, for SCORE_RULE_MISMATCH)
      const at = (a1: string) => sheet.plan!.highlights.find((h) => `${String.fromCharCode(64 + h.cell.col)}${h.cell.row}` === a1);
      expect(at(accepted1.cells[1])).toBeUndefined();
      expect(at(accepted1.cells[0])?.codes).toEqual(["SCORE_RULE_MISMATCH"]);
    }
  });

  it("an error cannot be accepted", () => {
    const [sheet] = checkWorkbook([specToGrid(changedForm([{ row: 22, col: 8, value: 98 }]))], profile).sheets;
    const f = sheet.analysis.forms[0];
    const index = f.findings.findIndex((x) => x.code === "TOTAL_MISMATCH");
    expect(acceptFinding(EMPTY_STORE, f, index, { reason: "见说明" })).toEqual({ ok: false, message: expect.stringContaining("错误不能忽略") });
    // and an error whose key is in the store anyway (edited by hand) stays an error
    const key = `购买新智能单兵设备|TOTAL_MISMATCH|总分`;
    const [again] = checkWorkbook([specToGrid(changedForm([{ row: 22, col: 8, value: 98 }])), storeGrid({ ...EMPTY_STORE, accepted: [{ key, reason: "x", by: "", at: "" }] })], profile).sheets;
    expect(again.report.findings.find((x) => x.code === "TOTAL_MISMATCH")!.ignored).toBeUndefined();
  });

  it("a reason is required", () => {
    expect(acceptFinding(EMPTY_STORE, form, deviation, { reason: "  " })).toMatchObject({ ok: false });
  });
});

describe("teach a layout", () => {
  // a layout the locator does not know: 实际完成值 printed as 完成程度说明
  const unknown = () => specToGrid(changedForm([{ row: 14, col: 6, value: "完成程度说明" }]));

  it("unknown header: the indicator table is not read; taught, it reads as the clean form", () => {
    const before = checkWorkbook([unknown()], profile).sheets[0].report;
    expect(before.form!.indicators).toEqual([]);
    const store = withTaughtLabel(EMPTY_STORE, { table: "indicators", field: "actual", text: "完成程度说明" });
    const after = checkWorkbook([unknown(), storeGrid(store)], profile).sheets[0].report;
    expect(after.form!.indicators).toHaveLength(7);
    expect(after.form!.total.computed).toBe("99.37");
    expect(after.findings).toEqual([]);
  });
});
