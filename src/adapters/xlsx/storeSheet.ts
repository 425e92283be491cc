import { STORE_SHEET, storeRows, WorkbookStore } from "../../app";
import { colName } from "../../engine";
import { freeSheetName } from "./findingsSheetMarker";
import type { SheetInfo } from "./readWorkbook";
import type { OwnSheet } from "./write/scoredCopy";
import { inlineStringCell, xmlChars } from "./write/xmlText";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/**
 * The store sheet's part: every cell an inline string (never a number — a reason like "2026-11-25" or "1" stays the
 * text it was, in any spreadsheet), empty cells left out; a few column widths so that it can be read if someone
 * makes it visible with VBA.
 */
export function storeSheetXml(store: WorkbookStore): Uint8Array {
  const rows = storeRows(store);
  const width = Math.max(...rows.map((r) => r.length));
  const body = rows
    .map((cells, i) => {
      const r = i + 1;
      const cs = cells
        .map((text, j) => {
          // a reason pasted with a control character: dropped, the rest kept; a cell left empty is left out
          return xmlChars(text) === "" ? "" : inlineStringCell(`${colName(j + 1)}${r}`, text);
        })
        .join("");
      return `<row r="${r}">${cs}</row>`;
    })
    .join("");
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}">` +
    `<dimension ref="A1:${colName(width)}${rows.length}"/>` +
    `<cols><col min="1" max="1" width="14" customWidth="1"/><col min="2" max="2" width="48" customWidth="1"/><col min="3" max="${width}" width="24" customWidth="1"/></cols>` +
    `<sheetData>${body}</sheetData></worksheet>`;
  return new TextEncoder().encode(xml);
}

/**
 * The store as one of our sheets for the package editor: in place of the workbook's store sheet (recognised by its
 * marker in A1, whatever it is called and however hidden), or added as a very hidden sheet named ziping (ziping(2)
 * when a user's sheet has that name).
 */
export function storeOwnSheet(sheets: readonly SheetInfo[], allNames: readonly string[], store: WorkbookStore): OwnSheet {
  const replaces = sheets.find((s) => s.isStoreSheet) ?? null;
  return {
    name: replaces?.name ?? freeSheetName(STORE_SHEET, allNames),
    replaces,
    content: { xml: storeSheetXml(store) },
    state: "veryHidden",
  };
}
