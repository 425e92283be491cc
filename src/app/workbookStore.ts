import { findingKey, FormAnalysis, FormVocabulary, Grid, labelCore, rawCell, Severity, TaughtLabel, withTaughtLabels } from "../engine";

/**
 * What a workbook keeps about itself, in a very hidden sheet that Office.js and the .xlsx edge read and write alike:
 * its 评分方案, the warnings and infos accepted with a reason (忽略), and the header words taught for a layout the
 * locator does not know. So the command line honours what was decided in Excel, and the other way round. Decisions
 * are keyed by project, code and subject (engine/findings/subject.ts), never by A1, so they survive rows inserted
 * above a form.
 */
export const STORE_SHEET = "ziping";
/** The first cell of the store sheet: how the store is recognised, whatever the sheet is called. */
export const STORE_MARKER = "ziping-store";
const STORE_VERSION = 1;
const STORE_NOTE = "自评表助手保存的评分方案、已忽略的问题和表头设置（请勿修改此工作表）";

export interface AcceptedFinding {
  /** findingKey(): project|code|subject. */
  readonly key: string;
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}

export interface WorkbookStore {
  /** The workbook's 评分方案: a built-in id or a profile document; null when none was chosen. */
  readonly profile: string | null;
  readonly accepted: readonly AcceptedFinding[];
  readonly taught: readonly TaughtLabel[];
}

export const EMPTY_STORE: WorkbookStore = Object.freeze({ profile: null, accepted: [], taught: [] });

const TABLES = new Set(["header", "funds", "goal", "indicators"]);

/** Whether a sheet is the store (by its marker, not its name). */
export function isStoreSheet(grid: Grid): boolean {
  return rawCell(grid, 1, 1)?.value === STORE_MARKER;
}

/** The store of a workbook's grids, or the empty store. Never throws: rows it cannot read are skipped. */
export function readStore(grids: readonly Grid[]): WorkbookStore {
  const grid = grids.find(isStoreSheet);
  if (!grid) return EMPTY_STORE;
  const text = (row: number, col: number) => {
    const v = rawCell(grid, row, col)?.value;
    return v === null || v === undefined ? "" : String(v);
  };
  let profile: string | null = null;
  const accepted: AcceptedFinding[] = [];
  const taught: TaughtLabel[] = [];
  for (let row = 2; row <= grid.rowCount; row++) {
    const kind = text(row, 1);
    if (kind === "profile" && text(row, 2)) profile = text(row, 2);
    if (kind === "ignore" && text(row, 2)) accepted.push({ key: text(row, 2), reason: text(row, 3), by: text(row, 4), at: text(row, 5) });
    if (kind === "label" && TABLES.has(text(row, 2)) && text(row, 3) && text(row, 4)) {
      taught.push({ table: text(row, 2), field: text(row, 3), text: text(row, 4) } as TaughtLabel);
    }
  }
  return { profile, accepted, taught };
}

/** The store sheet's rows, all text (so that no spreadsheet turns a reason into a number or a date). */
export function storeRows(store: WorkbookStore): string[][] {
  return [
    [STORE_MARKER, String(STORE_VERSION), STORE_NOTE, "", ""],
    ...(store.profile ? [["profile", store.profile, "", "", ""]] : []),
    ...store.accepted.map((a) => ["ignore", a.key, a.reason, a.by, a.at]),
    ...store.taught.map((t) => ["label", t.table, t.field, t.text, ""]),
  ];
}

/** The store with the 评分方案 set. */
export function withProfile(store: WorkbookStore, profile: string): WorkbookStore {
  return { ...store, profile };
}

/** The store with a header word taught (the same text for the same table replaced). */
export function withTaughtLabel(store: WorkbookStore, label: TaughtLabel): WorkbookStore {
  return { ...store, taught: [...store.taught.filter((t) => !(t.table === label.table && t.text === label.text)), label] };
}

export type Acceptance = { readonly ok: true; readonly store: WorkbookStore } | { readonly ok: false; readonly message: string };

/**
 * The store with a finding accepted (忽略) with its reason. Errors cannot be accepted: their arithmetic or structure
 * does not add up, and a reason does not make it add up.
 */
export function acceptFinding(store: WorkbookStore, form: FormAnalysis, index: number, decision: { reason: string; by?: string; at?: string }): Acceptance {
  const finding = form.findings[index];
  if (!finding) return { ok: false, message: NO_SUCH_FINDING };
  return acceptKey(store, { key: findingKey(form.form, finding), severity: finding.severity }, decision);
}

const NO_SUCH_FINDING = "没有这条问题（表格可能已修改），请重新校验后再试。";

/**
 * The store with the finding of this key accepted (忽略) with its reason — what a host calls with the key the pane
 * got from formDetails(). Errors cannot be accepted: their arithmetic or structure does not add up, and a reason does
 * not make it add up.
 */
export function acceptKey(store: WorkbookStore, finding: { readonly key: string; readonly severity: Severity }, decision: { reason: string; by?: string; at?: string }): Acceptance {
  if (finding.key === "") return { ok: false, message: NO_SUCH_FINDING };
  if (finding.severity === "error") return { ok: false, message: "错误不能忽略：它说明表中的数字或结构对不上，请改正后重新校验。" };
  const reason = decision.reason.trim();
  if (reason === "") return { ok: false, message: "请填写忽略的理由（如“扣分理由已在纸质材料中说明”）。" };
  const entry = { key: finding.key, reason, by: decision.by ?? "", at: decision.at ?? "" };
  return { ok: true, store: { ...store, accepted: [...store.accepted.filter((a) => a.key !== finding.key), entry] } };
}

/** The store without the acceptance of a finding (取消忽略). */
export function unacceptFinding(store: WorkbookStore, form: FormAnalysis, index: number): WorkbookStore {
  const finding = form.findings[index];
  return finding ? unacceptKey(store, findingKey(form.form, finding)) : store;
}

/** The store without the acceptance of this key (取消忽略). */
export function unacceptKey(store: WorkbookStore, key: string): WorkbookStore {
  return { ...store, accepted: store.accepted.filter((a) => a.key !== key) };
}

/** The findings of a form with the accepted ones marked 已忽略 (errors never are). */
export function markAccepted(form: FormAnalysis, accepted: readonly AcceptedFinding[]): FormAnalysis {
  if (accepted.length === 0) return form;
  const byKey = new Map(accepted.map((a) => [a.key, a]));
  return {
    ...form,
    findings: form.findings.map((f) => {
      const a = f.severity === "error" ? undefined : byKey.get(findingKey(form.form, f));
      return a ? { ...f, ignored: { reason: a.reason, by: a.by, at: a.at } } : f;
    }),
  };
}

/** The words the locator reads this workbook's forms by: the default vocabulary and the store's taught words. */
export function vocabularyOf(store: WorkbookStore): FormVocabulary {
  return withTaughtLabels(store.taught, (text) => labelCore(text).core);
}
