import { colName, HighlightKind, highlightRuleFormula, isOwnHighlightRule, toA1 } from "../../../engine";
import type { CellWrite, PlanMark } from "../../../engine";
import { ElementSpan, escapeXml, prefixOf, scanElements, XmlText, xstring } from "./xmlText";

/** What the sheet edit needs from the styles part. */
export interface SheetStyles {
  /** The cell style to use for a written cell that had style `s` and needs `numberFormat`. */
  styleWithFormat(s: number, numberFormat: string): number;
  /** The differential format (fill) of a highlight. */
  highlightDxf(kind: HighlightKind): number;
  /** Whether a dxf is one of our fills (rules scored before the rules carried a tag). */
  isOwnFill(dxfId: number): boolean;
}

/** Worksheet children that come after conditionalFormatting (ECMA-376 CT_Worksheet sequence). */
const AFTER_CONDITIONAL_FORMATTING = new Set([
  "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
  "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF",
  "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
]);

function parseRef(ref: string): [number, number] | null {
  const m = /^([A-Za-z]{1,3})(\d+)$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

/**
 * Apply a write plan to one worksheet part in place: each written cell's `<c>` replaced (or inserted in row and
 * column order, in a new `<row>` where needed), the previous run's tagged highlight rules removed and this run's
 * added. Every other byte of the part stays as it was. Returns null when nothing changes.
 */
export function editSheet(part: string, bytes: Uint8Array, writes: readonly CellWrite[], highlights: readonly PlanMark[], styles: SheetStyles): Uint8Array | null {
  const xml = new XmlText(bytes, part);
  const wantedRows = new Set(writes.map((w) => w.cell.row));
  /** Written rows not seen yet, ascending: each is placed before the first row past it. */
  let unplaced = [...wantedRows].sort((a, b) => a - b);
  const rows = new Map<number, { row: ElementSpan; cells: { col: number; el: ElementSpan }[] }>();
  /** For a written row that does not exist: the row element it goes before. */
  const before = new Map<number, ElementSpan>();
  let placing: number[] = [];
  const topLevel: ElementSpan[] = [];
  let root: ElementSpan | null = null;
  let sheetData: ElementSpan | null = null;
  let rowNumber = 0;
  let colNumber = 0;
  let maxPriority = 0;
  let ruleOwn: boolean[] = [];
  let ruleIndex = -1;
  let ruleDxf = -1;
  const ownFormattings: ElementSpan[] = [];
  let currentRowCells: { col: number; el: ElementSpan }[] | null = null;

  scanElements(
    part,
    xml,
    (name, depth, a) => {
      if (depth <= 1) return true;
      if (name === "row" && depth === 2) {
        rowNumber = a.r !== undefined ? Number(a.r) : rowNumber + 1;
        colNumber = 0;
        const wanted = wantedRows.has(rowNumber);
        currentRowCells = wanted ? [] : null;
        placing = unplaced.filter((n) => n < rowNumber);
        unplaced = unplaced.filter((n) => n > rowNumber);
        return wanted || placing.length > 0;
      }
      if (name === "c" && depth === 3) {
        const at = a.r !== undefined ? parseRef(a.r) : null;
        colNumber = at ? at[1] : colNumber + 1;
        return currentRowCells !== null;
      }
      if (name === "cfRule" && depth === 2) {
        ruleOwn.push(false);
        ruleIndex = ruleOwn.length - 1;
        ruleDxf = a.dxfId !== undefined ? Number(a.dxfId) : -1;
        if (a.priority !== undefined) maxPriority = Math.max(maxPriority, Number(a.priority) || 0);
        return false;
      }
      return name === "formula" && depth === 3 && ruleIndex >= 0;
    },
    (el) => {
      if (el.depth === 0) root = el;
      else if (el.depth === 1) {
        topLevel.push(el);
        if (el.name === "sheetData") sheetData = el;
        if (el.name === "conditionalFormatting") {
          if (ruleOwn.length > 0 && ruleOwn.every(Boolean)) ownFormattings.push(el);
          ruleOwn = [];
          ruleIndex = -1;
        }
      } else if (el.name === "row" && el.depth === 2) {
        if (currentRowCells) rows.set(rowNumber, { row: el, cells: currentRowCells });
        for (const n of placing) before.set(n, el);
        placing = [];
        currentRowCells = null;
      } else if (el.name === "c" && el.depth === 3 && currentRowCells) {
        currentRowCells.push({ col: colNumber, el });
      } else if (el.name === "formula" && ruleIndex >= 0) {
        ruleOwn[ruleIndex] = isOwnHighlightRule(el.text) || (el.text.trim().toUpperCase() === "TRUE" && styles.isOwnFill(ruleDxf));
        ruleIndex = -1;
      }
    },
  );
  if (!root || !sheetData) return null;
  const rootEl = root as ElementSpan;
  const data = sheetData as ElementSpan;
  // what is added is written with its parent's prefix (bound there, whatever the root uses)
  const prefix = prefixOf(rootEl);

  // cells
  const cellXml = (w: CellWrite, style: number | undefined, prefix: string): string => {
    const r = toA1(w.cell);
    const s = w.numberFormat !== undefined ? styles.styleWithFormat(style ?? 0, w.numberFormat) : style;
    const sAttr = s !== undefined && s !== 0 ? ` s="${s}"` : "";
    if (typeof w.value === "number") return `<${prefix}c r="${r}"${sAttr}><${prefix}v>${String(w.value)}</${prefix}v></${prefix}c>`;
    const space = /^\s|\s$/.test(w.value) ? ' xml:space="preserve"' : "";
    return `<${prefix}c r="${r}"${sAttr} t="inlineStr"><${prefix}is><${prefix}t${space}>${xstring(w.value)}</${prefix}t></${prefix}is></${prefix}c>`;
  };
  const byRow = new Map<number, CellWrite[]>();
  for (const w of [...writes].sort((a, b) => a.cell.row - b.cell.row || a.cell.col - b.cell.col)) byRow.set(w.cell.row, [...(byRow.get(w.cell.row) ?? []), w]);
  const newRows: { r: number; xml: string }[] = [];
  for (const [r, ws] of byRow) {
    const existing = rows.get(r);
    if (!existing) {
      const rp = prefixOf(data);
      newRows.push({ r, xml: `<${rp}row r="${r}">${ws.map((w) => cellXml(w, undefined, rp)).join("")}</${rp}row>` });
      continue;
    }
    const { row, cells } = existing;
    const cp = prefixOf(row);
    let inserted = false;
    const pending: string[] = [];
    for (const w of ws) {
      const same = cells.find((c) => c.col === w.cell.col);
      if (same) {
        const s = same.el.attributes.s !== undefined ? Number(same.el.attributes.s) : undefined;
        xml.replace(same.el.start, same.el.end, cellXml(w, s, cp));
        continue;
      }
      const next = cells.find((c) => c.col > w.cell.col);
      if (next) xml.insert(next.el.start, cellXml(w, undefined, cp));
      else pending.push(cellXml(w, undefined, cp));
      inserted = true;
    }
    if (inserted) {
      // cells without an address take theirs from the one before: give every cell of this row its own
      for (const c of cells) if (c.el.attributes.r === undefined) xml.insert(c.el.start + 1 + c.el.qualifiedName.length, ` r="${colName(c.col)}${r}"`);
    }
    const openTag = xml.text.slice(row.start, row.openEnd);
    const spanless = openTag.replace(/\sspans="[^"]*"/, "");
    if (row.selfClosing) {
      if (pending.length || inserted) xml.replace(row.start, row.end, `${spanless.replace(/\s*\/>$/, ">")}${pending.join("")}</${row.qualifiedName}>`);
    } else {
      if (inserted && spanless !== openTag) xml.replace(row.start, row.openEnd, spanless);
      if (pending.length) xml.insert(xml.text.lastIndexOf("<", row.end - 1), pending.join(""));
    }
  }
  if (newRows.length) {
    const tail: string[] = [];
    for (const n of newRows) {
      const next = before.get(n.r);
      if (next) xml.insert(next.start, n.xml);
      else tail.push(n.xml);
    }
    if (tail.length) {
      if (data.selfClosing) xml.replace(data.start, data.end, `<${data.qualifiedName}>${tail.join("")}</${data.qualifiedName}>`);
      else xml.insert(xml.text.lastIndexOf("<", data.end - 1), tail.join(""));
    }
  }

  // highlights: the previous run's rules out, this run's in, where the schema puts conditionalFormatting
  for (const cf of ownFormattings) xml.replace(cf.start, cf.end, "");
  if (highlights.length) {
    let priority = maxPriority;
    const added = highlights
      .map((h) => {
        priority++;
        const formula = escapeXml(highlightRuleFormula(h.kind));
        return `<${prefix}conditionalFormatting sqref="${toA1(h.cell)}"><${prefix}cfRule type="expression" dxfId="${styles.highlightDxf(h.kind)}" priority="${priority}"><${prefix}formula>${formula}</${prefix}formula></${prefix}cfRule></${prefix}conditionalFormatting>`;
      })
      .join("");
    const lastCf = [...topLevel].reverse().find((e) => e.name === "conditionalFormatting");
    const after = topLevel.find((e) => AFTER_CONDITIONAL_FORMATTING.has(e.name));
    const at = lastCf ? lastCf.end : after ? after.start : xml.text.lastIndexOf("<", rootEl.end - 1);
    xml.insert(at, added);
  }
  return xml.changed ? xml.bytes() : null;
}
