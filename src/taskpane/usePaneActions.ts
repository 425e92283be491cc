import { Dispatch, MutableRefObject, useCallback } from "react";
import type { ExcelHost, FileHost, Host, HostResult, StoreChange, SummaryRow, TemplateKind } from "../app";
import { TEACH_FIELDS } from "../app";
import type { FindingReport } from "../engine";
import { unexpectedNotice } from "./fileMessages";
import type { FindingCard } from "./findingCards";
import { profileName, ProfileMemory } from "./profiles";
import { Notice, Outcome, PaneAction, PaneState, scoredCopy, shownDetails, shownForm, templateSheet, workbookRows } from "./state";
import { T } from "./strings";

/** A file the pane is given rather than chosen (示例): its name and bytes. */
export type PaneFile = { readonly name: string; readonly bytes: Uint8Array };

/**
 * What the pane's buttons do, over the host: each action busy while it runs, any unexpected error shown (never
 * swallowed), results and failures dispatched to the reducer. The components only call these.
 */
export function usePaneActions(
  host: Host,
  state: PaneState,
  dispatch: Dispatch<PaneAction>,
  memory: ProfileMemory,
  setSelected: (a1: string | null) => void,
  /** Bumped by every action, so a live re-check started before it does not overwrite what it shows (useExcelWatch). */
  actionCount: MutableRefObject<number> = { current: 0 },
) {
  const excel = host.kind === "excel" ? host : null;
  const { profileId, file, outcome, report } = state;

  const act = useCallback(
    async (label: string, work: () => Promise<void>) => {
      actionCount.current++;
      dispatch({ type: "started", label });
      try {
        await work();
      } catch (e) {
        dispatch({ type: "notice", notice: unexpectedNotice(e) });
      } finally {
        dispatch({ type: "finished" });
      }
    },
    [dispatch, actionCount],
  );

  /** A failure is shown (with the report it came with); true when the result is ok. */
  const accept = <R extends object>(result: HostResult<R>): result is { ok: true } & R => {
    if (!result.ok) dispatch({ type: "failed", failure: result });
    return result.ok;
  };
  const checked = (o: Outcome, n: Notice, focus: boolean) => dispatch({ type: "checked", outcome: o, notice: n, focus });

  /** The file-mode notice: what was checked, under which 评分方案 (and why that one), what the copy holds. */
  const fileNotice = (r: Extract<Outcome, { scored: unknown }>): Notice => {
    const own = r.profileFrom === "workbook" ? T.profileFromFile(profileName(r.profileId)) : T.profileUsed(profileName(r.profileId));
    return { intent: r.notes?.length ? "warning" : "success", text: [T.fileScored(r.scored.name, r.written, r.highlighted), own, ...(r.notes ?? [])].join("") };
  };

  const checkFile = (target: FileHost, f: PaneFile, id: string, focus: boolean, preferStored: boolean) =>
    act(T.checking, async () => {
      // the check runs in the pane's worker: the page stays responsive and shows how far it got
      const r = await target.checkFile(f, id, { onProgress: (done, total) => dispatch({ type: "started", label: T.checkingSheets(done, total) }), preferStoredProfile: preferStored });
      if (accept(r)) checked(r, fileNotice(r), focus);
    });

  const checkWith = (id: string, focus: boolean, preferStored = state.profileFrom !== "chosen") =>
    host.kind === "file"
      ? file
        ? checkFile(host, file, id, focus, preferStored)
        : Promise.resolve()
      : act(T.checking, async () => {
          const r = await host.check(id, { write: false });
          if (accept(r)) checked(r, { intent: "info", text: `${T.pending(r.pending)}${T.highlighted(r.highlighted)}` }, focus);
        });

  /** 评分方案 chosen (first use, or changed): remembered in this browser and kept with the workbook; file mode re-checks. */
  const onProfile = (id: string) => {
    if (state.busy !== null) return; // aria-disabled while busy: stays focusable, takes no change
    memory.set(id);
    dispatch({ type: "profileChosen", id });
    void act(T.saving, async () => {
      await host.saveProfileId(id);
      // file mode re-checks at once with the choice (over the file's own); in Excel the result is out of date until checked
      if (host.kind === "file" && outcome) await checkWith(id, false, false);
    });
  };

  const onSample = (target: FileHost) =>
    act(T.loadingSample, async () => {
      const sample = await target.loadSample?.();
      if (!sample) return;
      if (!sample.ok) {
        dispatch({ type: "notice", notice: { intent: "error", text: sample.message } });
        return;
      }
      const f = { name: sample.name, bytes: sample.bytes };
      dispatch({ type: "fileChosen", file: f });
      await checkFile(target, f, state.rememberedProfile ?? profileId, true, true);
    });

  const onActivate = (card: FindingCard) => {
    if (!report) return;
    setSelected(null);
    dispatch({ type: "findingActivated", key: card.key });
    const a1 = card.cells[0];
    if (host.kind === "file" || !a1) return; // file mode shows the cells in place; a card without a cell says where
    // not an `act`: selecting a cell is not worth a spinner, and must not clear the notice of the check
    void host
      .selectCell(report.sheet, a1)
      .then((r) => accept(r) && setSelected(a1))
      .catch((e: unknown) => dispatch({ type: "notice", notice: unexpectedNotice(e) }));
  };

  const onWrite = (target: ExcelHost) =>
    act(T.writing, async () => {
      // never write a result computed for another sheet into the one now active
      const active = await target.activeSheet?.();
      if (active && outcome && active !== outcome.report.sheet) {
        dispatch({ type: "activeSheetSeen", sheet: active });
        dispatch({ type: "notice", notice: { intent: "warning", text: T.sheetChanged(outcome.report.sheet, active) } });
        return;
      }
      const r = await target.check(profileId, { write: true });
      if (!accept(r)) return;
      // the numbers written are this 评分方案's: the workbook keeps it, so a later check (ziping too) agrees with them
      if (state.profileFrom !== "workbook") {
        await target.saveProfileId(profileId);
        dispatch({ type: "profileSaved" });
      }
      checked(r, { intent: "success", text: `${T.wroteCells(r.written)}${T.highlighted(r.highlighted)}${T.profileKept(profileName(profileId))}` }, true);
    });

  const onClear = (target: ExcelHost) =>
    act(T.clearing, async () => {
      const r = await target.clearHighlights();
      if (accept(r)) dispatch({ type: "notice", notice: { intent: "success", text: T.cleared(r.cleared) } });
    });

  const onUndo = (target: ExcelHost) =>
    act(T.undoing, async () => {
      const r = await target.undoLastWrite();
      if (accept(r)) dispatch({ type: "undone", notice: { intent: "success", text: T.undone(r.restored, r.skipped) } });
    });

  const onDownload = (target: FileHost) => {
    const scored = scoredCopy(state);
    if (!scored || !outcome) return;
    // the copy is made only now, when it is asked for
    void act(T.makingCopy, async () => {
      const r = await scored.bytes();
      if (!accept(r)) return;
      target.download(scored.name, r.bytes);
      dispatch({ type: "notice", notice: { intent: "success", text: T.downloaded(scored.name, profileName(outcome.profileId)) } });
    });
  };

  const onCheckAll = (target: ExcelHost) =>
    act(T.checkingAll, async () => {
      // between Excel's round trips: how many sheets are being read, then checked
      const r = await target.checkAll(profileId, { onProgress: (p) => dispatch({ type: "started", label: p.stage === "reading" ? T.readingSheets(p.sheets) : T.checkingAllSheets(p.sheets) }) });
      if (!accept(r)) return;
      const rows = workbookRows({ ...state, workbook: r, outcome: null });
      const notice: Notice = { intent: r.notes.length ? "warning" : "success", text: [T.checkedAll(rows.length, rows.filter((x) => x.errors > 0).length), ...r.notes].join("") };
      dispatch({ type: "workbookChecked", outcome: r, notice });
    });

  const onSummary = (target: ExcelHost) =>
    act(T.summarizing, async () => {
      const r = await target.addSummary(profileId);
      if (accept(r)) dispatch({ type: "notice", notice: { intent: "success", text: T.summaryAdded(r.sheet, r.rows) } });
    });

  const onOpenRow = (row: SummaryRow) => {
    dispatch({ type: "formShown", sheet: row.sheet, form: row.form - 1 });
    setSelected(null);
    if (!excel) return;
    // not an `act`: going to a sheet is not worth a spinner
    void excel
      .activateSheet(row.sheet)
      .then((r) => accept(r))
      .catch((e: unknown) => dispatch({ type: "notice", notice: unexpectedNotice(e) }));
  };

  /**
   * A change to the workbook's store (忽略, 取消忽略, 表头设置), then the sheet it concerns checked again so the pane
   * shows it: Excel — with its highlights redrawn when it is the sheet of the last 校验并计分 and still active, else
   * read-only; file mode — the file's bytes carry the store, and the whole file is checked again. Resolves to a Chinese
   * message when the change was refused (an error can't be ignored; no reason), null when done.
   */
  const changeStore = async (change: StoreChange, sheet: string, done: string): Promise<string | null> => {
    let refused: string | null = null;
    await act(T.saving, async () => {
      if (excel) {
        const r = await excel.updateStore(change);
        if (!r.ok) {
          refused = r.message;
          return;
        }
        const active = await excel.activeSheet?.();
        if (outcome && !("reports" in outcome) && outcome.report.sheet === sheet && active === sheet) {
          const again = await excel.check(profileId, { write: false });
          if (accept(again)) checked(again, { intent: "success", text: done }, false);
        } else {
          const again = await excel.recheckSheet(sheet, profileId);
          if (accept(again)) {
            dispatch({ type: "sheetRechecked", sheet, outcome: again, edited: false });
            dispatch({ type: "notice", notice: { intent: "success", text: done } });
          }
        }
      } else if (host.kind === "file" && host.updateStore && file) {
        const r = await host.updateStore(file, change);
        if (!r.ok) {
          refused = r.message;
          return;
        }
        const next = { name: file.name, bytes: r.bytes };
        dispatch({ type: "fileUpdated", file: next });
        const again = await host.checkFile(next, profileId, { preferStoredProfile: state.profileFrom !== "chosen" });
        if (accept(again)) checked(again, { intent: "success", text: done }, false);
      }
    });
    return refused;
  };

  const canKeepStore = excel !== null || (host.kind === "file" && host.updateStore !== undefined && file !== null);
  const details = shownDetails(state);
  const shown = shownForm(state);
  const ignoreWith = (by: string, rememberBy: (by: string) => void) =>
    canKeepStore && details && shown
      ? {
          keyOf: (f: FindingReport) => details.keys[shown.findings.indexOf(f)],
          by,
          accept: async (f: FindingReport, key: string, reason: string, who: string) => {
            rememberBy(who);
            return changeStore({ kind: "accept", key, severity: f.severity, reason, by: who }, shown.sheet, T.ignore.saved);
          },
          unaccept: async (key: string) => void (await changeStore({ kind: "unaccept", key }, shown.sheet, T.ignore.unsaved)),
        }
      : undefined;

  const onTeach = async (table: string, field: string, text: string) => {
    if (!state.report) return;
    const name = TEACH_FIELDS.find((f) => f.table === table && f.field === field)?.name ?? field;
    const refused = await changeStore({ kind: "teach", table, field, text }, state.report.sheet, T.teach.saved(text, name));
    if (refused) dispatch({ type: "notice", notice: { intent: "error", text: refused } });
  };

  const onFile = async (list: FileList | null) => {
    const f = list?.[0];
    if (!f) return;
    await act(T.loadingFile, async () => {
      dispatch({ type: "fileChosen", file: { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) } });
    });
  };

  const template = (kind: TemplateKind) =>
    act(T.making, async () => {
      if (host.kind === "excel") {
        const r = await host.addTemplate(kind, profileId);
        if (accept(r)) dispatch({ type: "notice", notice: { intent: "success", text: T.templateAdded(r.sheet, r.year) } });
      } else {
        const from = kind === "nextYear" || kind === "fromDeclaration" ? templateSheet(state) : undefined;
        const r = await host.makeTemplate(kind, profileId, file, from);
        if (!accept(r)) return;
        host.download(r.name, r.bytes);
        dispatch({ type: "notice", notice: { intent: "success", text: T.templateDownloaded(r.name, from) } });
      }
    });

  return { act, accept, checkWith, onProfile, onSample, onActivate, onWrite, onClear, onUndo, onDownload, onCheckAll, onSummary, onOpenRow, ignoreWith, onTeach, onFile, template, canKeepStore, details };
}
