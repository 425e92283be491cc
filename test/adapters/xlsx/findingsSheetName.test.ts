/**
 * The 校验结果 sheet is recognised by its marker (a hidden defined name), never by its name alone: a user's own
 * sheet called 校验结果 is checked like any other and kept; ours is then 校验结果(2), and scoring the copy again
 * replaces ours, never the user's.
 */
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { getProfile } from "../../../src/engine";
import { checkFile, fixFile } from "../../../src/adapters/xlsx/files";
import { findingsSheetName } from "../../../src/adapters/xlsx/findingsSheet";
import { readWorkbook } from "../../../src/adapters/xlsx/readWorkbook";
import { SEED_FORMS, seedSheet } from "../../fixtures/seedForms";
import { workbookBytes } from "../../fixtures/seedWorkbooks";

const profile = getProfile("putuo-2023")!;

it.each([
  [["表1"], "校验结果"],
  [["校验结果"], "校验结果(2)"],
  [["校验结果", "校验结果(2)"], "校验结果(3)"],
] as const)("findingsSheetName(%j) = %s", (taken, name) => expect(findingsSheetName(taken)).toBe(name));

describe("a user's own sheet named 校验结果", () => {
  let input: Uint8Array;
  beforeAll(async () => {
    input = await workbookBytes([seedSheet(SEED_FORMS[0], { sheetName: "校验结果", blank: { total: true } }).spec, seedSheet(SEED_FORMS[1], { sheetName: "表2" }).spec]);
  });

  it("is checked like any sheet (its form is never skipped)", async () => {
    const checked = await checkFile(input, profile);
    if (!checked.ok) throw new Error(checked.message);
    expect(checked.result.sheets.map((s) => [s.report.sheet, s.report.isForm])).toEqual([["校验结果", true], ["表2", true]]);
    expect(checked.result.sheets[0].report.form!.total.computed).toBe("96.37");
  });

  it("fix writes into it and adds ours as 校验结果(2); fixing the copy again replaces ours, not the user's", async () => {
    const once = await fixFile(input, profile);
    if (!once.ok) throw new Error(once.message);
    expect(once.findingsSheet).toBe("校验结果(2)");
    const read1 = await readWorkbook(once.bytes);
    if (!read1.ok) throw new Error(read1.message);
    expect(read1.sheets.map((s) => [s.name, s.isFindingsSheet])).toEqual([["校验结果", false], ["表2", false], ["校验结果(2)", true]]);
    expect(read1.grids[0].cells.get(22 * 16384 + 8)?.value).toBe(96.37); // the user's sheet got its 总分

    const twice = await fixFile(once.bytes, profile);
    if (!twice.ok) throw new Error(twice.message);
    expect(twice.findingsSheet).toBe("校验结果(2)");
    expect(twice.result.sheets.map((s) => s.report.sheet)).toEqual(["校验结果", "表2"]);
    const read2 = await readWorkbook(twice.bytes);
    if (!read2.ok) throw new Error(read2.message);
    expect(read2.sheets.map((s) => [s.name, s.isFindingsSheet])).toEqual([["校验结果", false], ["表2", false], ["校验结果(2)", true]]);
    // one marker, on the third sheet
    const workbook = strFromU8(unzipSync(twice.bytes)["xl/workbook.xml"]);
    expect(workbook.match(/name="ziping_findings"/g)).toHaveLength(1);
    expect(workbook).toContain('localSheetId="2"');
  });

  it("a copy scored before the marker existed (exceljs-written 校验结果 with its header) is still recognised as ours", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbookBytes([seedSheet(SEED_FORMS[0]).spec])).slice().buffer);
    const legacy = wb.addWorksheet("校验结果");
    legacy.addRow(["工作表", "项目名称", "单元格", "级别", "部分", "说明", "计算", "代码"]);
    legacy.addRow(["表1", "购买新智能单兵设备", "H16", "警告", "指标", "旧的说明", "", "DEVIATION_MISSING"]);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const fixed = await fixFile(bytes, profile);
    if (!fixed.ok) throw new Error(fixed.message);
    expect(fixed.findingsSheet).toBe("校验结果");
    const read = await readWorkbook(fixed.bytes);
    if (!read.ok) throw new Error(read.message);
    expect(read.sheets.map((s) => [s.name, s.isFindingsSheet])).toEqual([["表1", false], ["校验结果", true]]);
    expect([...read.grids[1].cells.values()].map((c) => c.value)).not.toContain("旧的说明");
  });
});

it("text that looks like a formula (a project name “=HYPERLINK(…)”) is written into 校验结果 as text, never as a formula", async () => {
  const { changedForm } = await import("../../fixtures/cleanForm");
  const evil = '=HYPERLINK("http://example.invalid","点我")';
  const fixed = await fixFile(await workbookBytes([changedForm([{ row: 3, col: 3, value: evil }])]), profile);
  if (!fixed.ok) throw new Error(fixed.message);
  const parts = unzipSync(fixed.bytes);
  const sheet = strFromU8(parts["xl/worksheets/sheet2.xml"]);
  expect(sheet).not.toContain("<f>");
  // the project name heads its form's block in 校验结果, as inline text
  expect(sheet).toContain("<t xml:space=\"preserve\">=HYPERLINK(&quot;http://example.invalid&quot;,&quot;点我&quot;)\n");
  const read = await readWorkbook(fixed.bytes);
  if (!read.ok) throw new Error(read.message);
  const cells = [...read.grids[1].cells.values()];
  expect(cells.some((c) => typeof c.value === "string" && c.value.startsWith(`${evil}\n`) && c.formula === undefined)).toBe(true);
  expect(cells.every((c) => c.formula === undefined)).toBe(true);
});
