import { Button, Field, makeStyles, Select, Spinner, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { getProfile, PROFILES } from "../../engine";
import type { FindingReport } from "../../engine";
import type { Host, HostResult, StoreChange, SummaryRow, TemplateKind } from "../../app";
import { unexpectedNotice } from "../fileMessages";
import type { FindingCard } from "../findingCards";
import { T } from "../strings";
import { FindingList } from "./FindingList";
import { NoticeBar } from "./NoticeBar";
import { Summary } from "./Summary";
import { TeachLayout } from "./TeachLayout";
import { WorkbookTable } from "./WorkbookTable";
import { WrittenList } from "./WrittenList";
import { Notice, Outcome, scoredCopy, shownCellText, shownDetails, shownForm, shownWrites, staleReason, templateSheet, usePaneState, workbookRows } from "../state";
import { TEACH_FIELDS } from "../../app";

/** How long the pane waits after the last edit of a sheet before it checks that sheet again (the live re-check). */
export const RECHECK_DELAY_MS = 800;
const BY_KEY = "ziping.by";

const useStyles = makeStyles({
  // one column in a task pane; from 760 px on (a wide pane, or the page in a browser) controls and summary on the
  // left, the findings beside them, centred
  root: {
    boxSizing: "border-box",
    width: "100%",
    padding: "12px",
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    rowGap: "10px",
    alignItems: "start",
    "@media (min-width: 760px)": { gridTemplateColumns: "minmax(300px, 400px) minmax(0, 1fr)", columnGap: "24px", maxWidth: "1280px", margin: "0 auto", padding: "16px 24px" },
  },
  side: { display: "flex", flexDirection: "column", gap: "10px", minWidth: 0 },
  main: { display: "flex", flexDirection: "column", gap: "10px", minWidth: 0 },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  actions: { display: "flex", flexWrap: "wrap", gap: "6px" },
  select: { minWidth: 0, maxWidth: "100%" },
  empty: { color: tokens.colorNeutralForeground2, margin: "8px 0" },
  fileName: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  filePicker: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: "4px" },
  // the native input stays in the page (and in the accessibility tree of the button that opens it)
  hiddenInput: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden", pointerEvents: "none" },
});

export interface AppProps {
  readonly host: Host;
  /** A note from start-up (Office.js blocked or late), shown above everything until the pane is reloaded. */
  readonly bootNote?: Notice | null;
}

/** The task pane: the same UI over the Excel host and the file host; it never touches Office itself. */
export function App({ host, bootNote = null }: AppProps) {
  const s = useStyles();
  const fileInputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const summaryRef = useRef<HTMLElement>(null);
  const [state, dispatch] = usePaneState();
  /** Excel: the cell the last card click selected (said in that card). */
  const [selected, setSelected] = useState<string | null>(null);
  const { profileId, busy, notice, file, outcome, report, active, filter } = state;
  const stale = staleReason(state);
  const excel = host.kind === "excel" ? host : null;

  useEffect(() => {
    let live = true;
    host
      .loadProfileId()
      .then((id) => {
        if (live && id && getProfile(id)) dispatch({ type: "profileLoaded", id });
      })
      .catch((e: unknown) => live && dispatch({ type: "notice", notice: unexpectedNotice(e) }));
    return () => {
      live = false;
    };
  }, [host, dispatch]);

  // after 校验并计分 the focus goes to the result, so a keyboard or screen-reader user lands on what changed
  useEffect(() => {
    if (state.checks > 0) summaryRef.current?.focus();
  }, [state.checks]);

  // Excel: coming back to the pane after clicking another sheet marks a result of the old sheet out of date
  useEffect(() => {
    if (!excel?.activeSheet || !outcome) return;
    const look = () => {
      void excel.activeSheet!().then((sheet) => sheet && dispatch({ type: "activeSheetSeen", sheet }));
    };
    window.addEventListener("focus", look);
    return () => window.removeEventListener("focus", look);
  }, [excel, outcome, dispatch]);

  // Excel: the live re-check — after the user edits a sheet, that sheet is read and checked again (debounced, read-only:
  // no write, no highlight changes until 校验并计分 is pressed) and its numbers on show follow
  const watching = excel !== null && (outcome !== null || state.workbook !== null);
  const profileRef = useRef(profileId);
  profileRef.current = profileId;
  /** Counts the pane's actions (act): a re-check started before one of them is older than what it shows. */
  const actions = useRef(0);
  useEffect(() => {
    if (!excel || !watching) return;
    let live = true;
    let stop: (() => Promise<void>) | null = null;
    const timers = new Map<string, ReturnType<typeof setTimeout>>();
    // the sequence guard: a re-check's result is shown only if no newer re-check of that sheet and no action of the
    // pane (校验并计分, 写入, 撤销, 忽略 …) started after it, so an older reading never overwrites a newer one
    let started = 0;
    const latest = new Map<string, number>();
    const recheck = (sheet: string) => {
      const mine = ++started;
      const before = actions.current;
      latest.set(sheet, mine);
      void excel
        .recheckSheet(sheet, profileRef.current)
        .then((r) => live && r.ok && latest.get(sheet) === mine && actions.current === before && dispatch({ type: "sheetRechecked", sheet, outcome: r, edited: true }))
        .catch(() => undefined); // a re-check that fails leaves the numbers as they were; 校验并计分 says why
    };
    void excel
      .watchEdits((sheet) => {
        clearTimeout(timers.get(sheet));
        timers.set(sheet, setTimeout(() => (timers.delete(sheet), live && recheck(sheet)), RECHECK_DELAY_MS));
      })
      .then((s) => {
        if (live) stop = s;
        else void s?.();
      })
      .catch(() => undefined);
    return () => {
      live = false;
      timers.forEach(clearTimeout);
      void stop?.();
    };
  }, [excel, watching, dispatch]);

  /** 填写人 of the last 忽略, offered again (kept in this browser only). */
  const [lastBy, setLastBy] = useState(() => {
    try {
      return localStorage.getItem(BY_KEY) ?? "";
    } catch {
      return "";
    }
  });

  /** Run one action of the pane: busy while it runs, any unexpected error shown (never swallowed). */
  const act = useCallback(
    async (label: string, work: () => Promise<void>) => {
      actions.current++;
      dispatch({ type: "started", label });
      try {
        await work();
      } catch (e) {
        dispatch({ type: "notice", notice: unexpectedNotice(e) });
      } finally {
        dispatch({ type: "finished" });
      }
    },
    [dispatch],
  );

  /** A failure is shown (with the report it came with); true when the result is ok. */
  const accept = <R extends object>(result: HostResult<R>): result is { ok: true } & R => {
    if (!result.ok) dispatch({ type: "failed", failure: result });
    return result.ok;
  };

  const checked = (o: Outcome, n: Notice, focus: boolean) => dispatch({ type: "checked", outcome: o, notice: n, focus });

  const checkWith = (id: string, focus: boolean) =>
    act(T.checking, async () => {
      if (host.kind === "file") {
        if (!file) return;
        // the check runs in the pane's worker: the page stays responsive and shows how far it got
        const r = await host.checkFile(file, id, { onProgress: (done, total) => dispatch({ type: "started", label: T.checkingSheets(done, total) }) });
        if (accept(r)) checked(r, { intent: "success", text: T.fileScored(r.scored.name, r.written, r.highlighted) }, focus);
      } else {
        const r = await host.check(id, { write: false });
        if (accept(r)) checked(r, { intent: "info", text: `${T.pending(r.pending)}${T.highlighted(r.highlighted)}` }, focus);
      }
    });

  const onProfile = (id: string) => {
    if (busy !== null) return; // aria-disabled while busy: stays focusable, takes no change
    dispatch({ type: "profileChosen", id });
    void act(T.saving, async () => {
      await host.saveProfileId(id);
      // file mode re-checks at once; in Excel the result is marked out of date until 校验并计分 is pressed again
      if (host.kind === "file" && outcome) await checkWith(id, false);
    });
  };

  const onActivate = (card: FindingCard) => {
    if (!report) return;
    setSelected(null);
    dispatch({ type: "findingActivated", key: card.key });
    const a1 = card.cells[0];
    if (host.kind === "file" || !a1) return; // file mode shows the cells in place
    // not an `act`: selecting a cell is not worth a spinner, and must not clear the notice of the check
    void host
      .selectCell(report.sheet, a1)
      .then((r) => accept(r) && setSelected(a1))
      .catch((e: unknown) => dispatch({ type: "notice", notice: unexpectedNotice(e) }));
  };

  const onWrite = (target: NonNullable<typeof excel>) =>
    act(T.writing, async () => {
      // never write a result computed for another sheet into the one now active
      const active = await target.activeSheet?.();
      if (active && outcome && active !== outcome.report.sheet) {
        dispatch({ type: "activeSheetSeen", sheet: active });
        dispatch({ type: "notice", notice: { intent: "warning", text: T.sheetChanged(outcome.report.sheet, active) } });
        return;
      }
      const r = await target.check(profileId, { write: true });
      if (accept(r)) checked(r, { intent: "success", text: `${T.wroteCells(r.written)}${T.highlighted(r.highlighted)}` }, true);
    });

  const onCheckAll = (target: NonNullable<typeof excel>) =>
    act(T.checkingAll, async () => {
      // between Excel's round trips: how many sheets are being read, then checked
      const r = await target.checkAll(profileId, { onProgress: (p) => dispatch({ type: "started", label: p.stage === "reading" ? T.readingSheets(p.sheets) : T.checkingAllSheets(p.sheets) }) });
      if (!accept(r)) return;
      const rows = workbookRows({ ...state, workbook: r, outcome: null });
      const notice: Notice = { intent: r.notes.length ? "warning" : "success", text: [T.checkedAll(rows.length, rows.filter((x) => x.errors > 0).length), ...r.notes].join("") };
      dispatch({ type: "workbookChecked", outcome: r, notice });
    });

  const onSummary = (target: NonNullable<typeof excel>) =>
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
        const again = await host.checkFile(next, profileId);
        if (accept(again)) checked(again, { intent: "success", text: done }, false);
      }
    });
    return refused;
  };

  const canKeepStore = excel !== null || (host.kind === "file" && host.updateStore !== undefined && file !== null);
  const details = shownDetails(state);
  const shown = shownForm(state);
  const ignore =
    canKeepStore && details && shown
      ? {
          keyOf: (f: FindingReport) => details.keys[shown.findings.indexOf(f)],
          by: lastBy,
          accept: async (f: FindingReport, key: string, reason: string, by: string) => {
            if (by !== lastBy) {
              setLastBy(by);
              try {
                localStorage.setItem(BY_KEY, by);
              } catch {
                // a browser without storage just does not remember the name
              }
            }
            return changeStore({ kind: "accept", key, severity: f.severity, reason, by }, shown.sheet, T.ignore.saved);
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
        const from = kind === "nextYear" ? templateSheet(state) : undefined;
        const r = await host.makeTemplate(kind, profileId, file, from);
        if (!accept(r)) return;
        host.download(r.name, r.bytes);
        dispatch({ type: "notice", notice: { intent: "success", text: T.templateDownloaded(r.name, from) } });
      }
    });

  const scored = scoredCopy(state);
  const rows = workbookRows(state);
  const writes = shownWrites(state);
  const isBusy = busy !== null;
  // busy buttons stay focusable (aria-disabled), so the focus never falls to <body> while an action runs
  const off = (unavailable: boolean) => (isBusy && !unavailable ? { disabledFocusable: true } : { disabled: unavailable });
  const staleText =
    outcome && stale === "profile"
      ? T.stale.profile(getProfile(outcome.profileId)?.name ?? outcome.profileId)
      : outcome && stale === "sheet"
        ? T.stale.sheet(outcome.report.sheet, state.activeSheet ?? "")
        : stale === "undone"
          ? T.stale.undone
          : null;
  const writtenMode = host.kind === "file" ? "file" : outcome && outcome.written > 0 ? "written" : "pending";
  const showEmpty = !report && !isBusy && notice?.intent !== "error" && notice?.intent !== "warning";

  return (
    <main className={s.root} aria-busy={isBusy}>
      <div className={s.side}>
        <h1 className={s.title}>{T.appTitle}</h1>
        {bootNote ? <NoticeBar notice={bootNote} testId="boot-note" /> : null}
        <p className={s.hint}>{host.kind === "file" ? T.fileModeHint : T.excelModeHint}</p>

        <Field label={T.profile}>
          <Select className={s.select} value={profileId} onChange={(_, d) => onProfile(d.value)} aria-disabled={isBusy || undefined}>
            {Object.values(PROFILES).map((p) => (
              <option key={p.id} value={p.id} title={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>

        {host.kind === "file" ? (
          <div className={s.filePicker}>
            <input
              id={fileInputId}
              ref={fileInput}
              className={s.hiddenInput}
              type="file"
              tabIndex={-1}
              aria-hidden="true"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => void onFile(e.currentTarget.files)}
            />
            <Button onClick={() => fileInput.current?.click()} {...off(false)}>
              {T.chooseFile}
            </Button>
            <span className={s.fileName} data-testid="file-name">{file ? file.name : T.noFile}</span>
          </div>
        ) : null}

        <div className={s.actions} role="toolbar" aria-label={T.actions}>
          <Button appearance="primary" onClick={() => void checkWith(profileId, true)} {...off(host.kind === "file" && !file)}>
            {T.check}
          </Button>
          {excel ? (
            <>
              <Button onClick={() => void onWrite(excel)} {...off(outcome === null || stale !== null)}>
                {T.write}
              </Button>
              <Button
                onClick={() =>
                  void act(T.clearing, async () => {
                    const r = await excel.clearHighlights();
                    if (accept(r)) dispatch({ type: "notice", notice: { intent: "success", text: T.cleared(r.cleared) } });
                  })
                }
                {...off(false)}
              >
                {T.clear}
              </Button>
              <Button
                onClick={() =>
                  void act(T.undoing, async () => {
                    const r = await excel.undoLastWrite();
                    if (accept(r)) dispatch({ type: "undone", notice: { intent: "success", text: T.undone(r.restored, r.skipped) } });
                  })
                }
                {...off(false)}
              >
                {T.undo}
              </Button>
            </>
          ) : null}
          {host.kind === "file" && scored ? (
            <Button
              onClick={() =>
                // the copy is made only now, when it is asked for
                void act(T.makingCopy, async () => {
                  const r = await scored.bytes();
                  if (accept(r)) host.download(scored.name, r.bytes);
                })
              }
              {...off(false)}
            >
              {T.download}
            </Button>
          ) : null}
        </div>

        {excel ? (
          <div className={s.actions} role="toolbar" aria-label={T.workbookActions}>
            <Button size="small" onClick={() => void onCheckAll(excel)} {...off(false)}>
              {T.checkAll}
            </Button>
            <Button size="small" onClick={() => void onSummary(excel)} {...off(false)}>
              {T.addSummary}
            </Button>
          </div>
        ) : null}

        <div className={s.actions} role="toolbar" aria-label={T.templates}>
          <Button size="small" onClick={() => void template("new")} {...off(false)}>
            {T.newTemplate}
          </Button>
          <Button size="small" onClick={() => void template("nextYear")} {...off(host.kind === "file" && !file)}>
            {T.nextYearTemplate}
          </Button>
        </div>

        {busy ? <Spinner size="tiny" label={busy} /> : null}
        {notice ? <NoticeBar notice={notice} testId="notice" /> : null}
        {staleText ? <NoticeBar notice={{ intent: "warning", text: staleText }} testId="stale" /> : null}

        {state.edited.length > 0 ? <NoticeBar notice={{ intent: "info", text: T.edited(state.edited) }} testId="edited" /> : null}

        {rows.length > 1 || (state.workbook && rows.length > 0) ? (
          <WorkbookTable rows={rows} current={report ? { sheet: report.sheet, form: state.form } : null} onOpen={onOpenRow} />
        ) : null}

        {shown?.isForm ? <Summary ref={summaryRef} report={shown} filter={filter} onFilter={(f) => dispatch({ type: "filterChosen", filter: f })} /> : null}
        {shown?.isForm ? <WrittenList writes={writes} mode={writtenMode} /> : null}
        {showEmpty ? <p className={s.empty}>{host.kind === "excel" ? T.emptyExcel : file ? T.emptyFileChosen : T.emptyFile}</p> : null}
      </div>

      <div className={s.main}>
        {/* a sheet that is no form is explained by the notice above (what was looked for, what was found) */}
        {shown?.isForm ? <FindingList report={shown} filter={filter} activeKey={active} cellText={shownCellText(state)} selected={selected} onActivate={onActivate} ignore={ignore} /> : null}
        {canKeepStore && report && ((details?.unplaced.length ?? 0) > 0 || (excel && (!report.isForm || shown?.findings.some((f) => f.code === "FIELD_MISSING")))) ? (
          <TeachLayout
            unplaced={details?.unplaced ?? []}
            busy={isBusy}
            onTeach={onTeach}
            pickSelection={
              excel
                ? async () => {
                    const r = await excel.selectedCell();
                    return accept(r) ? { cell: r.cell, text: r.text } : null;
                  }
                : undefined
            }
          />
        ) : null}
      </div>
    </main>
  );
}
