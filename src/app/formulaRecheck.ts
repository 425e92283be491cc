import {
  analyzeSheet,
  CellRef,
  CellValue,
  createGrid,
  Finding,
  Grid,
  Highlight,
  highlightsFor,
  MergeArea,
  parseA1,
  Profile,
  sameCell,
  sheetReport,
  toA1,
  WritePlan,
} from "../engine";
import { keyCol, keyRow } from "../engine/grid/grid";
import type { SheetResult } from "./checkWorkbook";
import { EMPTY_STORE, vocabularyOf, WorkbookStore } from "./workbookStore";

/**
 * FORMULA_DISAGREES after the write (rules.md §4: "after the values written in the same run are taken into
 * account"). A derived cell holding a formula is never written; when the same run fills a cell that formula reads
 * (a blank 得分 under a SUM 总分), Excel recalculates it, so its result before the write says nothing. The host
 * reads those formula cells again after its write — in the same round trip — and the findings on them are taken
 * from that result. These functions are the pure half: which cells to re-read, and the findings afterwards.
 */

/** The cells a formula refers to on its own sheet; `open` when it may read anything else (names, other sheets). */
export interface FormulaReferences {
  readonly areas: readonly MergeArea[];
  readonly open: boolean;
}

const REF = /(?:('(?:[^']|'')+'|[A-Za-z0-9_.\u4e00-\u9fff]+)!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\$?[A-Z]{1,3}:\$?[A-Z]{1,3}|\$?\d+:\$?\d+)/gy;
const FUNCTIONS_THAT_REACH_ANYWHERE = /\b(INDIRECT|OFFSET|INDEX|CHOOSE)\s*\(/i;

function area(ref: string): MergeArea {
  const [a, b = a] = ref.replace(/\$/g, "").split(":");
  if (/^[A-Z]+$/i.test(a)) {
    const l = parseA1(`${a}1`).col;
    const r = parseA1(`${b}1`).col;
    return { top: 1, left: Math.min(l, r), bottom: 1048576, right: Math.max(l, r) };
  }
  if (/^\d+$/.test(a)) return { top: Math.min(+a, +b), left: 1, bottom: Math.max(+a, +b), right: 16384 };
  const p = parseA1(a);
  const q = parseA1(b);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/**
 * What a formula (without "=") reads, conservatively: string literals are skipped; a reference to another sheet, a
 * defined name or INDIRECT/OFFSET/INDEX/CHOOSE makes it `open` (it may read a written cell in a way not seen here).
 * @example formulaReferences("I6+SUM(H15:H21)", "表1") //=> { areas: [I6, H15:H21], open: false }
 */
export function formulaReferences(formula: string, sheet: string): FormulaReferences {
  const text = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const areas: MergeArea[] = [];
  let open = FUNCTIONS_THAT_REACH_ANYWHERE.test(text);
  let i = 0;
  while (i < text.length) {
    const prev = i > 0 ? text[i - 1] : "";
    REF.lastIndex = i;
    const m = /[A-Za-z0-9_$'.\u4e00-\u9fff]/.test(prev) ? null : REF.exec(text);
    const next = m ? text[i + m[0].length] ?? "" : "";
    if (m && !/[A-Za-z0-9_(.]/.test(next)) {
      const target = m[1]?.replace(/^'|'$/g, "").replace(/''/g, "'");
      if (target !== undefined && target !== sheet) open = true;
      else areas.push(area(m[2]));
      i += m[0].length;
      continue;
    }
    const word = /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*/.exec(text.slice(i));
    if (word && !/[A-Za-z0-9_$.]/.test(prev)) {
      const after = text.slice(i + word[0].length).trimStart();
      // a word that is no function call and no TRUE/FALSE is a defined name: it may point anywhere
      if (!after.startsWith("(") && !/^(TRUE|FALSE)$/i.test(word[0])) open = true;
      i += word[0].length;
      continue;
    }
    i++;
  }
  return { areas, open };
}

const inside = (c: CellRef, a: MergeArea) => c.row >= a.top && c.row <= a.bottom && c.col >= a.left && c.col <= a.right;

/**
 * The formula cells whose result a write plan changes: those reading a written cell, or a formula cell that does,
 * however deep; a formula that may read anything (`open`) counts as changed.
 */
export function formulasAffectedBy(grid: Grid, plan: WritePlan): CellRef[] {
  if (plan.writes.length === 0) return [];
  const formulas: { cell: CellRef; refs: FormulaReferences }[] = [];
  for (const [key, cell] of grid.cells) {
    if (cell.formula === undefined) continue;
    const ref = { sheet: grid.sheet, row: keyRow(key), col: keyCol(key) };
    formulas.push({ cell: ref, refs: formulaReferences(cell.formula, grid.sheet) });
  }
  const changed: CellRef[] = plan.writes.map((w) => w.cell);
  const affected = new Set<number>();
  let grew = true;
  while (grew) {
    grew = false;
    formulas.forEach((f, i) => {
      if (affected.has(i)) return;
      if (f.refs.open || changed.some((c) => f.refs.areas.some((a) => inside(c, a)))) {
        affected.add(i);
        changed.push(f.cell);
        grew = true;
      }
    });
  }
  return [...affected].map((i) => formulas[i].cell).sort((a, b) => a.row - b.row || a.col - b.col);
}

/**
 * The formula cells of a checked sheet to read again after its write: those with a FORMULA_DISAGREES finding whose
 * result the write changes. Empty when nothing is written or no such formula exists (then no re-read is needed).
 */
export function formulasToRecheck(sheet: SheetResult, grid: Grid): CellRef[] {
  if (!sheet.plan) return [];
  const disagreeing = sheet.analysis.forms.flatMap((form) => form.findings).filter((f) => f.code === "FORMULA_DISAGREES").flatMap((f) => f.cells);
  if (disagreeing.length === 0) return [];
  const affected = formulasAffectedBy(grid, sheet.plan);
  return affected.filter((c) => disagreeing.some((d) => sameCell(d, c)));
}

/** The grid as it is after a write: the plan's values written, and these formula cells holding their new result. */
export function gridAfterWrite(grid: Grid, plan: WritePlan, recalculated: ReadonlyMap<string, CellValue>): Grid {
  const cells = [...grid.cells].map(([key, cell]) => ({ row: keyRow(key), col: keyCol(key), cell }));
  const byA1 = new Map(cells.map((c) => [toA1(c), c]));
  for (const w of plan.writes) {
    const at = byA1.get(toA1(w.cell));
    const cell = { value: w.value, numberFormat: w.numberFormat ?? at?.cell.numberFormat };
    if (at) at.cell = cell;
    else cells.push({ row: w.cell.row, col: w.cell.col, cell });
  }
  for (const [a1, value] of recalculated) {
    const at = byA1.get(a1);
    if (at) at.cell = { ...at.cell, value };
  }
  return createGrid({ sheet: grid.sheet, cells, merges: grid.merges });
}

export interface Rechecked {
  /** The sheet's result with the findings on the re-read formula cells taken after the write. */
  readonly sheet: SheetResult;
  /** The highlights those cells get now (the host held them back from its write). */
  readonly highlights: readonly Highlight[];
}

/**
 * The findings on re-read formula cells, computed on the sheet as it is after the write (`recalculated`: A1 → the
 * value Excel now gives each of them). Every other finding, the write plan's values and the report's figures stay
 * as they were.
 */
export function recheckFormulas(sheet: SheetResult, grid: Grid, profile: Profile, recalculated: ReadonlyMap<string, CellValue>, store: WorkbookStore = EMPTY_STORE): Rechecked {
  if (!sheet.plan || recalculated.size === 0) return { sheet, highlights: [] };
  const cells = [...recalculated.keys()];
  const onRechecked = (f: Finding) => f.code === "FORMULA_DISAGREES" && f.cells.some((c) => cells.includes(toA1(c)));
  const after = analyzeSheet(gridAfterWrite(grid, sheet.plan, recalculated), profile, { vocabulary: vocabularyOf(store) });
  // form by form (a sheet may hold several): the re-read cells' findings from after the write, the others as they were
  const forms = sheet.analysis.forms.map((form, i) => ({
    ...form,
    findings: [...form.findings.filter((f) => !onRechecked(f)), ...(after.forms[i]?.findings ?? []).filter(onRechecked)],
  }));
  const analysis = { ...sheet.analysis, forms, findings: forms[0]?.findings ?? sheet.analysis.findings };
  const all = highlightsFor(forms.flatMap((f) => f.findings));
  const plan: WritePlan = { ...sheet.plan, highlights: all };
  return {
    sheet: { ...sheet, analysis, plan, report: sheetReport(analysis) },
    highlights: all.filter((h) => cells.includes(toA1(h.cell))),
  };
}
