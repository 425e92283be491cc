import { highlightHex, HighlightKind } from "../../engine";

/** The colour of each kind of mark, as the sheet shows it (engine/highlight), for the pane's dots and stripes. */
export const HIGHLIGHT_DOT: Readonly<Record<HighlightKind, string>> = {
  error: highlightHex("error"),
  warning: highlightHex("warning"),
  info: highlightHex("info"),
  written: highlightHex("written"),
};
