import { reportSummaryRows, type CheckedFileOutcome, type FormDetails, type HostResult, type SummaryRow } from "../app";
import type { SheetReport } from "../engine";
import type { CheckService } from "./checkService";
import { summaryRowsMade } from "./summaryRowsOf";

/**
 * What a checked file's outcome holds of one sheet: its report, the texts of its cells named, its forms' details; and
 * its forms' rows of the workbook view (reportSummaryRows), made in the worker.
 */
export interface SheetPart {
  readonly report: SheetReport;
  readonly rows: readonly SummaryRow[];
  readonly cellText?: Readonly<Record<string, string>>;
  readonly details?: readonly FormDetails[];
}

/**
 * The messages between the pane and its check worker (checkWorker.ts). Plain data: the outcome crosses by structured
 * clone, its sheets a few at a time (`sheets`, before `checked`): each message is read on the page's thread as the
 * task that receives it, and a workbook of thousands of forms in one message was one task of seconds (issue 23). The
 * scored copy's bytes are transferred, not copied.
 */
export type ToCheckWorker =
  | { readonly type: "check"; readonly id: number; readonly check: number; readonly name: string; readonly bytes: Uint8Array; readonly profileId: string; readonly preferStoredProfile?: boolean }
  | { readonly type: "scoredCopy"; readonly id: number; readonly check: number };

export type FromCheckWorker =
  | { readonly type: "progress"; readonly id: number; readonly done: number; readonly total: number }
  /** Sheets of the outcome that `checked` then completes (its reports, cell texts, details and writes left empty). */
  | { readonly type: "sheets"; readonly id: number; readonly sheets: readonly SheetPart[] }
  | { readonly type: "checked"; readonly id: number; readonly result: HostResult<CheckedFileOutcome> }
  | { readonly type: "scoredCopy"; readonly id: number; readonly result: HostResult<{ readonly bytes: Uint8Array }> };

/** Progress more often than this is not drawn anyway: it would only keep the page busy. */
const PROGRESS_EVERY_MS = 100;

/**
 * Sheets a `sheets` message holds: one of 25 forms' reports is read on a page throttled ×4 in some 20 ms (a form's
 * report, cell texts and details are some 30 KB of objects).
 */
export const SHEETS_A_MESSAGE = 25;

/**
 * A file's outcome as messages: its sheets a few at a time, then the rest (the outcome without them; cell texts and
 * details of no sheet reported, if any, stay in it).
 */
export function outcomeMessages(id: number, result: HostResult<CheckedFileOutcome>, every = SHEETS_A_MESSAGE): FromCheckWorker[] {
  if (!result.ok) return [{ type: "checked", id, result }];
  const has = <T>(record: Readonly<Record<string, T>>, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);
  const cellText = { ...result.cellText };
  const details = { ...result.details };
  const parts: SheetPart[] = result.reports.map((report) => {
    const sheet = report.sheet;
    const part: SheetPart = {
      report,
      rows: reportSummaryRows([report], ""),
      ...(has(cellText, sheet) ? { cellText: cellText[sheet] } : {}),
      ...(has(details, sheet) ? { details: details[sheet] } : {}),
    };
    delete cellText[sheet];
    delete details[sheet];
    return part;
  });
  const messages: FromCheckWorker[] = [];
  for (let at = 0; at < parts.length; at += every) messages.push({ type: "sheets", id, sheets: parts.slice(at, at + every) });
  // the writes (a few a form) go with the rest
  messages.push({ type: "checked", id, result: { ...result, reports: [], cellText, details } });
  return messages;
}

/**
 * The page's side of outcomeMessages: the sheets gathered as they come, the outcome made whole when `checked` comes
 * (the same object the service gave, sheet for sheet and write for write; its `report` the very report of its sheet
 * in `reports`, as in the service's, not a copy that came apart from it).
 */
export function outcomeGatherer(): { sheets(parts: readonly SheetPart[]): void; checked(result: HostResult<CheckedFileOutcome>): HostResult<CheckedFileOutcome> } {
  const reports: SheetReport[] = [];
  const rows: SummaryRow[] = [];
  const cellText: Record<string, Readonly<Record<string, string>>> = {};
  const details: Record<string, readonly FormDetails[]> = {};
  let any = false;
  return {
    sheets(parts) {
      any = true;
      for (const p of parts) {
        reports.push(p.report);
        for (const r of p.rows) rows.push(r);
        if (p.cellText) put(cellText, p.report.sheet, p.cellText);
        if (p.details) put(details, p.report.sheet, p.details);
      }
    },
    checked(result) {
      if (!result.ok || !any) return result;
      summaryRowsMade(reports, rows);
      const report = reports.find((r) => r.sheet === result.report.sheet) ?? result.report;
      return { ...result, report, reports, cellText: { ...result.cellText, ...cellText }, details: { ...result.details, ...details } };
    },
  };
}

/**
 * A sheet's entry made an own property whatever the sheet is called: `record["__proto__"] = …` would set the record's
 * prototype instead (a sheet may be named so), and the service's records hold it as their own key.
 */
function put<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The worker's side: each message answered through `post` (with what to transfer). Never throws: an unexpected error
 * is an answer too, so the pane never waits forever.
 */
export function serveCheckWorker(service: CheckService, post: (m: FromCheckWorker, transfer?: Transferable[]) => void, now: () => number = Date.now) {
  return async (m: ToCheckWorker): Promise<void> => {
    try {
      if (m.type === "check") {
        let last = -Infinity;
        const onProgress = (done: number, total: number) => {
          if (done < total && now() - last < PROGRESS_EVERY_MS) return;
          last = now();
          post({ type: "progress", id: m.id, done, total });
        };
        const result = await service.check(m.check, { name: m.name, bytes: m.bytes }, m.profileId, onProgress, m.preferStoredProfile ?? false);
        for (const message of outcomeMessages(m.id, result)) post(message);
      } else {
        const result = await service.scoredCopy(m.check);
        post({ type: "scoredCopy", id: m.id, result }, result.ok ? [result.bytes.buffer as ArrayBuffer] : []);
      }
    } catch (e) {
      const result = { ok: false as const, code: "INTERNAL", message: `处理文件时出现内部错误（${e instanceof Error ? e.message : String(e)}），请重新选择文件后再试。` };
      post(m.type === "check" ? { type: "checked", id: m.id, result } : { type: "scoredCopy", id: m.id, result });
    }
  };
}
