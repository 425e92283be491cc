import { analyzeSheet, getProfile, sheetReport } from "../../src/engine";
import { specToGrid } from "../../src/engine/sheet/sheetSpec";
import { formReports, initialPaneState, isStale, PaneAction, paneReducer, PaneState, scoredCopy } from "../../src/taskpane/state";
import { coverSheet, SEED_FORMS, seedSheet } from "../fixtures/seedForms";

const report = (i: number) => sheetReport(analyzeSheet(specToGrid(seedSheet(SEED_FORMS[i], { sheetName: `表${i + 1}` }).spec), getProfile()!));
const [r1, r2] = [report(0), report(1)];
const cover = sheetReport(analyzeSheet(specToGrid(coverSheet()), getProfile()!));
const scored = { name: "a（已计分）.xlsx", bytes: new Uint8Array([1]) };
const fileOutcome = { report: r1, reports: [cover, r1, r2], profileId: "putuo-2023", written: 2, pending: 0, highlighted: 5, scored };
const excelOutcome = { report: r1, profileId: "putuo-2023", written: 0, pending: 3, highlighted: 5 };

const run = (actions: PaneAction[], from: PaneState = initialPaneState) => actions.reduce(paneReducer, from);
const checked = (outcome: typeof fileOutcome | typeof excelOutcome): PaneAction => ({ type: "checked", outcome, notice: { intent: "success", text: "ok" } });

describe("paneReducer", () => {
  it("a check shows its report and clears the finding selected before", () => {
    const s = run([{ type: "findingActivated", index: 3 }, checked(excelOutcome)]);
    expect(s).toMatchObject({ report: r1, active: null, outcome: excelOutcome, notice: { text: "ok" } });
  });

  it.each([
    ["the same profile", [checked(excelOutcome)], false],
    ["another profile chosen after the check", [checked(excelOutcome), { type: "profileChosen", id: "mof-2020" }], true],
    ["switched back", [checked(excelOutcome), { type: "profileChosen", id: "mof-2020" }, { type: "profileChosen", id: "putuo-2023" }], false],
    ["checked again under the new one", [{ type: "profileChosen", id: "mof-2020" }, checked({ ...excelOutcome, profileId: "mof-2020" })], false],
    ["no result yet", [{ type: "profileChosen", id: "mof-2020" }], false],
  ] as [string, PaneAction[], boolean][])("stale after %s: %s", (_n, actions, stale) => {
    expect(isStale(run(actions))).toBe(stale);
  });

  it("the scored copy is offered only while it matches the chosen profile", () => {
    const fresh = run([checked(fileOutcome)]);
    expect(scoredCopy(fresh)).toBe(scored);
    expect(scoredCopy(paneReducer(fresh, { type: "profileChosen", id: "mof-2020" }))).toBeNull();
  });

  it("lists the form sheets of a file check and shows the one chosen", () => {
    const s = run([checked(fileOutcome), { type: "findingActivated", index: 1 }]);
    expect(formReports(s).map((r) => r.sheet)).toEqual(["表1", "表2"]);
    const shown = paneReducer(s, { type: "sheetShown", sheet: "表2" });
    expect(shown).toMatchObject({ report: r2, active: null });
    expect(paneReducer(s, { type: "sheetShown", sheet: "说明" })).toBe(s); // not a form: nothing to show
  });

  it("a failure that read the sheet shows its report and drops the old result; one that did not keeps it", () => {
    const s = run([checked(excelOutcome)]);
    const withReport = paneReducer(s, { type: "failed", failure: { ok: false, code: "SHEET_PROTECTED", message: "受保护", report: r2 } });
    expect(withReport).toMatchObject({ outcome: null, report: r2, notice: { intent: "error", text: "受保护" } });
    const bare = paneReducer(s, { type: "failed", failure: { ok: false, code: "CELL_EDIT_MODE", message: "编辑中" } });
    expect(bare).toMatchObject({ outcome: excelOutcome, report: r1, notice: { intent: "error" } });
    const notForm = paneReducer(s, { type: "failed", failure: { ok: false, code: "FORM_NOT_FOUND", message: "不是自评表", report: cover } });
    expect(notForm.notice?.intent).toBe("warning");
  });

  it("choosing a file forgets the previous file's result", () => {
    const s = run([checked(fileOutcome), { type: "fileChosen", file: { name: "b.xlsx", bytes: new Uint8Array([2]) } }]);
    expect(s).toMatchObject({ outcome: null, report: null, file: { name: "b.xlsx" } });
  });

  it("busy while an action runs; a new action clears the last notice", () => {
    const s = run([{ type: "notice", notice: { intent: "info", text: "x" } }, { type: "started", label: "正在校验…" }]);
    expect(s).toMatchObject({ busy: "正在校验…", notice: null });
    expect(paneReducer(s, { type: "finished" }).busy).toBeNull();
  });
});
