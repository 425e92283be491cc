import { makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import type { Notice } from "../state";
import { T } from "../strings";

const useStyles = makeStyles({
  body: { whiteSpace: "normal", overflowWrap: "anywhere" },
  detail: { marginTop: "4px", fontSize: tokens.fontSizeBase200 },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere", whiteSpace: "pre-wrap" },
});

/** One message of the pane: the Chinese text, and a technical detail (if any) folded under 详情. */
export function NoticeBar({ notice, testId }: { notice: Notice; testId?: string }) {
  const s = useStyles();
  return (
    <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"} layout="multiline" data-testid={testId}>
      <MessageBarBody className={s.body}>
        {notice.text}
        {notice.detail ? (
          <details className={s.detail}>
            <summary>{T.details}</summary>
            <code className={s.code}>{notice.detail}</code>
          </details>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}
