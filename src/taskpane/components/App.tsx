import { Link, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import type { Host } from "../../app";
import { unexpectedNotice } from "../fileMessages";
import { browserProfileMemory, profileName, ProfileMemory } from "../profiles";
import { findingsSlice, resultSlice, settingsSlice, templatesSlice, workbookSlice, writtenSlice } from "../slices";
import { Notice, scoredCopy, staleReason, usePaneState } from "../state";
import { T } from "../strings";
import { useExcelWatch } from "../useExcelWatch";
import { usePaneActions } from "../usePaneActions";
import { Actions, FilePicker } from "./Actions";
import { FindingList } from "./FindingList";
import { NoticeBar } from "./NoticeBar";
import { SettingsScreen } from "./SettingsScreen";
import { Summary } from "./Summary";
import { TeachLayout } from "./TeachLayout";
import { TemplatesScreen } from "./TemplatesScreen";
import { WorkbookTable } from "./WorkbookTable";
import { WrittenList } from "./WrittenList";

export { RECHECK_DELAY_MS } from "../useExcelWatch";
const BY_KEY = "ziping.by";
/** The user guide, built from docs/使用说明.md into the pane's own site (scripts/helpPage.js): it opens offline too. */
export const HELP_URL = "help.html";

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
  header: { display: "flex", alignItems: "baseline", justifyContent: "space-between", gap: "8px" },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  empty: { color: tokens.colorNeutralForeground2, margin: "8px 0" },
});

export interface AppProps {
  readonly host: Host;
  /** A note from start-up (Office.js blocked or late), shown above everything until the pane is reloaded. */
  readonly bootNote?: Notice | null;
  /** Where the 评分方案 chosen last is remembered (this browser's storage by default). */
  readonly memory?: ProfileMemory;
}

/** The task pane: the same UI over the Excel host and the file host; it never touches Office itself. */
export function App({ host, bootNote = null, memory: given }: AppProps) {
  const s = useStyles();
  const memory = useMemo(() => given ?? browserProfileMemory(), [given]);
  const summaryRef = useRef<HTMLElement>(null);
  const [state, dispatch] = usePaneState();
  /** Excel: the cell the last card click selected (said in that card). */
  const [selected, setSelected] = useState<string | null>(null);
  /** Counts the pane's actions: a live re-check started before one of them is older than what it shows. */
  const actionCount = useRef(0);
  const actions = usePaneActions(host, state, dispatch, memory, setSelected, actionCount);
  const { busy, notice, file, outcome, report } = state;
  const stale = staleReason(state);
  const excel = host.kind === "excel" ? host : null;

  // the 评分方案: the workbook's own wins (Excel: its store or settings), else the one remembered in this browser,
  // else the pane asks (first use)
  useEffect(() => {
    let live = true;
    const remembered = () => {
      const id = memory.get();
      dispatch(id ? { type: "profileLoaded", id, from: "remembered" } : { type: "profileAsk" });
    };
    host
      .loadProfileId()
      .then((stored) => {
        if (!live) return;
        if (host.kind === "excel" && stored) dispatch({ type: "profileLoaded", id: stored, from: "workbook" });
        else remembered();
      })
      .catch((e: unknown) => {
        if (!live) return;
        // the workbook's could not be read: said, and the pane goes on with the remembered one (or asks)
        dispatch({ type: "notice", notice: unexpectedNotice(e) });
        remembered();
      });
    return () => {
      live = false;
    };
  }, [host, memory, dispatch]);

  // after 校验并计分 the focus goes to the result, so a keyboard or screen-reader user lands on what changed
  useEffect(() => {
    if (state.checks > 0) summaryRef.current?.focus();
  }, [state.checks]);

  useExcelWatch(excel, excel !== null && (outcome !== null || state.workbook !== null), outcome !== null, state.profileId, dispatch, actionCount);

  /** 填写人 of the last 忽略, offered again (kept in this browser only). */
  const [lastBy, setLastBy] = useState(() => {
    try {
      return localStorage.getItem(BY_KEY) ?? "";
    } catch {
      return "";
    }
  });
  const rememberBy = (by: string) => {
    if (by === lastBy) return;
    setLastBy(by);
    try {
      localStorage.setItem(BY_KEY, by);
    } catch {
      // a browser without storage just does not remember the name
    }
  };

  const isBusy = busy !== null;
  const known = state.profileFrom !== null;
  // busy buttons stay focusable (aria-disabled), so the focus never falls to <body> while an action runs
  const off = (unavailable: boolean) => (isBusy && !unavailable ? { disabledFocusable: true } : { disabled: unavailable });
  const staleText =
    outcome && stale === "profile"
      ? T.stale.profile(profileName(outcome.profileId))
      : outcome && stale === "sheet"
        ? T.stale.sheet(outcome.report.sheet, state.activeSheet ?? "")
        : stale === "undone"
          ? T.stale.undone
          : null;
  const showEmpty = !report && !isBusy && known && notice?.intent !== "error" && notice?.intent !== "warning";
  const result = resultSlice(state);
  // the form's lists are drawn with the state they belong to (the filter, the counts and the cards agree at every
  // moment); the workbook view — thousands of rows for a province's workbook — from the state a moment later,
  // interruptibly, so that the 总分 shows at once and no task holds the page while the view is made (its rows are
  // drawn in slices besides, WorkbookTable)
  const written = writtenSlice(state, host.kind);
  const findings = findingsSlice(state);
  const workbook = workbookSlice(useDeferredValue(state));
  const details = actions.details;
  const teach =
    actions.canKeepStore && report && ((details?.unplaced.length ?? 0) > 0 || (excel && (!report.isForm || result?.report.findings.some((f) => f.code === "FIELD_MISSING"))));

  return (
    <main className={s.root} aria-busy={isBusy}>
      <div className={s.side}>
        <div className={s.header}>
          <h1 className={s.title}>{T.appTitle}</h1>
          <Link href={HELP_URL} target="_blank" rel="noopener" aria-label={T.helpLabel} data-testid="help">
            {T.help}
          </Link>
        </div>
        {bootNote ? <NoticeBar notice={bootNote} testId="boot-note" /> : null}
        <p className={s.hint}>{host.kind === "file" ? T.fileModeHint : T.excelModeHint}</p>

        <SettingsScreen slice={settingsSlice(state)} onChoose={actions.onProfile} />

        {host.kind === "file" ? (
          <FilePicker fileName={file?.name ?? null} canSample={host.loadSample !== undefined} onFile={(l) => void actions.onFile(l)} onSample={() => void actions.onSample(host)} off={(u) => off(u || !known)} />
        ) : null}

        <Actions
          host={host}
          canCheck={known && (host.kind !== "file" || file !== null)}
          canWrite={outcome !== null && stale === null}
          canDownload={scoredCopy(state) !== null}
          off={off}
          on={{
            check: () => void actions.checkWith(state.profileId, true),
            write: (x) => void actions.onWrite(x),
            clear: (x) => void actions.onClear(x),
            undo: (x) => void actions.onUndo(x),
            download: (f) => actions.onDownload(f),
            checkAll: (x) => void actions.onCheckAll(x),
            summary: (x) => void actions.onSummary(x),
          }}
        />

        <TemplatesScreen slice={templatesSlice(state, host.kind)} onMake={(k) => void actions.template(k)} off={(u) => off(u || !known)} />

        {busy ? <Spinner size="tiny" label={busy} /> : null}
        {notice ? <NoticeBar notice={notice} testId="notice" /> : null}
        {staleText ? <NoticeBar notice={{ intent: "warning", text: staleText }} testId="stale" /> : null}
        {state.edited.length > 0 ? <NoticeBar notice={{ intent: "info", text: T.edited(state.edited) }} testId="edited" /> : null}

        {workbook ? <WorkbookTable slice={workbook} onOpen={actions.onOpenRow} /> : null}
        {result ? <Summary ref={summaryRef} slice={result} onFilter={(f) => dispatch({ type: "filterChosen", filter: f })} /> : null}
        {written ? <WrittenList slice={written} /> : null}
        {showEmpty ? <p className={s.empty}>{host.kind === "excel" ? T.emptyExcel : file ? T.emptyFileChosen : T.emptyFile}</p> : null}
      </div>

      <div className={s.main}>
        {/* a sheet that is no form is explained by the notice above (what was looked for, what was found) */}
        {findings ? <FindingList slice={findings} selected={selected} onActivate={actions.onActivate} ignore={actions.ignoreWith(lastBy, rememberBy)} /> : null}
        {teach ? (
          <TeachLayout
            unplaced={details?.unplaced ?? []}
            busy={isBusy}
            onTeach={actions.onTeach}
            pickSelection={
              excel
                ? async () => {
                    const r = await excel.selectedCell();
                    return actions.accept(r) ? { cell: r.cell, text: r.text } : null;
                  }
                : undefined
            }
          />
        ) : null}
      </div>
    </main>
  );
}
