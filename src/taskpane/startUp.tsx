/**
 * What the pane shows around the App while it starts (officeReady.ts, the one start-up policy): the wait for Excel
 * with its two ways out, the offer to switch to Excel once it answers in file mode (never a switch of its own), and a
 * ribbon command's result that no dialog could show (commands/lastResult.ts).
 */
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, tokens } from "@fluentui/react-components";
import type { KeptResult } from "../commands/lastResult";

export const START_TEXT = {
  waiting: "正在连接 Excel…",
  waitingLong: "Excel 还没有响应（Excel 刚启动或网络较慢时会这样）。可以继续等待，也可以重新加载，或改用文件模式（选择 .xlsx 文件校验）。",
  reload: "重新加载",
  useFileMode: "改用文件模式",
  excelReady: "Excel 已连接。切换到 Excel 模式后可直接校验当前工作表；文件模式中的结果将不再显示（文件本身不受影响）。",
  switchToExcel: "切换到 Excel",
  commandResult: (title: string) => `功能区命令的结果（结果窗口未能打开）：${title}`,
  dismiss: "知道了",
} as const;

const useStyles = makeStyles({
  waiting: { display: "flex", flexDirection: "column", gap: "12px", padding: "12px" },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
  banner: { margin: "12px 12px 0" },
  line: { margin: "2px 0", fontSize: tokens.fontSizeBase200 },
});

/** Opened by Office and Excel has not answered yet: keep waiting, or choose. */
export function Waiting({ long, onReload, onFileMode }: { long: boolean; onReload: () => void; onFileMode: () => void }) {
  const s = useStyles();
  return (
    <div className={s.waiting} data-testid="start-waiting">
      <Spinner size="small" label={START_TEXT.waiting} />
      {long ? (
        <>
          <p>{START_TEXT.waitingLong}</p>
          <div className={s.actions}>
            <Button onClick={onReload}>{START_TEXT.reload}</Button>
            <Button appearance="primary" onClick={onFileMode}>
              {START_TEXT.useFileMode}
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}

/** Above the pane: Excel answered while in file mode (offer, never switch), and a command's result kept for the pane. */
export function StartBanners({ excelReady, onSwitch, kept, onDismiss }: { excelReady: boolean; onSwitch: () => void; kept: KeptResult | null; onDismiss: () => void }) {
  const s = useStyles();
  return (
    <>
      {excelReady ? (
        <MessageBar intent="info" layout="multiline" className={s.banner} data-testid="excel-ready">
          <MessageBarBody>{START_TEXT.excelReady}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={onSwitch}>
              {START_TEXT.switchToExcel}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {kept ? (
        <MessageBar intent={kept.summary.ok ? "success" : "warning"} layout="multiline" className={s.banner} data-testid="command-result">
          <MessageBarBody>
            <MessageBarTitle>{START_TEXT.commandResult(kept.summary.title)}</MessageBarTitle>
            {kept.summary.lines.map((line, i) => (
              <p key={i} className={s.line}>
                {line}
              </p>
            ))}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onDismiss}>{START_TEXT.dismiss}</Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
    </>
  );
}
