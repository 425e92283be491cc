import { makeStyles, tokens } from "@fluentui/react-components";
import { highlightHex, HighlightKind } from "../../engine";

/** The colour of each kind of mark, as the sheet shows it (engine/highlight), for the pane's dots and stripes. */
export const HIGHLIGHT_DOT: Readonly<Record<HighlightKind, string>> = {
  error: highlightHex("error"),
  warning: highlightHex("warning"),
  info: highlightHex("info"),
  written: highlightHex("written"),
};

const dot = { display: "inline-block", flexShrink: 0, width: "10px", height: "10px", borderRadius: "50%", border: `1px solid ${tokens.colorNeutralStroke1}` } as const;

/**
 * A dot in the colour a kind of mark has in the sheet. Classes, not inline styles: the page's Content-Security-Policy
 * need not allow style attributes.
 */
export const useDotStyles = makeStyles({
  error: { ...dot, backgroundColor: HIGHLIGHT_DOT.error },
  warning: { ...dot, backgroundColor: HIGHLIGHT_DOT.warning },
  info: { ...dot, backgroundColor: HIGHLIGHT_DOT.info },
  written: { ...dot, borderRadius: "2px", backgroundColor: HIGHLIGHT_DOT.written },
});
