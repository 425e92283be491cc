import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useRef } from "react";
import type { ExcelHost, FileHost } from "../../app";
import { T } from "../strings";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: "6px" },
  fileName: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  filePicker: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: "4px" },
  pickRow: { display: "flex", flexWrap: "wrap", gap: "6px" },
  // the native input stays in the page (and in the accessibility tree of the button that opens it)
  hiddenInput: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden", pointerEvents: "none" },
});

/** What a file input offers: .xlsx first, and the other spreadsheets accountants receive, which get told what to do. */
const ACCEPT = ".xlsx,.xlsm,.xls,.et,.ods,.csv,.htm,.html,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type Off = (unavailable: boolean) => { disabled?: boolean; disabledFocusable?: boolean };

export interface FilePickerProps {
  readonly fileName: string | null;
  readonly canSample: boolean;
  readonly onFile: (files: FileList | null) => void;
  readonly onSample: () => void;
  readonly off: Off;
}

/** File mode: choose an .xlsx (the file never leaves the browser), or open the bundled sample (示例). */
export function FilePicker({ fileName, canSample, onFile, onSample, off }: FilePickerProps) {
  const s = useStyles();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={s.filePicker}>
      <input id={id} ref={input} className={s.hiddenInput} type="file" tabIndex={-1} aria-hidden="true" accept={ACCEPT} onChange={(e) => onFile(e.currentTarget.files)} />
      <div className={s.pickRow}>
        <Button onClick={() => input.current?.click()} {...off(false)}>
          {T.chooseFile}
        </Button>
        {canSample ? (
          <Button onClick={onSample} {...off(false)} title={T.sampleHint}>
            {T.sample}
          </Button>
        ) : null}
      </div>
      <span className={s.fileName} data-testid="file-name">{fileName ?? T.noFile}</span>
    </div>
  );
}

export interface ActionsProps {
  readonly host: ExcelHost | FileHost;
  /** 校验并计分 is possible (a file chosen, a 评分方案 known). */
  readonly canCheck: boolean;
  /** A result that can be written (Excel) and is not out of date. */
  readonly canWrite: boolean;
  /** File mode: the scored copy can be downloaded. */
  readonly canDownload: boolean;
  readonly off: Off;
  readonly on: {
    readonly check: () => void;
    readonly write: (excel: ExcelHost) => void;
    readonly clear: (excel: ExcelHost) => void;
    readonly undo: (excel: ExcelHost) => void;
    readonly download: (file: FileHost) => void;
    readonly checkAll: (excel: ExcelHost) => void;
    readonly summary: (excel: ExcelHost) => void;
  };
}

/** The pane's buttons: 校验并计分, then Excel's write / clear / undo or file mode's download; in Excel the workbook's. */
export function Actions({ host, canCheck, canWrite, canDownload, off, on }: ActionsProps) {
  const s = useStyles();
  const excel = host.kind === "excel" ? host : null;
  return (
    <>
      <div className={s.actions} role="toolbar" aria-label={T.actions}>
        <Button appearance="primary" onClick={on.check} {...off(!canCheck)}>
          {T.check}
        </Button>
        {excel ? (
          <>
            <Button onClick={() => on.write(excel)} {...off(!canWrite)}>
              {T.write}
            </Button>
            <Button onClick={() => on.clear(excel)} {...off(false)}>
              {T.clear}
            </Button>
            <Button onClick={() => on.undo(excel)} {...off(false)}>
              {T.undo}
            </Button>
          </>
        ) : null}
        {host.kind === "file" && canDownload ? (
          <Button onClick={() => on.download(host)} {...off(false)}>
            {T.download}
          </Button>
        ) : null}
      </div>
      {excel ? (
        <div className={s.actions} role="toolbar" aria-label={T.workbookActions}>
          <Button size="small" onClick={() => on.checkAll(excel)} {...off(false)}>
            {T.checkAll}
          </Button>
          <Button size="small" onClick={() => on.summary(excel)} {...off(false)}>
            {T.addSummary}
          </Button>
        </div>
      ) : null}
    </>
  );
}
