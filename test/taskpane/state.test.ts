import type { WrittenCell } from "../../src/app";
import { analyzeSheet, getProfile, sheetReport } from "../../src/engine";
import { specToGrid } from "../../src/engine/sheet/sheetSpec";
import {
  formReports,
  initialPaneState,
  isStale,
  PaneAction,
  paneReducer,
  PaneState,
  scoredCopy,
  shownCellText,
  shownWrites,
  staleReason,
  templateSheet,
} from "../../src/taskpane/state";
import { coverSheet, SEED_FORMS, seedSheet } from "../fixtures/seedForms";

const report = (i: number) => sheetReport(analyzeSheet(specToGrid(seedSheet(SEED_FORMS[i], { sheetName: `表${i + 1}` }).spec), getProfile()!));
const [r1, r2] = [report(0), report(1)];
const cover = sheetReport(analyzeSheet(specToGrid(coverSheet()), getProfile()!));
const scored = { name: "a（已计分）.xlsx", bytes: async () => ({ ok: true as const, bytes: new Uint8Array([1]) }) };
const write = (sheet: string, cell: string): WrittenCell => ({ sheet, cell, kind: "grade", what: "评分等级", previous: "", value: "优", why: "原为空" });
const fileOutcome = {
  report: r1,
  reports: [cover, r1, r2],
  profileId: "putuo-2023",
  written: 2,
  pending: 0,
  highlighted: 5,
  scored,
  writes: [write("表1", "C23"), write("表2", "C24")],
  cellText: { 表1: { H16: "18.00" }, 表2: { H15: "20.00" } },
  details: {},
};
const excelOutcome = { report: r1, profileId: "putuo-2023", written: 0, pending: 1, highlighted: 5, writes: [write("表1", "C23")], details: {} };

const run = (actions: PaneAction[], from: PaneState = initialPaneState) => actions.reduce(paneReducer, from);
const checked = (outcome: typeof fileOutcome | typeof excelOutcome, focus = true): PaneAction => ({ type: "checked", outcome, notice: { intent: "success", text: "ok" }, focus });

describe("paneReducer", () => {
  it("a check shows its report, clears the card selected before, and asks for the focus only when the user checked", () => {
    const s = run([{ type: "findingActivated", key: "row:16" }, checked(excelOutcome)]);
    expect(s).toMatchObject({ report: r1, active: null, outcome: excelOutcome, notice: { text: "ok" }, checks: 1 });
    expect(paneReducer(s, checked(excelOutcome, false)).checks).toBe(1);
  });

  it.each([
    ["the same profile", [checked(excelOutcome)], null],
    ["another profile chosen after the check", [checked(excelOutcome), { type: "profileChosen", id: "mof-2020" }], "profile"],
    ["switched back", [checked(excelOutcome), { type: "profileChosen", id: "mof-2020" }, { type: "profileChosen", id: "putuo-2023" }], null],
    ["checked again under the new one", [{ type: "profileChosen", id: "mof-2020" }, checked({ ...excelOutcome, profileId: "mof-2020" })], null],
    ["no result yet", [{ type: "profileChosen", id: "mof-2020" }], null],
    ["another sheet made active in Excel", [checked(excelOutcome), { type: "activeSheetSeen", sheet: "表6" }], "sheet"],
    ["the same sheet seen again", [checked(excelOutcome), { type: "activeSheetSeen", sheet: "表1" }], null],
    ["撤销上次写入 since the check", [checked(excelOutcome), { type: "undone", notice: { intent: "success", text: "已恢复" } }], "undone"],
    ["checked again after the undo", [checked(excelOutcome), { type: "undone", notice: { intent: "success", text: "已恢复" } }, checked(excelOutcome)], null],
  ] as [string, PaneAction[], string | null][])("out of date after %s", (_n, actions, reason) => {
    const s = run(actions);
    expect(staleReason(s)).toBe(reason);
    expect(isStale(s)).toBe(reason !== null);
  });

  it("a file result is never out of date because of the sheet on show (every sheet was checked at once)", () => {
    const s = run([checked(fileOutcome), { type: "sheetShown", sheet: "表2" }, { type: "activeSheetSeen", sheet: "表9" }]);
    expect(staleReason(s)).toBeNull();
  });

  it("the scored copy is offered only while it matches the chosen profile", () => {
    const fresh = run([checked(fileOutcome)]);
    expect(scoredCopy(fresh)).toBe(scored);
    expect(scoredCopy(paneReducer(fresh, { type: "profileChosen", id: "mof-2020" }))).toBeNull();
  });

  it("lists the form sheets of a file check and shows the one chosen, with its own writes, cell values and template sheet", () => {
    const s = run([checked(fileOutcome), { type: "findingActivated", key: "row:16" }, { type: "filterChosen", filter: "warning" }]);
    expect(formReports(s).map((r) => r.sheet)).toEqual(["表1", "表2"]);
    expect(shownWrites(s).map((w) => w.cell)).toEqual(["C23"]);
    expect(shownCellText(s)).toEqual({ H16: "18.00" });
    expect(templateSheet(s)).toBe("表1");
    const shown = paneReducer(s, { type: "sheetShown", sheet: "表2" });
    expect(shown).toMatchObject({ report: r2, active: null, filter: null });
    expect(shownWrites(shown).map((w) => w.cell)).toEqual(["C24"]);
    expect(shownCellText(shown)).toEqual({ H15: "20.00" });
    expect(templateSheet(shown)).toBe("表2");
    expect(paneReducer(s, { type: "sheetShown", sheet: "说明" })).toBe(s); // not a form: nothing to show
  });

  it("a re-check (another 评分方案) keeps the sheet on show", () => {
    const s = run([checked(fileOutcome), { type: "sheetShown", sheet: "表2" }, { type: "profileChosen", id: "mof-2020" }, checked({ ...fileOutcome, profileId: "mof-2020" }, false)]);
    expect(s.report).toBe(r2);
  });

  it("writes of an out-of-date result are not listed (the values are no longer what the list says)", () => {
    const s = run([checked(excelOutcome), { type: "undone", notice: { intent: "success", text: "已恢复" } }]);
    expect(shownWrites(s)).toEqual([]);
    expect(shownWrites(run([checked(excelOutcome)])).map((w) => w.cell)).toEqual(["C23"]);
  });

  it("a failure that read the sheet shows its report and drops the old result; one that did not keeps it", () => {
    const s = run([checked(excelOutcome)]);
    const withReport = paneReducer(s, { type: "failed", failure: { ok: false, code: "SHEET_PROTECTED", message: "受保护", report: r2 } });
    expect(withReport).toMatchObject({ outcome: null, report: r2, notice: { intent: "error", text: "受保护" } });
    const bare = paneReducer(s, { type: "failed", failure: { ok: false, code: "CELL_EDIT_MODE", message: "编辑中" } });
    expect(bare).toMatchObject({ outcome: excelOutcome, report: r1, notice: { intent: "error" } });
    const notForm = paneReducer(s, { type: "failed", failure: { ok: false, code: "FORM_NOT_FOUND", message: "不是自评表", report: cover } });
    expect(notForm.notice?.intent).toBe("warning");
    expect(templateSheet(notForm)).toBeUndefined();
  });

  it("choosing a file forgets the previous file's result and filter", () => {
    const s = run([checked(fileOutcome), { type: "filterChosen", filter: "error" }, { type: "fileChosen", file: { name: "b.xlsx", bytes: new Uint8Array([2]) } }]);
    expect(s).toMatchObject({ outcome: null, report: null, file: { name: "b.xlsx" }, filter: null });
  });

  it("busy while an action runs; a new action clears the last notice", () => {
    const s = run([{ type: "notice", notice: { intent: "info", text: "x" } }, { type: "started", label: "正在校验…" }]);
    expect(s).toMatchObject({ busy: "正在校验…", notice: null });
    expect(paneReducer(s, { type: "finished" }).busy).toBeNull();
  });

  it("the 评分方案: remembered, then a file's own wins once checked, and the next file starts from the remembered one again", () => {
    const s = run([{ type: "profileLoaded", id: "putuo-2023", from: "remembered" }, checked({ ...fileOutcome, profileId: "mof-2020", profileFrom: "workbook" } as typeof fileOutcome)]);
    expect(s).toMatchObject({ profileId: "mof-2020", profileFrom: "workbook", rememberedProfile: "putuo-2023" });
    expect(staleReason(s)).toBeNull();
    const next = paneReducer(s, { type: "fileChosen", file: { name: "b.xlsx", bytes: new Uint8Array([2]) } });
    expect(next).toMatchObject({ profileId: "putuo-2023", profileFrom: "remembered" });
  });

  it("first use asks; the answer is the one in use and the one remembered", () => {
    const s = run([{ type: "profileAsk" }]);
    expect(s).toMatchObject({ askProfile: true, profileFrom: null });
    expect(paneReducer(s, { type: "profileChosen", id: "mof-2020" })).toMatchObject({ askProfile: false, profileId: "mof-2020", profileFrom: "chosen", rememberedProfile: "mof-2020" });
  });
});
