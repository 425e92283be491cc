import type { SheetReport } from "../engine";
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
}

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
export type TemplateKind = "new" | "nextYear";

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
}

export interface FileHost extends HostBase {
  readonly kind: "file";
  /** 校验并计分 on an .xlsx file's bytes: every sheet (progress: sheets done of all), and its scored copy on demand. */
  checkFile(
    file: { readonly name: string; readonly bytes: Uint8Array },
    profileId: string,
    options?: { readonly onProgress?: (done: number, total: number) => void },
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
}

export type Host = ExcelHost | FileHost;
