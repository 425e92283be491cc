import { Button, Field, makeStyles, MessageBar, MessageBarBody, Select, Spinner, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useId, useRef } from "react";
import { getProfile, PROFILES } from "../../engine";
import type { Host, HostResult, TemplateKind } from "../../app";
import { T } from "../strings";
import { FindingList } from "./FindingList";
import { Summary } from "./Summary";
import { formReports, isStale, Notice, Outcome, scoredCopy, usePaneState } from "../state";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px", padding: "12px", maxWidth: "420px", boxSizing: "border-box" },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  actions: { display: "flex", flexWrap: "wrap", gap: "6px" },
  select: { minWidth: 0, maxWidth: "100%" },
  empty: { color: tokens.colorNeutralForeground3, margin: "8px 0" },
  fileName: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, wordBreak: "break-all" },
  filePicker: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: "4px" },
  // the native input stays in the page (and in the accessibility tree of the button that opens it)
  hiddenInput: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden", pointerEvents: "none" },
});

const errorText = (e: unknown) => T.unexpected(e instanceof Error ? e.message : String(e));

/** The task pane: the same UI over the Excel host and the file host; it never touches Office itself. */
export function App({ host }: { host: Host }) {
  const s = useStyles();
  const fileInputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [state, dispatch] = usePaneState();
  const { profileId, busy, notice, file, outcome, report, active } = state;
  const stale = isStale(state);

  useEffect(() => {
    let live = true;
    host
      .loadProfileId()
      .then((id) => {
        if (live && id && getProfile(id)) dispatch({ type: "profileLoaded", id });
      })
      .catch((e: unknown) => live && dispatch({ type: "notice", notice: { intent: "error", text: errorText(e) } }));
    return () => {
      live = false;
    };
  }, [host, dispatch]);

  /** Run one action of the pane: busy while it runs, any unexpected error shown (never swallowed). */
  const act = useCallback(
    async (label: string, work: () => Promise<void>) => {
      dispatch({ type: "started", label });
      try {
        await work();
      } catch (e) {
        dispatch({ type: "notice", notice: { intent: "error", text: errorText(e) } });
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

  const checked = (o: Outcome, n: Notice) => dispatch({ type: "checked", outcome: o, notice: n });

  const checkWith = (id: string) =>
    act(T.checking, async () => {
      if (host.kind === "file") {
        if (!file) return;
        const r = await host.checkFile(file, id);
        if (accept(r)) checked(r, { intent: "success", text: T.fileScored(r.scored.name, r.written, r.highlighted) });
      } else {
        const r = await host.check(id, { write: false });
        if (accept(r)) checked(r, { intent: "info", text: `${T.pending(r.pending)}${T.highlighted(r.highlighted)}` });
      }
    });

  const onProfile = (id: string) => {
    dispatch({ type: "profileChosen", id });
    void act(T.saving, async () => {
      await host.saveProfileId(id);
      // file mode re-checks at once; in Excel the result is marked out of date until 校验并计分 is pressed again
      if (host.kind === "file" && outcome) await checkWith(id);
    });
  };

  const onSelectCell = (finding: number, a1: string) => {
    if (!report) return;
    if (host.kind === "file") {
      dispatch({ type: "findingActivated", index: finding, notice: { intent: "info", text: T.fileCell(report.sheet, a1) } });
      return;
    }
    dispatch({ type: "findingActivated", index: finding });
    void act(T.checking, async () => {
      accept(await host.selectCell(report.sheet, a1));
    });
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
        const r = await host.makeTemplate(kind, profileId, file);
        if (!accept(r)) return;
        host.download(r.name, r.bytes);
        dispatch({ type: "notice", notice: { intent: "success", text: T.templateDownloaded(r.name) } });
      }
    });

  const excel = host.kind === "excel" ? host : null;
  const scored = scoredCopy(state);
  const reports = formReports(state);

  return (
    <main className={s.root} aria-busy={busy !== null}>
      <h1 className={s.title}>{T.appTitle}</h1>
      <p className={s.hint}>{host.kind === "file" ? T.fileModeHint : T.excelModeHint}</p>

      <Field label={T.profile}>
        <Select className={s.select} value={profileId} onChange={(_, d) => onProfile(d.value)} disabled={busy !== null}>
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
          <Button onClick={() => fileInput.current?.click()} disabled={busy !== null}>
            {T.chooseFile}
          </Button>
          <span className={s.fileName} data-testid="file-name">{file ? file.name : T.noFile}</span>
        </div>
      ) : null}

      <div className={s.actions} role="toolbar" aria-label="操作">
        <Button appearance="primary" onClick={() => void checkWith(profileId)} disabled={busy !== null || (host.kind === "file" && !file)}>
          {T.check}
        </Button>
        {excel ? (
          <>
            <Button
              onClick={() =>
                void act(T.writing, async () => {
                  const r = await excel.check(profileId, { write: true });
                  if (accept(r)) checked(r, { intent: "success", text: `${T.written(r.written)}${T.highlighted(r.highlighted)}` });
                })
              }
              disabled={busy !== null || outcome === null || stale}
            >
              {T.write}
            </Button>
            <Button
              onClick={() =>
                void act(T.clearing, async () => {
                  const r = await excel.clearHighlights();
                  if (accept(r)) dispatch({ type: "notice", notice: { intent: "success", text: T.cleared(r.cleared) } });
                })
              }
              disabled={busy !== null}
            >
              {T.clear}
            </Button>
            <Button
              onClick={() =>
                void act(T.undoing, async () => {
                  const r = await excel.undoLastWrite();
                  if (accept(r)) dispatch({ type: "notice", notice: { intent: "success", text: T.undone(r.restored, r.skipped) } });
                })
              }
              disabled={busy !== null}
            >
              {T.undo}
            </Button>
          </>
        ) : null}
        {host.kind === "file" && scored ? (
          <Button onClick={() => host.download(scored.name, scored.bytes)} disabled={busy !== null}>
            {T.download}
          </Button>
        ) : null}
      </div>

      <div className={s.actions} role="toolbar" aria-label={T.templates}>
        <Button size="small" onClick={() => void template("new")} disabled={busy !== null}>
          {T.newTemplate}
        </Button>
        <Button size="small" onClick={() => void template("nextYear")} disabled={busy !== null || (host.kind === "file" && !file)}>
          {T.nextYearTemplate}
        </Button>
      </div>

      {busy ? <Spinner size="tiny" label={busy} /> : null}
      {notice ? (
        <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {stale && outcome ? (
        <MessageBar intent="warning" data-testid="stale">
          <MessageBarBody>{T.stale(getProfile(outcome.profileId)?.name ?? outcome.profileId)}</MessageBarBody>
        </MessageBar>
      ) : null}

      {reports.length > 1 ? (
        <Field label={T.sheet}>
          <Select value={report?.sheet} onChange={(_, d) => dispatch({ type: "sheetShown", sheet: d.value })}>
            {reports.map((r) => (
              <option key={r.sheet} value={r.sheet}>{r.sheet}</option>
            ))}
          </Select>
        </Field>
      ) : null}

      {report ? (
        <>
          {report.isForm ? <Summary report={report} /> : null}
          <FindingList report={report} activeIndex={active} onSelectCell={onSelectCell} />
        </>
      ) : busy ? null : (
        <p className={s.empty}>{host.kind === "file" ? T.emptyFile : T.emptyExcel}</p>
      )}
    </main>
  );
}
