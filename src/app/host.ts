import type { Severity, SheetReport } from "../engine";
import type { FormDetails } from "./formDetails";
import type { WorkbookStore } from "./workbookStore";
import type { WrittenCell } from "./writtenCells";

/**
 * What the task pane can ask of where the workbook lives. Components get a Host through props and never touch
 * Office/Excel (style-anchors §11): the Excel host is in src/adapters/excel/excelHost.ts, the file host (an
 * .xlsx chosen in a browser, when Office is absent) in src/taskpane/fileHost.ts, and tests pass fakes. The types
 * live here, below both the pane and the adapters, so neither imports the other.
 */
export type HostResult<T> = ({ readonly ok: true } & T) | HostFailure;

export interface HostFailure {
  readonly ok: false;
  readonly code: string;
  readonly message: string;
  /** The sheet's report when the failure came after reading it (e.g. a protected sheet). */
  readonly report?: SheetReport;
}

export interface CheckOutcome {
  /** The report of the sheet that was checked (Excel: the active sheet; file: the first form sheet). */
  readonly report: SheetReport;
  /** The 评分方案 the numbers were computed with (a result is out of date once another is chosen). */
  readonly profileId: string;
  /**
   * File mode: `workbook` when the file's own 评分方案 (its store sheet) was used instead of the one asked for — the
   * workbook's wins unless the user chose another for this file; then `profileId` is that stored one.
   */
  readonly profileFrom?: "workbook" | "given";
  /** Cells written now (Excel 写入计算结果; the file host's scored copy). */
  readonly written: number;
  /** Cells the write plan would write (derived cells, blank 得分), for the 写入计算结果 button. */
  readonly pending: number;
  /** Cells highlighted. */
  readonly highlighted: number;
  /** What could not be done as usual, in Chinese (Excel: merged cells or rules Excel would not give, …). */
  readonly notes?: readonly string[];
  /**
   * The cells written now (when `written` > 0) or that 写入计算结果 would write (`pending`), each with what it held
   * before and why (rules.md §5). File mode: every sheet's writes in the scored copy.
   */
  readonly writes: readonly WrittenCell[];
  /** The details of each form of the sheets checked (finding keys for 忽略, headers not placed), by sheet name. */
  readonly details: Readonly<Record<string, readonly FormDetails[]>>;
}

/**
 * 校验全部 (Excel): every sheet read and checked, nothing written — the workbook view lists its forms, and a form's
 * findings open from it.
 */
export interface WorkbookOutcome {
  /** Every sheet's report, in workbook order (hidden sheets left out). */
  readonly reports: readonly SheetReport[];
  readonly details: Readonly<Record<string, readonly FormDetails[]>>;
  readonly profileId: string;
  /** What could not be read as usual (hidden sheets skipped, a sheet too large), in Chinese. */
  readonly notes: readonly string[];
}

/** How far a check of every sheet got: the sheets being read (Excel: between its round trips), then being checked. */
export interface SheetsProgress {
  readonly stage: "reading" | "checking";
  readonly sheets: number;
}

/** One sheet checked again without writing anything (the live re-check after an edit). */
export interface SheetOutcome {
  readonly report: SheetReport;
  readonly details: readonly FormDetails[];
  readonly profileId: string;
}

/**
 * A change to what the workbook keeps about itself (workbookStore.ts), made by the pane: accept a warning or info
 * with a reason (忽略), take that back, or teach a header word for a layout the locator does not know.
 */
export type StoreChange =
  | { readonly kind: "accept"; readonly key: string; readonly severity: Severity; readonly reason: string; readonly by: string }
  | { readonly kind: "unaccept"; readonly key: string }
  | { readonly kind: "teach"; readonly table: string; readonly field: string; readonly text: string };

/** A file's check as plain data (it comes from the pane's check worker): the scored copy named, not yet made. */
export interface CheckedFileOutcome extends CheckOutcome {
  /** Every sheet's report, in workbook order. */
  readonly reports: readonly SheetReport[];
  readonly scored: { readonly name: string };
  /** What the cells named by findings and writes display in the file as chosen: sheet → A1 → text. */
  readonly cellText: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** The scored copy of a checked file: named at once, made only when asked for (下载). */
export interface ScoredCopy {
  readonly name: string;
  bytes(): Promise<HostResult<{ readonly bytes: Uint8Array }>>;
}

export interface FileCheckOutcome extends Omit<CheckedFileOutcome, "scored"> {
  readonly scored: ScoredCopy;
}

/** 新建自评表 (a blank form for a new project) or 生成下年度模板 (next year's form from the current one). */
/**
 * 新建自评表 (a new project's), 生成下年度模板 (from this year's 自评表), 从申报表 (this year's 自评表 from the
 * project's 申报表, rules.md §7.3), 部门整体 (a blank 部门整体支出绩效自评表).
 */
export type TemplateKind = "new" | "nextYear" | "fromDeclaration" | "department";

interface HostBase {
  /** The profile stored with the workbook (Excel settings) or this browser (file mode); null when unset. */
  loadProfileId(): Promise<string | null>;
  saveProfileId(id: string): Promise<void>;
}

export interface ExcelHost extends HostBase {
  readonly kind: "excel";
  /** 校验并计分 on the active sheet: read, score, highlight; with `write`, also write the computed values. */
  check(profileId: string, options: { write: boolean }): Promise<HostResult<CheckOutcome>>;
  clearHighlights(): Promise<HostResult<{ readonly cleared: number }>>;
  undoLastWrite(): Promise<HostResult<{ readonly restored: number; readonly skipped: number }>>;
  /** Add a template sheet to the workbook (next year's: from the active sheet) and activate it. */
  addTemplate(kind: TemplateKind, profileId: string): Promise<HostResult<{ readonly sheet: string; readonly year: number }>>;
  /** Select a cell in Excel (sheet name and A1 address). */
  selectCell(sheet: string, a1: string): Promise<HostResult<object>>;
  /** The name of the active sheet, so the pane can tell a result computed for another sheet (never throws). */
  activeSheet?(): Promise<string | null>;
  /** 校验全部: every sheet read and checked in a constant number of round trips; nothing written. */
  checkAll(profileId: string, options?: { readonly onProgress?: (progress: SheetsProgress) => void }): Promise<HostResult<WorkbookOutcome>>;
  /** One sheet read and checked again, nothing written (the live re-check, and after a change to the store). */
  recheckSheet(sheet: string, profileId: string): Promise<HostResult<SheetOutcome>>;
  /** Activate a sheet (a row of the workbook view clicked). */
  activateSheet(sheet: string): Promise<HostResult<object>>;
  /** Change the workbook's store sheet (very hidden), creating it when there is none. */
  updateStore(change: StoreChange): Promise<HostResult<{ readonly store: WorkbookStore }>>;
  /** The selected cell and its text (teach a layout: the user points at a header). */
  selectedCell(): Promise<HostResult<{ readonly sheet: string; readonly cell: string; readonly text: string }>>;
  /** 生成汇总表: a 汇总 sheet of every form (replacing the add-in's earlier one), activated. */
  addSummary(profileId: string): Promise<HostResult<{ readonly sheet: string; readonly rows: number }>>;
  /**
   * Call `onEdit` with a sheet's name whenever the user changes its cells (WorksheetCollection.onChanged); resolves
   * to a function that stops listening, or null when this Excel has no such event.
   */
  watchEdits(onEdit: (sheet: string) => void): Promise<(() => Promise<void>) | null>;
}

export interface FileHost extends HostBase {
  readonly kind: "file";
  /** 校验并计分 on an .xlsx file's bytes: every sheet (progress: sheets done of all), and its scored copy on demand. */
  checkFile(
    file: { readonly name: string; readonly bytes: Uint8Array },
    profileId: string,
    options?: {
      readonly onProgress?: (done: number, total: number) => void;
      /** Use the file's own 评分方案 when it keeps one (the user did not choose one for this file). */
      readonly preferStoredProfile?: boolean;
    },
  ): Promise<HostResult<FileCheckOutcome>>;
  /** A template as an .xlsx to download (next year's: from the chosen file, from `sheet` when given). */
  makeTemplate(
    kind: TemplateKind,
    profileId: string,
    file: { readonly name: string; readonly bytes: Uint8Array } | null,
    sheet?: string,
  ): Promise<HostResult<{ readonly name: string; readonly bytes: Uint8Array; readonly year: number }>>;
  /** Offer bytes as a download. */
  download(name: string, bytes: Uint8Array): void;
  /** The sample form bundled with the pane (示例), to try the pane without a file of one's own. */
  loadSample?(): Promise<HostResult<{ readonly name: string; readonly bytes: Uint8Array }>>;
  /**
   * Change the store sheet kept in the chosen file (忽略, taught header words): the file's new bytes, which the pane
   * checks again and from which the scored copy is made, so the decision travels with the file.
   */
  updateStore?(file: { readonly name: string; readonly bytes: Uint8Array }, change: StoreChange): Promise<HostResult<{ readonly bytes: Uint8Array; readonly store: WorkbookStore }>>;
}

export type Host = ExcelHost | FileHost;
