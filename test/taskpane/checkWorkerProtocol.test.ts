/**
 * A checked file's outcome crosses from the check worker to the page as `sheets` messages of a few sheets each, then
 * `checked` (issue 23: one message of thousands of forms was one task of seconds on the page). Gathered on the page,
 * it must be the service's outcome again — sheet for sheet, write for write — after every message went through the
 * structured clone a browser makes (V8's serializer here).
 */
import ExcelJS from "exceljs";
import * as v8 from "node:v8";
import { type CheckedFileOutcome, type HostResult, reportSummaryRows, type SummaryRow } from "../../src/app";
import { createCheckService } from "../../src/taskpane/checkService";
import { type FromCheckWorker, outcomeGatherer, outcomeMessages, SHEETS_A_MESSAGE } from "../../src/taskpane/checkWorkerProtocol";
import { summaryRowsOf } from "../../src/taskpane/summaryRowsOf";
import { addSheetFromSpec, workbookToBytes } from "../fixtures/writeWorkbook";
import { coverSheet, SEED_FORMS, seedSheet } from "../fixtures/seedForms";

const clone = <T>(v: T): T => v8.deserialize(v8.serialize(v)) as T;

/** A check that succeeded, as the service answers it. */
type Checked = Extract<HostResult<CheckedFileOutcome>, { ok: true }>;

/** A workbook of `forms` sheets, each one of the seed forms in turn (表1, 表2, …), after a cover sheet when asked. */
async function workbook(forms: number, cover = false): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (cover) addSheetFromSpec(wb, coverSheet());
  for (let i = 0; i < forms; i++) addSheetFromSpec(wb, seedSheet(SEED_FORMS[i % SEED_FORMS.length], { sheetName: `表${i + 1}` }).spec);
  return workbookToBytes(wb);
}

async function checked(bytes: Uint8Array, name = "表.xlsx"): Promise<HostResult<CheckedFileOutcome>> {
  return createCheckService().check(1, { name, bytes }, "putuo-2023");
}

/** The workbook-view rows the last gathered() fed in, as the page received them. */
let fedRows: SummaryRow[] = [];

/** The messages cloned one by one, in order, into a gatherer, as fileHost.ts does with what the worker posts. */
function gathered(messages: readonly FromCheckWorker[]): HostResult<CheckedFileOutcome> {
  const g = outcomeGatherer();
  let result: HostResult<CheckedFileOutcome> | null = null;
  fedRows = [];
  for (const m of messages.map(clone)) {
    expect(result).toBeNull(); // nothing after `checked`
    if (m.type === "sheets") {
      g.sheets(m.sheets);
      for (const p of m.sheets) fedRows.push(...p.rows);
    }
    else if (m.type === "checked") result = g.checked(m.result);
    else throw new Error(`unexpected ${m.type}`);
  }
  if (!result) throw new Error("no checked message");
  return result;
}

describe("outcomeMessages / outcomeGatherer", () => {
  // 60 sheets checked once (a cover sheet, then 59 forms: the seed forms in turn)
  let sixty: Checked;
  beforeAll(async () => {
    const r = await checked(await workbook(59, true));
    if (!r.ok) throw new Error(r.message);
    sixty = r;
  }, 60000);

  /** The service's outcome of a workbook of these sheets (none: the 60 sheets' outcome with its sheets taken out). */
  async function outcomeOf(forms: number, cover: boolean): Promise<Checked> {
    if (forms === 59 && cover) return sixty;
    if (forms === 0) return { ...sixty, reports: [], cellText: {}, details: {}, writes: [] };
    const r = await checked(await workbook(forms, cover));
    if (!r.ok) throw new Error(r.message);
    return r;
  }

  it.each([
    // every sheet is a sheet part, a cover sheet's too (a report that holds no form); `sheets` messages of 25 at most
    { sheets: 0, forms: 0, cover: false, sheetsMessages: 0 },
    { sheets: 1, forms: 1, cover: false, sheetsMessages: 1 },
    { sheets: 25, forms: 24, cover: true, sheetsMessages: 1 },
    { sheets: 26, forms: 25, cover: true, sheetsMessages: 2 },
    { sheets: 60, forms: 59, cover: true, sheetsMessages: 3 },
  ])("$sheets sheets ($forms forms): $sheetsMessages sheets messages, then checked; gathered, the service's outcome", async ({ sheets, forms, cover, sheetsMessages }) => {
    const outcome = await outcomeOf(forms, cover);
    expect(outcome.reports.length).toBe(sheets);
    const messages = outcomeMessages(7, outcome);
    expect(messages.map((m) => m.type)).toEqual([...Array<string>(sheetsMessages).fill("sheets"), "checked"]);
    expect(messages.every((m) => m.id === 7)).toBe(true);
    const sizes = messages.flatMap((m) => (m.type === "sheets" ? [m.sheets.length] : []));
    expect(sizes.every((n) => n <= SHEETS_A_MESSAGE)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(outcome.reports.length);
    // `checked` carries none of the sheets' reports, cell texts or details
    const last = messages[messages.length - 1];
    if (last.type !== "checked" || !last.result.ok) throw new Error("no checked outcome");
    expect(last.result.reports).toEqual([]);
    expect(last.result.cellText).toEqual({});
    expect(last.result.details).toEqual({});

    const back = gathered(messages);
    expect(back).toEqual(outcome);
    if (!back.ok) throw new Error(back.message);
    expect(Object.keys(back.cellText).sort()).toEqual(Object.keys(outcome.cellText).sort());
    expect(Object.keys(back.details).sort()).toEqual(Object.keys(outcome.details).sort());
    expect(back.writes.length).toBe(outcome.writes.length);
    if (forms > 0) {
      // the sheet on show is the very report in `reports`, as in the service's outcome
      expect(back.report).toBe(back.reports.find((r) => r.sheet === outcome.report.sheet));
      // the workbook view's rows came with the sheets, made by the worker (the very rows the messages carried, not
      // made again on the page): those the page would make
      expect(summaryRowsOf(back.reports)).toEqual(reportSummaryRows(outcome.reports, ""));
      expect(summaryRowsOf(back.reports).every((row, i) => row === fedRows[i])).toBe(true);
      expect(summaryRowsOf(back.reports).length).toBe(forms);
    }
  });

  it("cuts at any count of sheets a message, and keeps cell texts of a sheet not reported in `checked`", () => {
    const extra = { ...sixty, cellText: { ...sixty.cellText, 别处: { A1: "甲" } } };
    for (const every of [1, 7, 60, 61, 1000]) {
      const messages = outcomeMessages(1, extra, every);
      expect(messages.length).toBe(Math.ceil(60 / every) + 1);
      const last = messages[messages.length - 1];
      expect(last.type === "checked" && last.result.ok && last.result.cellText).toEqual({ 别处: { A1: "甲" } });
      expect(gathered(messages)).toEqual(extra);
    }
  });

  it("a sheet named __proto__ keeps its cell texts and details as its own entries", () => {
    const [first, ...rest] = sixty.reports;
    const renamed = { ...first, sheet: "__proto__" };
    const own = <T>(key: string, value: T): Record<string, T> => Object.fromEntries([[key, value]]);
    const outcome: Checked = {
      ...sixty,
      reports: [renamed, ...rest],
      cellText: { ...sixty.cellText, ...own("__proto__", { A1: "甲" }) },
      details: { ...sixty.details, ...own("__proto__", sixty.details[first.sheet] ?? []) },
    };
    const back = gathered(outcomeMessages(5, outcome));
    if (!back.ok) throw new Error(back.message);
    expect(Object.prototype.hasOwnProperty.call(back.cellText, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(back.cellText)).toBe(Object.prototype);
    expect((Object.getOwnPropertyDescriptor(back.cellText, "__proto__")?.value as Record<string, string>).A1).toBe("甲");
    expect(Object.prototype.hasOwnProperty.call(back.details, "__proto__")).toBe(true);
  });

  it("a failure passes through as one checked message, unchanged", async () => {
    const notAForm = new ExcelJS.Workbook();
    addSheetFromSpec(notAForm, coverSheet());
    const failure = await checked(await workbookToBytes(notAForm), "说明.xlsx");
    expect(failure).toMatchObject({ ok: false, code: "FORM_NOT_FOUND" });
    const messages = outcomeMessages(3, failure);
    expect(messages).toEqual([{ type: "checked", id: 3, result: failure }]);
    expect(gathered(messages)).toEqual(failure);
    const unreadable = await checked(new Uint8Array([1, 2, 3]), "坏.xlsx");
    expect(unreadable).toMatchObject({ ok: false, code: "FILE_UNREADABLE" });
    expect(gathered(outcomeMessages(4, unreadable))).toEqual(unreadable);
  });
});
