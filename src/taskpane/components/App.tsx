import { Button, Field, makeStyles, MessageBar, MessageBarBody, Select, Spinner, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { DEFAULT_PROFILE_ID, getProfile, PROFILES, SheetReport } from "../../engine";
import type { CheckOutcome, FileCheckOutcome, Host, HostResult, TemplateKind } from "../host";
import { T } from "../strings";
import { FindingList } from "./FindingList";
import { Summary } from "./Summary";

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

type Notice = { readonly intent: "success" | "error" | "info" | "warning"; readonly text: string };

const errorText = (e: unknown) => T.unexpected(e instanceof Error ? e.message : String(e));

/** The task pane: the same UI over the Excel host and the file host; it never touches Office itself. */
export function App({ host }: { host: Host }) {
  const s = useStyles();
  const fileInputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [profileId, setProfileId] = useState<string>(DEFAULT_PROFILE_ID);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<CheckOutcome | FileCheckOutcome | null>(null);
  const [report, setReport] = useState<SheetReport | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);

  useEffect(() => {
    let live = true;
    host
      .loadProfileId()
      .then((id) => {
        if (live && id && getProfile(id)) setProfileId(id);
      })
      .catch((e: unknown) => live && setNotice({ intent: "error", text: errorText(e) }));
    return () => {
      live = false;
    };
  }, [host]);

  const act = useCallback(async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setNotice(null);
    try {
      await work();
    } catch (e) {
      setNotice({ intent: "error", text: errorText(e) });
    } finally {
      setBusy(null);
    }
  }, []);

  /** Show a failure; keep a report that came with it. True when the result is ok. */
  const accept = <R extends object>(result: HostResult<R>): result is { ok: true } & R => {
    if (result.ok) return true;
    setNotice({ intent: result.code === "FORM_NOT_FOUND" ? "warning" : "error", text: result.message });
    if (result.report) {
      setReport(result.report);
      setOutcome(null);
      setActive(null);
    }
    return false;
  };

  const showOutcome = (o: CheckOutcome | FileCheckOutcome) => {
    setOutcome(o);
    setReport(o.report);
    setActive(null);
  };

  const onProfile = (id: string) => {
    setProfileId(id);
    void act(T.saving, () => host.saveProfileId(id));
  };

  const onSelectCell = (finding: number, a1: string) => {
    setActive(finding);
    if (!report) return;
    if (host.kind === "file") {
      setNotice({ intent: "info", text: T.fileCell(report.sheet, a1) });
      return;
    }
    void act(T.checking, async () => {
      accept(await host.selectCell(report.sheet, a1));
    });
  };

  const onFile = async (list: FileList | null) => {
    const f = list?.[0];
    if (!f) return;
    await act(T.loadingFile, async () => {
      setFile({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
      setOutcome(null);
      setReport(null);
    });
  };

  const check = () =>
    act(T.checking, async () => {
      if (host.kind === "file") {
        if (!file) return;
        const r = await host.checkFile(file, profileId);
        if (!accept(r)) return;
        showOutcome(r);
        setNotice({ intent: "success", text: T.fileScored(r.scored.name, r.written, r.highlighted) });
      } else {
        const r = await host.check(profileId, { write: false });
        if (!accept(r)) return;
        showOutcome(r);
        setNotice({ intent: "info", text: `${T.pending(r.pending)}${T.highlighted(r.highlighted)}` });
      }
    });

  const template = (kind: TemplateKind) =>
    act(T.making, async () => {
      if (host.kind === "excel") {
        const r = await host.addTemplate(kind, profileId);
        if (accept(r)) setNotice({ intent: "success", text: T.templateAdded(r.sheet, r.year) });
      } else {
        const r = await host.makeTemplate(kind, profileId, file);
        if (!accept(r)) return;
        host.download(r.name, r.bytes);
        setNotice({ intent: "success", text: T.templateDownloaded(r.name) });
      }
    });

  const excel = host.kind === "excel" ? host : null;
  const scored = outcome && "scored" in outcome ? outcome.scored : null;
  const reports = outcome && "reports" in outcome ? outcome.reports.filter((r) => r.isForm) : [];

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
        <Button appearance="primary" onClick={() => void check()} disabled={busy !== null || (host.kind === "file" && !file)}>
          {T.check}
        </Button>
        {excel ? (
          <>
            <Button
              onClick={() =>
                void act(T.writing, async () => {
                  const r = await excel.check(profileId, { write: true });
                  if (!accept(r)) return;
                  showOutcome(r);
                  setNotice({ intent: "success", text: `${T.written(r.written)}${T.highlighted(r.highlighted)}` });
                })
              }
              disabled={busy !== null || outcome === null}
            >
              {T.write}
            </Button>
            <Button
              onClick={() =>
                void act(T.clearing, async () => {
                  const r = await excel.clearHighlights();
                  if (accept(r)) setNotice({ intent: "success", text: T.cleared(r.cleared) });
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
                  if (accept(r)) setNotice({ intent: "success", text: T.undone(r.restored, r.skipped) });
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

      {reports.length > 1 ? (
        <Field label={T.sheet}>
          <Select
            value={report?.sheet}
            onChange={(_, d) => {
              const next = reports.find((r) => r.sheet === d.value);
              if (next) {
                setReport(next);
                setActive(null);
              }
            }}
          >
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
